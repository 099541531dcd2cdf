"""What stage two of scoring decides from: indicator outcomes and the assessment's context.

Outcomes are light records, so that gap and margin analysis can re-decide levels many
times (each indicator assumed met, or lost) without building models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..models.criteria import Criteria
from ..models.result import Band, RelatedResult, Status

__all__ = ["Facts", "Outcome", "Previous"]

_BAND_RANK = {None: 0, "red": 1, "yellow": 2, "green": 3}
_ZERO = Decimal(0)


class Outcome(NamedTuple):
    """One indicator's decided state (a tuple: simulations build many)."""

    id: str
    category: str
    status: Status
    points: Decimal
    max_points: Decimal
    band: Band | None
    minimum: bool

    @property
    def applicable(self) -> bool:
        """False when the indicator does not apply."""
        return self.status != "not_applicable"

    def as_met(self) -> Outcome:
        """This indicator fully met."""
        return Outcome(
            self.id, self.category, "met", self.max_points, self.max_points, "green", self.minimum
        )

    def as_lost(self) -> Outcome:
        """This indicator not met."""
        return Outcome(
            self.id, self.category, "not_met", _ZERO, self.max_points, "red", self.minimum
        )


@dataclass(frozen=True, slots=True)
class Previous:
    """The previous assessment, as far as it is known."""

    date: dt.date
    level: str | None
    criteria: str
    indicators: Mapping[str, Outcome] | None = None
    valid_until: dt.date | None = None


@dataclass(slots=True)
class Facts:
    """Indicator outcomes plus context; simulations replace outcomes and decide again."""

    criteria: Criteria
    indicators: Mapping[str, Outcome]
    date: dt.date
    previous: Previous | None = None
    related: Mapping[str, tuple[RelatedResult, tuple[str, ...]]] = field(default_factory=dict)
    areas: tuple[str, ...] = ()

    def with_outcomes(self, changed: Mapping[str, Outcome]) -> Facts:
        """The same facts with some outcomes replaced."""
        indicators = {**self.indicators, **changed}
        return Facts(self.criteria, indicators, self.date, self.previous, self.related, self.areas)

    def improvements(self) -> tuple[list[str], list[str], list[str]]:
        """Indicator ids improved, declined and unchanged since the previous assessment.

        An indicator improved when it earns more points, or as many with a better band.
        Indicators not applicable then or now count as unchanged.
        """
        before = self.previous.indicators if self.previous is not None else None
        improved: list[str] = []
        declined: list[str] = []
        unchanged: list[str] = []
        if before is None:
            return improved, declined, unchanged
        for key, now in self.indicators.items():
            then = before.get(key)
            if then is None:
                continue
            if not then.applicable or not now.applicable:
                unchanged.append(key)
                continue
            then_rank = (then.points, _BAND_RANK[then.band])
            now_rank = (now.points, _BAND_RANK[now.band])
            if now_rank > then_rank:
                improved.append(key)
            elif now_rank < then_rank:
                declined.append(key)
            else:
                unchanged.append(key)
        return improved, declined, unchanged
