"""Answer values: normalising what an assessor wrote, and finding values that meet a rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..models.answer_types import (
    AnswerValueError,
    ChoiceAnswer,
    DateAnswer,
    IntegerAnswer,
    ScaleAnswer,
)
from ..models.answers import Answer
from ..models.criteria import Criteria, Indicator
from ..models.rules import Rule

__all__ = ["normalized_values", "passing_value"]


def normalized_values(criteria: Criteria, answers: Mapping[str, Answer]) -> dict[str, Any]:
    """The answered values, normalised to their indicator's type (exact Decimals, tuples).

    Takes answers the loader has checked (``loader.answers.check_answers``): scoring
    does not validate again.  An answer that breaks that contract (an unknown
    indicator, a value that does not fit) is a programming error, a ValueError.
    """
    result: dict[str, Any] = {}
    for key, answer in answers.items():
        indicator = criteria.indicator(key)
        if indicator is None:
            raise ValueError(f"{key!r} is not an indicator of {criteria.id}: {_CONTRACT}")
        if answer.value is None:
            continue
        try:
            result[key] = indicator.answer.normalize(answer.value)
        except AnswerValueError as exc:
            raise ValueError(f"{key}: {exc.message}: {_CONTRACT}") from None
    return result


_CONTRACT = "score() takes answers checked against their criteria, as the loaders give them"


def passing_value(indicator: Indicator, on: dt.date) -> Any:
    """A value that meets the indicator's pass rule (or its green band); None if none is found.

    Used for golden examples that start `all_met`.
    """
    rule = indicator.pass_ or (indicator.bands.green if indicator.bands else None)
    if rule is None:
        return None
    for candidate in _candidates(rule, indicator, on):
        try:
            value = indicator.answer.normalize(candidate)
        except AnswerValueError:
            continue
        if rule.holds(value, on=on):
            return value
    return None


def _candidates(rule: Rule, indicator: Indicator, on: dt.date) -> list[Any]:
    answer = indicator.answer
    if isinstance(answer, ChoiceAnswer):
        ids = list(answer.option_ids())
        if not answer.multiple:
            return ids
        return [ids[:n] for n in range(len(ids), -1, -1)] + [[i] for i in ids]
    if isinstance(answer, ScaleAnswer):
        return [step.value for step in reversed(answer.steps)]
    if isinstance(answer, DateAnswer):
        return [
            on,
            *(b for b in (rule.at_least, rule.at_most, rule.above, rule.below) if b is not None),
        ]
    candidates: list[Any] = []
    if rule.is_true is not None:
        candidates.append(rule.is_true)
    if rule.equals is not None:
        candidates.append(rule.equals)
    candidates += list(rule.one_of or ())
    if rule.between is not None:
        candidates.append(rule.between[0])
    step = Decimal(1) if isinstance(answer, IntegerAnswer) else Decimal("0.01")
    for bound, nudge in (
        (rule.at_least, 0),
        (rule.above, step),
        (rule.at_most, 0),
        (rule.below, -step),
    ):
        if isinstance(bound, Decimal):
            candidates.append(bound + nudge)
    candidates += [True, False, Decimal(0), Decimal(100), "yes"]
    return candidates
