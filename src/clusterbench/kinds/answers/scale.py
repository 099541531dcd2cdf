"""`type: scale` — an ordinal scale with labelled steps (1 = none … 4 = systematic)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...models.answer_types import AnswerValueError, ScaleAnswer
from ...models.rules import Rule, format_value
from .base import NUMERIC_OPERATORS, AnswerDescription, AnswerKind, Domain, Shown, wrong

__all__ = ["ScaleKind"]


class ScaleKind(AnswerKind[ScaleAnswer]):
    """One step's value; rules compare step values as numbers."""

    model = ScaleAnswer
    form = "scale"

    def normalize(self, answer: ScaleAnswer, value: Any) -> Decimal:
        values = [step.value for step in answer.steps]
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise wrong(f"a step value ({', '.join(map(str, values))})", value)
        if value not in values:
            raise AnswerValueError(
                "CB304", f"{value} is not a step of the scale ({', '.join(map(str, values))})"
            )
        return Decimal(value)

    def describe(self, answer: ScaleAnswer) -> AnswerDescription:
        steps = tuple((s.value, s.label) for s in answer.steps)
        return AnswerDescription(self.type, self.form, steps=steps, whole=True)

    def summary(self, answer: ScaleAnswer) -> str:
        return "scale " + ", ".join(f"{s.value} = {s.label}" for s in answer.steps)

    def span(self, answer: ScaleAnswer) -> tuple[Decimal, Decimal]:
        values = [Decimal(s.value) for s in answer.steps]
        return min(values), max(values)

    def operators(self, answer: ScaleAnswer) -> tuple[str, ...]:
        return (*NUMERIC_OPERATORS, "equals", "one_of")

    def value_problem(self, answer: ScaleAnswer, value: Any) -> tuple[str, str] | None:
        steps = [Decimal(s.value) for s in answer.steps]
        if value in steps and not isinstance(value, bool):
            return None
        listed = ", ".join(map(format_value, steps))
        return "CB206", f"{format_value(value)} is not a step ({listed})"

    def universe(self, answer: ScaleAnswer) -> list[Any]:
        return [Decimal(step.value) for step in answer.steps]

    def domain(self, answer: ScaleAnswer) -> Domain | None:
        return None  # finite: see universe()

    def numeric(self, answer: ScaleAnswer) -> bool:
        return True

    def tries(self, answer: ScaleAnswer, rule: Rule, on: dt.date) -> Sequence[Any]:
        values = [step.value for step in answer.steps]
        return [*reversed(values), *values]

    def neutral(self, answer: ScaleAnswer, on: dt.date) -> Any:
        return answer.steps[-1].value

    def show(self, answer: ScaleAnswer, value: Any) -> Shown:
        labels = tuple(s.label for s in answer.steps if Decimal(s.value) == value)
        return Shown("step", value, labels)
