"""What stage two of scoring decides from: indicator outcomes and the assessment's context.

Outcomes are light records, so that gap and margin analysis can re-decide levels many
times (indicators assumed met, or lost) without building models.  Every requirement
kind reads the outcomes through one measure (:func:`measure`) and one sum over a scope
(:class:`Tally`), so that what one kind counts, every other kind counts the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal
from typing import NamedTuple

from ..models.common import assemble
from ..models.criteria import Criteria
from ..models.result import Band, Decided, Ratio, RelatedResult, Status
from ..models.versions import IndicatorMap
from .scope import Scope

__all__ = [
    "MEASURES",
    "Facts",
    "Measure",
    "Outcome",
    "Previous",
    "Related",
    "Tally",
    "improved",
    "measure",
    "share_of",
]

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

    def as_answered(self) -> Outcome:
        """This indicator answered, where the criteria only record the answer."""
        return Outcome(
            self.id, self.category, "recorded", _ZERO, self.max_points, None, self.minimum
        )


class Measure(NamedTuple):
    """What one indicator adds to the sums requirements are stated in."""

    earned: Decimal
    possible: Decimal
    met: int
    failing: int
    unanswered: int
    improved: int
    applicable: int


_NEAREST = Context(prec=28)


def share_of(part: Decimal, whole: Decimal) -> tuple[Decimal, Ratio]:
    """``part / whole`` (whole > 0): the nearest 28-digit Decimal, and exactly.

    Remembered (a bounded table): the same few shares come back in every Result.
    """
    key = (part, whole)
    found = _SHARES.get(key)
    if found is not None and found[0] == (str(part), str(whole)):
        return found[1]
    p_num, p_den = part.as_integer_ratio()
    w_num, w_den = whole.as_integer_ratio()
    numerator, denominator = p_num * w_den, p_den * w_num
    common = math.gcd(numerator, denominator)
    fields = {"numerator": numerator // common, "denominator": denominator // common}
    made = _NEAREST.divide(part, whole), assemble(Ratio, fields, {"numerator", "denominator"})
    if len(_SHARES) < _SHARES_KEPT:
        _SHARES[key] = ((str(part), str(whole)), made)
    return made


_SHARES: dict[tuple[Decimal, Decimal], tuple[tuple[str, str], tuple[Decimal, Ratio]]] = {}
_SHARES_KEPT = 50_000


_NOTHING = Measure(_ZERO, _ZERO, 0, 0, 0, 0, 0)
MEASURES = Measure._fields
"""The measure names, in order: the coefficients of a requirement's terms refer to them."""


def improved(now: Outcome, then: Outcome | None) -> bool:
    """Whether ``now`` is better than ``then``: more points, or as many with a better band.

    An indicator not applicable then or now, or not assessed then, has not improved.
    """
    if then is None or not then.applicable or not now.applicable:
        return False
    ours, theirs = now.points, then.points
    if now.max_points != then.max_points and now.max_points and then.max_points:
        # Counterparts in two versions of a set may carry different points: compare shares.
        ours, theirs = ours * then.max_points, theirs * now.max_points
    return (ours, _BAND_RANK[now.band]) > (theirs, _BAND_RANK[then.band])


def measure(outcome: Outcome, then: Outcome | None = None) -> Measure:
    """The measure of one outcome (``then``: the same indicator in the previous assessment)."""
    status = outcome.status
    if status == "not_applicable":
        return _NOTHING
    met = status == "met"
    return Measure(
        outcome.points if status != "recorded" else _ZERO,
        outcome.max_points,
        1 if met else 0,
        0 if met else 1,
        1 if status == "not_answered" else 0,
        1 if then is not None and improved(outcome, then) else 0,
        1,
    )


class Tally(NamedTuple):
    """The measures of a scope's indicators, summed (a tuple: scoring makes many)."""

    earned: Decimal = _ZERO
    possible: Decimal = _ZERO
    met: int = 0
    failing: int = 0
    unanswered: int = 0
    improved: int = 0
    applicable: int = 0

    def share(self) -> tuple[Decimal, Ratio] | None:
        """Earned over possible: the nearest 28-digit Decimal and the exact ratio; None
        when nothing is possible."""
        if not self.possible:
            return None
        return share_of(self.earned, self.possible)

    @classmethod
    def of(cls, measures: Iterable[Measure]) -> Tally:
        """The sum of some measures."""
        earned = possible = _ZERO
        met = failing = unanswered = better = applicable = 0
        for m in measures:  # one pass: most scopes are a few indicators
            earned += m[0]
            possible += m[1]
            met += m[2]
            failing += m[3]
            unanswered += m[4]
            better += m[5]
            applicable += m[6]
        return cls(earned, possible, met, failing, unanswered, better, applicable)


_EMPTY = Tally()


@dataclass(frozen=True, slots=True)
class Previous:
    """The previous assessment, as far as it is known (always dated before this one)."""

    date: dt.date
    level: str | None
    criteria: str
    indicators: Mapping[str, Outcome] | None = None
    """Its outcomes by the ids of the criteria scored now (counterparts in another version)."""
    valid_until: dt.date | None = None
    version: str | None = None
    renewals: int = 0
    valid_from: dt.date | None = None
    """The start of its label's period (a review keeps it)."""
    """How many renewals in a row its label already stands on."""
    carried: IndicatorMap | None = None
    """How its indicators map onto these criteria, when it was made with another version."""
    held: str | None = None
    """The level its label gave on this assessment's date: approved by then (or free of
    approval), else None; a stated previous level is held as stated."""
    decision: Decided | None = None
    """The body's decision on its label as it stood on this assessment's date (None: a
    stated previous level)."""


