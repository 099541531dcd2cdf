"""Development over time: the organisation's key figures across its assessments.

Built from the assessments the report's `previous` chain carries (each with the key
figures it records), so that the report shows what the history in the appendix shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ...models.figures import Figure, Growth, Money
from ...pipeline.development import FigureSeries, development
from ...pipeline.scoring import Scored
from .. import charts
from ..phrases import Phrases
from .context import Context

__all__ = ["DevelopmentRow", "DevelopmentView", "build_development"]


@dataclass(frozen=True, slots=True)
class DevelopmentRow:
    """One key figure at each assessment, and how it changed."""

    title: str
    values: tuple[str, ...]
    change: str


@dataclass(frozen=True, slots=True)
class DevelopmentView:
    """The key figures across the assessments, as a table and a small multiple."""

    dates: tuple[str, ...]
    rows: tuple[DevelopmentRow, ...]
    chart: Markup | None
    note: str


def build_development(ctx: Context) -> DevelopmentView | None:
    """The development over time, when earlier assessments record key figures too."""
    chain: list[Scored] = []
    current: Scored | None = ctx.scored
    while current is not None:
        chain.append(current)
        current = current.previous
    if len(chain) < 2:
        return None
    found = development((s.assessment.date, s.assessment.organisation) for s in chain)
    if not found.comparable:
        return None
    say, fmt = ctx.say, ctx.say.fmt
    _ = say.gettext
    rows = tuple(
        DevelopmentRow(
            title=title(series.figure, say),
            values=tuple(
                value(found.value(series.figure.key, day), series.figure, say)
                for day in found.dates
            ),
            change=change(series, say),
        )
        for series in found.series
    )
    # The axis runs a quarter beyond the first and last assessment; each year is labelled
    # in its middle, between the ticks of 1 January that bound it.
    start = found.dates[0] - dt.timedelta(days=90)
    end = found.dates[-1] + dt.timedelta(days=90)
    span = (end - start).days

    def at(day: dt.date) -> float:
        return (day - start).days / span

    panels = [
        charts.Panel(
            title=title(series.figure, say),
            points=[(at(day), float(_plain(v))) for day, v in series.values],
            first_label=value(series.first, series.figure, say, short=True),
            last_label=value(series.last, series.figure, say, short=True),
        )
        for series in found.series
        if series.figure.kind != "growth" and len(series.values) > 1 and _one_currency(series)
    ]
    chart = (
        Markup(
            charts.line_panels(panels, year_axis(start, end, at), title=_("Development over time"))
        )
        if panels
        else None
    )
    return DevelopmentView(
        dates=tuple(fmt.date(day) for day in found.dates),
        rows=rows,
        chart=chart,
        note=_(
            "Key figures as each assessment records them. A figure is compared only where "
            "two assessments state it."
        ),
    )


def year_axis(
    start: dt.date, end: dt.date, at: Callable[[dt.date], float]
) -> tuple[charts.Year, ...]:
    """The years from ``start`` to ``end`` on an axis, each between its two 1 Januarys."""
    return tuple(
        charts.Year(at(dt.date(year, 1, 1)), at(dt.date(year + 1, 1, 1)), str(year))
        for year in range(start.year, end.year + 1)
    )


def _one_currency(series: FigureSeries) -> bool:
    currencies = {v.currency for _, v in series.values if isinstance(v, Money)}
    return len(currencies) <= 1


def _plain(value: Any) -> Decimal:
    return value.amount if isinstance(value, Money) else Decimal(value)


def title(figure: Figure, say: Phrases) -> str:
    """A key figure's name."""
    _ = say.gettext
    return {
        "members": _("Members"),
        "partners": _("Partners"),
        "staff": _("Staff (full-time equivalents)"),
        "budget": _("Budget"),
        "private_share": _("Private share of the budget"),
        "export_growth": _("Growth of the members' exports"),
    }[figure.key]


def value(found: Any, figure: Figure, say: Phrases, *, short: bool = False) -> str:
    """One value of a key figure, as the reader reads it."""
    fmt = say.fmt
    if found is None:
        return "–"
    if isinstance(found, Money):
        return fmt.money(found.amount, found.currency)
    if isinstance(found, Growth):
        shown = _signed(fmt.percent(found.percent / 100, places=0), found.percent)
        return (
            shown
            if short
            else say.gettext("%(change)s since %(year)d")
            % {
                "change": shown,
                "year": found.since,
            }
        )
    if figure.kind == "percent":
        return fmt.percent(Decimal(found) / 100, places=0)
    if figure.kind == "fte":
        return fmt.number(found, places=1)
    return fmt.number(found, places=0)


def _signed(text: str, number: Decimal) -> str:
    return ("+" if number > 0 else "−" if number < 0 else "") + text.lstrip("-−")


def change(series: FigureSeries, say: Phrases) -> str:
    """How a figure changed from the first assessment that states it to the last."""
    fmt, _ = say.fmt, say.gettext
    found = series.change
    if found is None:
        return "–"
    kind = series.figure.kind
    if kind == "percent":
        return say.ngettext(
            "%(sign)s%(num)s percentage point", "%(sign)s%(num)s percentage points", int(abs(found))
        ) % {"sign": "+" if found >= 0 else "−", "num": fmt.number(abs(found))}
    if kind == "money":
        currency = series.last.currency if isinstance(series.last, Money) else ""
        text = fmt.money(found, currency, signed=True)
    elif kind == "fte":
        text = _signed(fmt.number(abs(found), places=1), found)
    else:
        text = _signed(fmt.number(abs(found), places=0), found)
    relative = series.relative
    if relative is not None:
        text += f" ({_signed(fmt.percent(abs(relative), places=0), relative)})"
    return text
