"""Answer values: normalising what an assessor wrote, and finding values that meet a rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..kinds.registry import answer_kind
from ..models.answer_types import AnswerValueError
from ..models.answers import Answer
from ..models.criteria import Criteria, Indicator

__all__ = ["failing_value", "normalized_values", "passing_value"]


def normalized_values(criteria: Criteria, answers: Mapping[str, Answer]) -> dict[str, Any]:
    """The answered values, normalised to their indicator's type (exact Decimals, tuples).

    Takes answers the loader has checked (``loader.answers.check_answers``): scoring
    does not validate again.  An answer that breaks that contract (an unknown
    indicator, a value that does not fit) is a programming error, a ValueError.
    """
    result: dict[str, Any] = {}
    memo = criteria.memo
    for key, answer in answers.items():
        raw = answer.value
        if raw is None:
            if criteria.indicator(key) is None:
                raise ValueError(f"{key!r} is not an indicator of {criteria.id}: {_CONTRACT}")
            continue
        # The same answer normalises the same way: a batch answers most questions alike.
        kind = type(raw)  # True == 1 == Decimal(1), and Decimal("1.5") == Decimal("1.50")
        remembered = (
            ("value", key, kind, str(raw) if kind is Decimal else raw)
            if isinstance(raw, _HASHABLE)
            else None
        )
        found = memo.get(remembered, _MISSING) if remembered is not None else _MISSING
        if found is _MISSING:
            indicator = criteria.indicator(key)
            if indicator is None:
                raise ValueError(f"{key!r} is not an indicator of {criteria.id}: {_CONTRACT}")
            try:
                found = answer_kind(indicator.answer).normalize(indicator.answer, raw)
            except AnswerValueError as exc:
                raise ValueError(f"{key}: {exc.message}: {_CONTRACT}") from None
            if remembered is not None:
                criteria.remember(remembered, found)
        result[key] = found
    return result


_HASHABLE = (bool, int, float, Decimal, str, dt.date, tuple)


_MISSING = object()


_CONTRACT = "score() takes answers checked against their criteria, as the loaders give them"


def passing_value(indicator: Indicator, on: dt.date) -> Any:
    """A value that meets the indicator's pass rule (or its green band); None if none is found.

    Used for golden examples that start `all_met`, and for the moves of a gap.
    """
    rule = indicator.pass_ or (indicator.bands.green if indicator.bands else None)
    if rule is None:
        return None
    kind = answer_kind(indicator.answer)
    for candidate in kind.tries(indicator.answer, rule, on):
        try:
            value = kind.normalize(indicator.answer, candidate)
        except AnswerValueError:
            continue
        if rule.holds(value, on=on):
            return value
    return None


def failing_value(indicator: Indicator, on: dt.date) -> Any:
    """A value that earns nothing: the pass rule fails, no partial step or green band holds.

    None when every value earns something (or nothing judges the indicator).  Used for
    the moves of a margin.
    """
    rule = indicator.pass_ or (indicator.bands.green if indicator.bands else None)
    if rule is None:
        return None
    kind = answer_kind(indicator.answer)
    tried = list(kind.tries(indicator.answer, rule, on))
    for step in indicator.partial:
        tried += kind.tries(indicator.answer, step, on)
    bands = indicator.bands
    for candidate in tried:
        try:
            value = kind.normalize(indicator.answer, candidate)
        except AnswerValueError:
            continue
        if rule.holds(value, on=on) or any(s.holds(value, on=on) for s in indicator.partial):
            continue
        if indicator.pass_ is None and bands is not None and bands.colour_of(value, on=on) != "red":
            continue
        return value
    return None
