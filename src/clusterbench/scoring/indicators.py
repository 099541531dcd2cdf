"""Stage one of scoring: each indicator's status, points and band, from its answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from ..kinds.facts import Measure, Outcome, measure
from ..kinds.registry import answer_kind
from ..models.answers import Answer
from ..models.common import assemble
from ..models.criteria import Criteria, Indicator
from ..models.result import Band, IndicatorResult, Status
from ..models.rules import PartialStep

__all__ = [
    "Judgement",
    "dated",
    "evaluate",
    "evaluate_indicators",
    "judge",
    "outcome",
    "outcome_of",
]

_ZERO = Decimal(0)
_DERIVED_BAND: dict[Status, Band | None] = {
    "met": "green",
    "partly_met": "yellow",
    "not_met": "red",
    "not_applicable": None,
    "not_answered": None,
    "recorded": None,
}
_BAND_STATUS: dict[str, Status] = {"green": "met", "yellow": "partly_met", "red": "not_met"}


class Judgement(NamedTuple):
    """How one answer value came out, before any words are said about it."""

    status: Status
    points: Decimal
    band: Band | None
    step: PartialStep | None = None


def judge(indicator: Indicator, value: Any, on: dt.date) -> Judgement:
    """The status, points and band of an applicable indicator answered ``value``."""
    bands = indicator.bands
    band = bands.colour_of(value, on=on) if bands is not None else None
    rule = indicator.pass_
    if rule is not None:
        if rule.holds(value, on=on):
            status: Status = "met"
            earned = indicator.points
            step = None
        else:
            step = next((s for s in indicator.partial if s.holds(value, on=on)), None)
            status, earned = ("partly_met", step.points) if step is not None else ("not_met", _ZERO)
    elif bands is not None:
        status = _BAND_STATUS.get(band or "", "not_met")
        earned = indicator.points if status == "met" else _ZERO
        step = None
    else:
        status, earned, step = "recorded", _ZERO, None
    if bands is None:
        band = _DERIVED_BAND[status]
    return Judgement(status, earned, band, step)


def _not_applicable_by(indicator: Indicator, values: Mapping[str, Any], on: dt.date) -> Any:
    """The controlling answer that makes ``indicator`` not apply, or None."""
    condition = indicator.applies_if
    if condition is None:
        return None
    other = values.get(condition.indicator)
    if other is not None and not condition.holds(other, on=on):
        return other
    return None


def outcome_of(
    indicator: Indicator, answer: Answer | None, values: Mapping[str, Any], on: dt.date
) -> Outcome:
    """One indicator's outcome from the answers' normalised ``values`` (no words)."""
    base = (indicator.id, indicator.category)
    if (answer is not None and answer.not_applicable) or _not_applicable_by(
        indicator, values, on
    ) is not None:
        status: Status = "not_applicable"
        return Outcome(*base, status, _ZERO, indicator.points, None, indicator.minimum_requirement)
    value = values.get(indicator.id)
    if value is None:
        return Outcome(
            *base, "not_answered", _ZERO, indicator.points, None, indicator.minimum_requirement
        )
    judged = judge(indicator, value, on)
    return Outcome(
        *base,
        judged.status,
        judged.points,
        indicator.points,
        judged.band,
        indicator.minimum_requirement,
    )


def evaluate_indicators(
    criteria: Criteria,
    answers: Mapping[str, Answer],
    values: Mapping[str, Any],
    on: dt.date,
) -> tuple[IndicatorResult, ...]:
    """Every indicator's result, in the criteria's order.

    ``answers`` says which indicators are marked not applicable (the loader has checked
    that the criteria allow it); ``values`` holds the normalised answer values (see
    :func:`normalized_values`).
    """
    return tuple(r for r, _, _ in evaluate(criteria, answers, values, on))


def evaluate(
    criteria: Criteria,
    answers: Mapping[str, Answer],
    values: Mapping[str, Any],
    on: dt.date,
) -> list[tuple[IndicatorResult, Outcome, Measure]]:
    """Every indicator's result with its outcome and measure (with no history), in order.

    An answered indicator's result depends on its value alone (and on the date, for
    `within_months`): it is computed once per value and criteria, and shared.
    """
    found: list[tuple[IndicatorResult, Outcome, Measure]] = []
    memo = criteria.memo
    for indicator, template, dated in _templates(criteria):
        key = indicator.id
        answer = answers.get(key)
        value = values.get(key)
        if (
            value is None
            or (answer is not None and answer.not_applicable)
            or (
                indicator.applies_if is not None
                and _not_applicable_by(indicator, values, on) is not None
            )
        ):
            found.append(_judged(_evaluate(indicator, template, answer, values, on)))
            continue
        kind = type(value)  # True == 1 == Decimal(1), and Decimal("1.5") == Decimal("1.50")
        exact = str(value) if kind is Decimal else value
        remembered = ("result", key, kind, exact, on if dated else None)
        triple = memo.get(remembered)
        if triple is None:
            result = _evaluate(indicator, template, answer, values, on)
            triple = criteria.remember(remembered, _judged(result))
        found.append(triple)
    return found


def _judged(result: IndicatorResult) -> tuple[IndicatorResult, Outcome, Measure]:
    found = outcome(result)
    return result, found, measure(found)


def outcome(result: IndicatorResult) -> Outcome:
    """An indicator result as the light record stage two decides from."""
    return Outcome(
        result.id,
        result.category,
        result.status,
        result.points,
        result.max_points,
        result.band,
        result.minimum_requirement,
    )


_GIVEN = ("id", "category", "status", "points", "max_points", "band", "minimum_requirement",
          "value", "step", "not_applicable_by")  # fmt: skip


def dated(criteria: Criteria) -> frozenset[str]:
    """The indicators whose decisions can change with the assessment date alone: a
    `within_months` rule, or an answer type whose values do (cached)."""
    found: frozenset[str] | None = criteria.memo.get("dated")
    if found is None:
        found = frozenset(
            indicator.id
            for indicator, _, by_date in _templates(criteria)
            if by_date or answer_kind(indicator.answer).dated
        )
        criteria.memo["dated"] = found
    return found


def _templates(criteria: Criteria) -> list[tuple[Indicator, dict[str, Any], bool]]:
    """Each indicator with its result's fields that never change, and whether its rules
    count from the assessment date (`within_months`), computed once."""
    memo = criteria.memo
    found: list[tuple[Indicator, dict[str, Any], bool]] | None = memo.get("result templates")
    if found is None:
        fields = IndicatorResult.__pydantic_fields__
        blank = {name: f.get_default(call_default_factory=True) for name, f in fields.items()}
        found = []
        for indicator in criteria.indicators:
            rules = [indicator.pass_, *indicator.partial]
            if indicator.bands is not None:
                rules += [rule for _, rule in indicator.bands.items()]
            dated = any(rule is not None and rule.within_months is not None for rule in rules)
            fixed = {
                "id": indicator.id,
                "category": indicator.category,
                "max_points": indicator.points,
                "minimum_requirement": indicator.minimum_requirement,
            }
            found.append((indicator, blank | fixed, dated))
        memo["result templates"] = found
    return found


def _evaluate(
    indicator: Indicator,
    template: dict[str, Any],
    answer: Answer | None,
    values: Mapping[str, Any],
    on: dt.date,
) -> IndicatorResult:
    if answer is not None and answer.not_applicable:
        return _result(template, "not_applicable", _ZERO, None, None)
    other = _not_applicable_by(indicator, values, on)
    if other is not None:
        condition = indicator.applies_if
        assert condition is not None
        return _result(template, "not_applicable", _ZERO, None, None, by=condition.indicator)
    value = values.get(indicator.id)
    if value is None:
        return _result(template, "not_answered", _ZERO, None, None)
    judged = judge(indicator, value, on)
    step = indicator.partial.index(judged.step) if judged.step is not None else None
    return _result(template, judged.status, judged.points, judged.band, value, step=step)


def _result(
    template: dict[str, Any],
    status: Status,
    points: Decimal,
    band: Band | None,
    value: Any,
    *,
    step: int | None = None,
    by: str | None = None,
) -> IndicatorResult:
    # Built without validation: every field is already of its type, and scoring runs
    # this for every indicator of every assessment.
    fields = dict(template)
    fields["status"] = status
    fields["points"] = points
    fields["band"] = band
    fields["value"] = value
    fields["step"] = step
    fields["not_applicable_by"] = by
    return assemble(IndicatorResult, fields, set(_GIVEN))
