"""Stage one of scoring: each indicator's status, points and band, from its answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..models.answers import Answer
from ..models.common import construct
from ..models.criteria import Criteria, Indicator
from ..models.result import Band, IndicatorResult, Status
from ..models.rules import format_value
from .text import points as fmt_points

__all__ = ["evaluate_indicators"]

_ZERO = Decimal(0)
_DERIVED_BAND: dict[Status, Band | None] = {
    "met": "green",
    "partly_met": "yellow",
    "not_met": "red",
    "not_applicable": None,
    "not_answered": None,
    "recorded": None,
}


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
    return tuple(_evaluate(i, answers.get(i.id), values, on) for i in criteria.indicators)


def _evaluate(
    indicator: Indicator,
    answer: Answer | None,
    values: Mapping[str, Any],
    on: dt.date,
) -> IndicatorResult:
    base = {
        "id": indicator.id,
        "category": indicator.category,
        "max_points": indicator.points,
        "minimum_requirement": indicator.minimum_requirement,
    }
    if answer is not None and answer.not_applicable:
        reason = f"not applicable: {answer.reason}" if answer.reason else "not applicable"
        return _result(base, "not_applicable", _ZERO, None, None, None, reason)
    condition = indicator.applies_if
    if condition is not None:
        other = values.get(condition.indicator)
        if other is not None and not condition.holds(other, on=on):
            reason = (
                f"not applicable: {condition.indicator} is {format_value(other)}, "
                f"it applies when {condition.description}"
            )
            return _result(base, "not_applicable", _ZERO, None, None, None, reason)
    value = values.get(indicator.id)
    if value is None:
        return _result(base, "not_answered", _ZERO, None, None, None, "not answered")

    shown = format_value(value)
    band = indicator.bands.colour_of(value, on=on) if indicator.bands else None
    status: Status
    rule_text: str | None
    if indicator.pass_ is not None:
        rule_text = indicator.pass_.description
        if indicator.pass_.holds(value, on=on):
            status, earned, reason = "met", indicator.points, f"{shown} meets {rule_text}"
        else:
            step = next((s for s in indicator.partial if s.holds(value, on=on)), None)
            if step is not None:
                status, earned = "partly_met", step.points
                reason = (
                    f"{shown} does not meet {rule_text}; partial credit "
                    f"{fmt_points(step.points)} of {fmt_points(indicator.points)} for {step.description}"
                )
            else:
                status, earned, reason = "not_met", Decimal(0), f"{shown} does not meet {rule_text}"
    elif indicator.bands is not None:
        rule_band = dict(indicator.bands.items()).get(band) if band else None
        rule_text = rule_band.description if rule_band is not None else None
        status = {"green": "met", "yellow": "partly_met", "red": "not_met"}.get(
            band or "", "not_met"
        )  # type: ignore[assignment]
        earned = indicator.points if status == "met" else Decimal(0)
        reason = (
            f"{shown} is in the {band} band ({rule_text})" if band else f"{shown} is in no band"
        )
    else:
        status, earned, rule_text, reason = "recorded", Decimal(0), None, f"recorded: {shown}"
    if indicator.bands is None:
        band = _DERIVED_BAND[status]
    return _result(base, status, earned, band, value, rule_text, reason)


def _result(
    base: dict[str, Any],
    status: Status,
    points: Decimal,
    band: Band | None,
    value: Any,
    rule: str | None,
    reason: str,
) -> IndicatorResult:
    # Built without validation: every field is already of its type, and scoring runs
    # this for every indicator of every assessment.
    return construct(
        IndicatorResult,
        **base,
        status=status,
        points=points,
        band=band,
        value=value,
        rule=rule,
        reason=reason,
    )
