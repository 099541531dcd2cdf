"""`type: date` — a calendar date, written `2021-11-06`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...models.answer_types import AnswerValueError, DateAnswer
from ...models.domain import date_problem
from ...models.rules import Rule, format_value
from .base import (
    NUMERIC_OPERATORS,
    AnswerDescription,
    AnswerKind,
    Domain,
    Shown,
    check_bounds,
    wrong,
)
from .numbers import edges

__all__ = ["DateKind"]

_DAY = dt.timedelta(days=1)


class DateKind(AnswerKind[DateAnswer]):
    """Comparisons with dates; `within_months` counts back from the assessment date."""

    model = DateAnswer
    form = "date"
    dated = True

    def normalize(self, answer: DateAnswer, value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise wrong("a date such as 2021-11-06", value) from None
        if not isinstance(value, dt.date):
            raise wrong("a date such as 2021-11-06", value)
        problem = date_problem(value)  # a date written as text skipped the reader's check
        if problem is not None:
            raise AnswerValueError("CB303", f"{value.isoformat()} {problem}")
        check_bounds(value, answer.min, answer.max)
        return value

    def describe(self, answer: DateAnswer) -> AnswerDescription:
        return AnswerDescription(self.type, self.form, answer.min, answer.max)

    def summary(self, answer: DateAnswer) -> str:
        return "date"

    def operators(self, answer: DateAnswer) -> tuple[str, ...]:
        return (*NUMERIC_OPERATORS, "equals", "one_of", "within_months")

    def value_problem(self, answer: DateAnswer, value: Any) -> tuple[str, str] | None:
        if isinstance(value, dt.date):
            return None
        return "CB205", f"a date answer compares with dates, not {format_value(value)}"

    def bound_problem(self, answer: DateAnswer, bound: Any) -> str | None:
        if isinstance(bound, dt.date):
            return None
        return f"a {self.type} answer needs a date here, got {format_value(bound)}"

    def domain(self, answer: DateAnswer) -> Domain:
        low = Decimal(answer.min.toordinal()) if answer.min is not None else None
        high = Decimal(answer.max.toordinal()) if answer.max is not None else None
        return Domain(low, high, discrete=True, is_date=True)

    def tries(self, answer: DateAnswer, rule: Rule, on: dt.date) -> Sequence[Any]:
        bounds = (rule.at_least, rule.at_most, rule.above, rule.below)
        found: list[Any] = [on, *(b for b in bounds if b is not None)]
        found += edges(rule, _DAY)
        far = (answer.min, answer.max, dt.date(1900, 1, 1), dt.date(9000, 1, 1))
        found += [d for d in far if d is not None]
        return found

    def neutral(self, answer: DateAnswer, on: dt.date) -> Any:
        return on

    def show(self, answer: DateAnswer, value: Any) -> Shown:
        return Shown("date", value)