@dataclass(frozen=True, slots=True)
class Related:
    """Another criteria set's outcome, with that set's levels from lowest to highest."""

    result: RelatedResult
    order: tuple[str, ...] = ()

    def reaches(self, level: str | None) -> bool:
        """Whether the outcome's level is ``level`` or higher (any level when None)."""
        reached = self.result.level
        if reached is None:
            return False
        if level is None:
            return True
        if reached in self.order and level in self.order:
            return self.order.index(reached) >= self.order.index(level)
        return reached == level

    def awarded_by(self, day: dt.date) -> bool:
        """Whether the level was awarded on or before ``day`` (or when is not known)."""
        awarded = self.result.awarded
        return awarded is None or awarded <= day

    def valid_on(self, day: dt.date) -> bool:
        """Whether the level is known to be valid on ``day``."""
        result = self.result
        if result.valid_until is None or result.valid_until < day:
            return False
        return result.awarded is None or result.awarded <= day


@dataclass(slots=True)
class Facts:
    """Indicator outcomes plus context; simulations replace outcomes and decide again."""

    criteria: Criteria
    indicators: Mapping[str, Outcome]
    date: dt.date
    previous: Previous | None = None
    related: Mapping[str, Related] = field(default_factory=dict)
    areas: tuple[str, ...] = ()
    review: bool = False
    """A review within the previous label's period (`type: review`): the period stays."""
    _tallies: dict[tuple[str, ...] | None, Tally] = field(default_factory=dict, repr=False)
    _measures: dict[str, Measure] = field(default_factory=dict, repr=False)

    def with_outcomes(self, changed: Mapping[str, Outcome]) -> Facts:
        """The same facts with some outcomes replaced."""
        indicators = {**self.indicators, **changed}
        return Facts(self.criteria, indicators, self.date, self.previous, self.related, self.areas)

    def then(self, indicator_id: str) -> Outcome | None:
        """The indicator's outcome in the previous assessment, when its answers are known."""
        previous = self.previous
        if previous is None or previous.indicators is None:
            return None
        return previous.indicators.get(indicator_id)

    def measures(self) -> Mapping[str, Measure]:
        """Every indicator's measure, computed once."""
        found = self._measures
        if not found and self.indicators:
            before = self.previous.indicators if self.previous is not None else None
            if before is None:
                found.update((key, measure(o)) for key, o in self.indicators.items())
            else:
                found.update(
                    (key, measure(o, before.get(key))) for key, o in self.indicators.items()
                )
        return found

    def known(self, measures: Mapping[str, Measure]) -> None:
        """Take the measures as already computed (by stage one, with no history)."""
        self._measures.update(measures)

    def measure(self, indicator_id: str) -> Measure:
        """One indicator's measure."""
        return self.measures()[indicator_id]

    def by_category(self) -> dict[str, Tally]:
        """Each category's summed measures (the same tallies its requirements count)."""
        criteria = self.criteria
        scopes: list[tuple[str, tuple[str, ...] | None]] | None = criteria.memo.get("categories")
        if scopes is None:  # the scope's own tuples: the tallies are kept by them
            scopes = [(c.id, Scope(category=c.id).ids(criteria)) for c in criteria.categories]
            criteria.memo["categories"] = scopes
        return {name: self.tally(ids) for name, ids in scopes}

    def tally(self, ids: tuple[str, ...] | None) -> Tally:
        """The summed measures of the indicators ``ids`` (None: every indicator), cached."""
        found = self._tallies.get(ids)
        if found is None:
            measures = self.measures()
            if ids is None:
                found = Tally.of(measures.values())
            else:
                found = Tally.of([measures[i] for i in ids if i in measures])
            self._tallies[ids] = found
        return found

    def outcomes(self, ids: tuple[str, ...] | None) -> list[Outcome]:
        """The outcomes of ``ids`` (None: every indicator), in the criteria's order."""
        if ids is None:
            return list(self.indicators.values())
        return [self.indicators[i] for i in ids if i in self.indicators]

    def shortfall(self, ids: tuple[str, ...] | None) -> tuple[str, ...]:
        """Applicable indicators of ``ids`` not earning full points, largest gain first."""
        open_ = [o for o in self.outcomes(ids) if o.applicable and o.points < o.max_points]
        return tuple(o.id for o in sorted(open_, key=lambda o: o.points - o.max_points))

    def improvements(self) -> tuple[list[str], list[str], list[str]]:
        """Indicator ids improved, declined and unchanged since the previous assessment.

        Indicators not applicable then or now count as unchanged.
        """
        before = self.previous.indicators if self.previous is not None else None
        better: list[str] = []
        declined: list[str] = []
        unchanged: list[str] = []
        if before is None:
            return better, declined, unchanged
        for key, now in self.indicators.items():
            then = before.get(key)
            if then is None:
                continue
            if improved(now, then):
                better.append(key)
            elif improved(then, now):
                declined.append(key)
            else:
                unchanged.append(key)
        return better, declined, unchanged
