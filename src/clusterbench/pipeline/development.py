"""How an organisation's key figures developed across its assessments.

The figures are those of the assessment format (``models.figures``): members, partners,
staff, budget, private share, export growth.  Each is compared only between the
assessments that state it; a budget in another currency is not compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..models.assessment import Organisation
from ..models.figures import FIGURES, Figure, Growth, Money

__all__ = ["Development", "FigureSeries", "development", "figure_value"]


def figure_value(organisation: Organisation, figure: Figure) -> Any:
    """The value of one key figure as the organisation states it, or None."""
    if figure.key == "members":
        return organisation.members
    figures = organisation.figures
    return getattr(figures, figure.key) if figures is not None else None


@dataclass(frozen=True, slots=True)
class FigureSeries:
    """One key figure at each assessment that states it, oldest first."""

    figure: Figure
    values: tuple[tuple[dt.date, Any], ...]

    @property
    def first(self) -> Any:
        """The earliest value."""
        return self.values[0][1]

    @property
    def last(self) -> Any:
        """The latest value."""
        return self.values[-1][1]

    @property
    def since(self) -> dt.date:
        """When the earliest value was recorded."""
        return self.values[0][0]

    @property
    def change(self) -> Decimal | None:
        """Latest minus earliest (percentage points for a share); None when the values do
        not compare (one value, a growth, or budgets in two currencies)."""
        if len(self.values) < 2 or self.figure.kind == "growth":
            return None
        first, last = self.first, self.last
        if isinstance(first, Money) and isinstance(last, Money):
            if first.currency != last.currency:
                return None
            return last.amount - first.amount
        return Decimal(last) - Decimal(first)

    @property
    def relative(self) -> Decimal | None:
        """The change as a share of the earliest value (counts, staff and money), or None."""
        change = self.change
        if change is None or self.figure.kind not in ("count", "fte", "money"):
            return None
        first = self.first.amount if isinstance(self.first, Money) else Decimal(self.first)
        return change / first if first else None


@dataclass(frozen=True, slots=True)
class Development:
    """The key figures across an organisation's assessments."""

    dates: tuple[dt.date, ...]
    """Every assessment date that states a figure, oldest first."""
    series: tuple[FigureSeries, ...]
    """Each figure stated at least once, in the order of ``FIGURES``."""

    @property
    def comparable(self) -> bool:
        """Whether any figure is stated at two assessments (else nothing developed)."""
        return any(len(s.values) > 1 or s.figure.kind == "growth" for s in self.series)

    def value(self, figure: str, day: dt.date) -> Any:
        """The value of ``figure`` at the assessment of ``day``, or None."""
        series = next((s for s in self.series if s.figure.key == figure), None)
        if series is None:
            return None
        return next((v for d, v in series.values if d == day), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready development."""

        def plain(value: Any) -> Any:
            if isinstance(value, Money):
                return {"amount": str(value.amount), "currency": value.currency}
            if isinstance(value, Growth):
                return {"percent": str(value.percent), "since": value.since}
            return str(value) if isinstance(value, Decimal) else value

        return {
            "dates": [d.isoformat() for d in self.dates],
            "figures": [
                {
                    "figure": s.figure.key,
                    "values": [{"date": d.isoformat(), "value": plain(v)} for d, v in s.values],
                    "change": str(s.change) if s.change is not None else None,
                    "relative": str(s.relative) if s.relative is not None else None,
                }
                for s in self.series
            ],
        }


def development(assessed: Iterable[tuple[dt.date, Organisation]]) -> Development:
    """The key figures of ``assessed`` (each assessment's date and organisation).

    Two assessments of one day (a label and a programme decision together) give one
    value: the later one listed.
    """
    by_day: dict[dt.date, Organisation] = {}
    for day, organisation in sorted(assessed, key=lambda item: item[0]):
        by_day[day] = organisation
    series = []
    for figure in FIGURES:
        values = tuple(
            (day, value)
            for day, organisation in by_day.items()
            if (value := figure_value(organisation, figure)) is not None
        )
        if values:
            series.append(FigureSeries(figure, values))
    dates = tuple(sorted({d for s in series for d, _ in s.values}))
    return Development(dates, tuple(series))
