"""`type: boolean` — yes or no."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ...models.answer_types import AnswerValueError, BooleanAnswer, shown
from ...models.rules import Rule, format_value
from .base import AnswerDescription, AnswerKind, Shown

__all__ = ["BooleanKind"]

_WORDS = {"yes", "no", "y", "n", "on", "off", "ja", "nei", "true", "false"}


class BooleanKind(AnswerKind[BooleanAnswer]):
    """`true` or `false`, unquoted (a quoted `"yes"` is a text, and an error)."""

    model = BooleanAnswer
    form = "boolean"

    def normalize(self, answer: BooleanAnswer, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        hint = " (write true or false, unquoted)" if str(value).strip().lower() in _WORDS else ""
        raise AnswerValueError("CB302", f"expected true or false, got {shown(value)}{hint}")

    def describe(self, answer: BooleanAnswer) -> AnswerDescription:
        return AnswerDescription(self.type, self.form)

    def summary(self, answer: BooleanAnswer) -> str:
        return "yes/no"

    def operators(self, answer: BooleanAnswer) -> tuple[str, ...]:
        return ("is_true", "equals")

    def value_problem(self, answer: BooleanAnswer, value: Any) -> tuple[str, str] | None:
        if isinstance(value, bool):
            return None
        return "CB205", f"a boolean answer compares with true or false, not {format_value(value)}"

    def universe(self, answer: BooleanAnswer) -> list[Any]:
        return [True, False]

    def tries(self, answer: BooleanAnswer, rule: Rule, on: dt.date) -> Sequence[Any]:
        return [True, False]

    def neutral(self, answer: BooleanAnswer, on: dt.date) -> Any:
        return True

    def show(self, answer: BooleanAnswer, value: Any) -> Shown:
        return Shown("boolean", value)
