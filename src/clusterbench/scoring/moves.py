"""What meeting or losing indicators would change: the moves gap and margin search over.

Meeting an indicator gives it a value that meets its pass rule (losing it, one that earns
nothing), and every indicator whose applicability that answer decides (`applies_if`) is
decided again.  Moves are computed from the same stage-one code that scored the
assessment, so that a gap or margin is true of the answers, not of a model of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from ..kinds.facts import Measure, Outcome, measure
from ..models.answers import Answer
from ..models.criteria import Criteria
from .indicators import dated, judge, outcome_of
from .values import failing_value, passing_value

__all__ = ["Moves"]

Way = Literal["meet", "lose"]


class Moves:
    """Moves on one assessment's answers (normalised ``values``) on the date ``on``."""

    def __init__(
        self,
        criteria: Criteria,
        answers: Mapping[str, Answer],
        values: Mapping[str, Any],
        on: dt.date,
    ) -> None:
        self.criteria = criteria
        self.answers = answers
        self.values = values
        self.on = on
        self.dependents = _dependents(criteria)
        self.dated = dated(criteria)

    def when(self, indicator_id: str) -> dt.date | None:
        """The date a move of this indicator depends on; None when no date matters."""
        return self.on if indicator_id in self.dated else None

    def value(self, indicator_id: str, way: Way) -> Any:
        """The value a move gives the indicator (None: no value meets, or loses, it)."""
        memo = self.criteria.memo
        key = (way, indicator_id, self.when(indicator_id))
        if key not in memo:
            indicator = self.criteria.indicator(indicator_id)
            assert indicator is not None
            find = passing_value if way == "meet" else failing_value
            memo[key] = find(indicator, self.on)
        return memo[key]

    def single(self, indicator_id: str, way: Way, now: Outcome) -> Outcome | None:
        """The indicator's outcome after the move, when it decides no other's applicability."""
        value = self.value(indicator_id, way)
        if value is None:
            return None
        memo = self.criteria.memo
        key = ("judged", way, indicator_id, self.when(indicator_id))
        judged = memo.get(key)
        if judged is None:
            indicator = self.criteria.indicator(indicator_id)
            assert indicator is not None
            judged = memo[key] = judge(indicator, value, self.on)
        return Outcome(
            now.id,
            now.category,
            judged.status,
            judged.points,
            now.max_points,
            judged.band,
            now.minimum,
        )

    def measure(
        self, indicator_id: str, way: Way, now: Outcome, then: Outcome | None
    ) -> Measure | None:
        """The measure of :meth:`single`'s outcome (cached when there is no history)."""
        if then is not None:
            after = self.single(indicator_id, way, now)
            return measure(after, then) if after is not None else None
        memo = self.criteria.memo
        key = ("measure", way, indicator_id, self.when(indicator_id))
        if key not in memo:
            after = self.single(indicator_id, way, now)
            memo[key] = measure(after) if after is not None else None
        found: Measure | None = memo[key]
        return found

    def outcomes(self, overrides: Mapping[str, Any]) -> dict[str, Outcome]:
        """The outcomes of the indicators given new values, and of those they decide."""
        values = {**self.values, **overrides}
        touched = dict.fromkeys(overrides)
        for key in overrides:
            touched.update(dict.fromkeys(self.dependents.get(key, ())))
        found = {}
        for key in touched:
            indicator = self.criteria.indicator(key)
            assert indicator is not None
            found[key] = outcome_of(indicator, self.answers.get(key), values, self.on)
        return found


def _dependents(criteria: Criteria) -> Mapping[str, tuple[str, ...]]:
    """Controller id → the indicators whose `applies_if` reads its answer (cached)."""
    memo = criteria.memo
    found: dict[str, tuple[str, ...]] | None = memo.get("dependents")
    if found is None:
        collected: dict[str, list[str]] = {}
        for indicator in criteria.indicators:
            if indicator.applies_if is not None:
                collected.setdefault(indicator.applies_if.indicator, []).append(indicator.id)
        found = memo["dependents"] = {k: tuple(v) for k, v in collected.items()}
    return found
