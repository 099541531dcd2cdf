"""`type: integer`, `number` and `percent` — numbers with bounds and a unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from ...models.answer_types import (
    AnswerValueError,
    IntegerAnswer,
    NumberAnswer,
    PercentAnswer,
    shown,
)
from ...models.domain import NOT_A_NUMBER, number_problem, parse_number
from ...models.rules import Rule, format_value
from .base import (
    NUMERIC_OPERATORS,
    AnswerDescription,
    AnswerKind,
    Domain,
    Shown,
    check_bounds,
    number,
    wrong,
)

__all__ = ["IntegerKind", "NumberKind", "PercentKind", "edges"]

N = TypeVar("N", IntegerAnswer, NumberAnswer, PercentAnswer)


def _number(value: Any, expected: str) -> Decimal:
    """A numeric answer as an exact Decimal inside the number domain, or its error.

    The domain is checked here for every value, however it came (a file, the command
    line, a form, Python): a number outside it is a CB115 error, as the reader says
    of one written in the file; a text that writes such a number (`--assume` reads
    `123456789012345678901234567` as text, because it is no number of the domain)
    says so too, instead of "expected a number".
    """
    if isinstance(value, str):
        try:
            parse_number(value)
        except ValueError as exc:
            if str(exc) not in (NOT_A_NUMBER,):
                raise AnswerValueError("CB115", f"{shown(value)} {exc}") from None
        raise wrong(expected, value)
    found = number(value, expected)
    problem = number_problem(found)
    if problem is not None:
        raise AnswerValueError("CB115", f"{shown(found)} {problem}")
    return found


def _percentage(value: Any) -> Decimal:
    """A percentage written `85`, or as text `"85%"` (read by the one text-to-number path)."""
    if isinstance(value, str) and value.strip().endswith("%"):
        written = value.strip().removesuffix("%")
        try:
            return parse_number(written)
        except ValueError as exc:
            if str(exc) == NOT_A_NUMBER:
                raise wrong("a percentage", value) from None
            raise AnswerValueError("CB115", f"{shown(value)} {exc}") from None
    return _number(value, "a percentage from 0 to 100")


def edges(rule: Rule, unit: Any) -> list[Any]:
    """Values just either side of each bound of ``rule`` (``unit`` apart)."""
    found: list[Any] = []
    for bound in (rule.at_least, rule.above, rule.at_most, rule.below, *(rule.between or ())):
        if bound is not None and isinstance(bound, dt.date) == isinstance(unit, dt.timedelta):
            found += [bound - unit, bound, bound + unit]
    return found


class _Numeric(AnswerKind[N]):
    unit: Decimal = Decimal("0.01")
    form = "number"
    noun = "number"

    def summary(self, answer: N) -> str:
        low, high = getattr(answer, "min", None), getattr(answer, "max", None)
        text = self.noun
        if low is not None and high is not None:
            text += f" {low}–{high}"
        elif low is not None:
            text += f" ≥ {low}"
        elif high is not None:
            text += f" ≤ {high}"
        unit = getattr(answer, "unit", None)
        return f"{text} ({unit})" if unit is not None else text

    def operators(self, answer: N) -> tuple[str, ...]:
        return (*NUMERIC_OPERATORS, "equals", "one_of")

    def value_problem(self, answer: N, value: Any) -> tuple[str, str] | None:
        if isinstance(value, bool) or not isinstance(value, Decimal):
            return "CB205", f"a {self.type} answer compares with numbers, not {format_value(value)}"
        return None

    def numeric(self, answer: N) -> bool:
        return True

    def tries(self, answer: N, rule: Rule, on: dt.date) -> Sequence[Any]:
        found: list[Any] = []
        if rule.equals is not None:
            found.append(rule.equals)
        found += list(rule.one_of or ())
        if rule.between is not None:
            found.append(rule.between[0])
        for bound, nudge in (
            (rule.at_least, 0),
            (rule.above, self.unit),
            (rule.at_most, 0),
            (rule.below, -self.unit),
        ):
            if isinstance(bound, Decimal):
                found.append(bound + nudge)
        found += [True, False, Decimal(0), Decimal(100), "yes"]
        low, high = getattr(answer, "min", None), getattr(answer, "max", None)
        found += edges(rule, self.unit)
        found += [v for v in (low, high, Decimal(-1), Decimal(1), Decimal(10**9)) if v is not None]
        return found

    def neutral(self, answer: N, on: dt.date) -> Any:
        low = getattr(answer, "min", None)
        return low if low is not None else 0


class IntegerKind(_Numeric[IntegerAnswer]):
    """A whole number (a count, a number of years), within optional bounds."""

    model = IntegerAnswer
    unit = Decimal(1)
    noun = "whole number"

    def normalize(self, answer: IntegerAnswer, value: Any) -> Decimal:
        found = _number(value, "a whole number")
        if found != found.to_integral_value():
            raise wrong("a whole number", value)
        check_bounds(found, answer.min, answer.max)
        return found

    def describe(self, answer: IntegerAnswer) -> AnswerDescription:
        return AnswerDescription(
            self.type, self.form, answer.min, answer.max, answer.unit, whole=True
        )

    def domain(self, answer: IntegerAnswer) -> Domain:
        low = Decimal(answer.min) if answer.min is not None else None
        high = Decimal(answer.max) if answer.max is not None else None
        return Domain(low, high, discrete=True)

    def show(self, answer: IntegerAnswer, value: Any) -> Shown:
        return Shown("number", value, unit=answer.unit)


class NumberKind(_Numeric[NumberAnswer]):
    """A number (full-time equivalents, euros), within optional bounds."""

    model = NumberAnswer

    def normalize(self, answer: NumberAnswer, value: Any) -> Decimal:
        found = _number(value, "a number")
        check_bounds(found, answer.min, answer.max)
        return found

    def describe(self, answer: NumberAnswer) -> AnswerDescription:
        return AnswerDescription(self.type, self.form, answer.min, answer.max, answer.unit)

    def domain(self, answer: NumberAnswer) -> Domain:
        return Domain(answer.min, answer.max, discrete=False)

    def show(self, answer: NumberAnswer, value: Any) -> Shown:
        return Shown("number", value, unit=answer.unit)


class PercentKind(_Numeric[PercentAnswer]):
    """A percentage from 0 to 100, written `85` or `"85%"`."""

    model = PercentAnswer

    def normalize(self, answer: PercentAnswer, value: Any) -> Decimal:
        found = _percentage(value)
        check_bounds(found, Decimal(0), Decimal(100))
        return found

    def describe(self, answer: PercentAnswer) -> AnswerDescription:
        return AnswerDescription(self.type, self.form, Decimal(0), Decimal(100), percent=True)

    def summary(self, answer: PercentAnswer) -> str:
        return "percent (0–100)"

    def span(self, answer: PercentAnswer) -> tuple[Decimal, Decimal]:
        return Decimal(0), Decimal(100)

    def domain(self, answer: PercentAnswer) -> Domain:
        return Domain(Decimal(0), Decimal(100), discrete=False)

    def show(self, answer: PercentAnswer, value: Any) -> Shown:
        return Shown("percent", value)
