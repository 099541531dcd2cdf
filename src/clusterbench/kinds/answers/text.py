"""`type: text` — free text (a description, a web address)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ...models.answer_types import AnswerValueError, TextAnswer
from ...models.rules import Rule, format_value
from .base import AnswerDescription, AnswerKind, Shown, wrong

__all__ = ["TextKind"]


class TextKind(AnswerKind[TextAnswer]):
    """Any non-empty text; rules compare it with texts."""

    model = TextAnswer
    form = "text"

    def normalize(self, answer: TextAnswer, value: Any) -> str:
        if isinstance(value, (bool, list | tuple | dict)):
            raise wrong("a text", value)
        found = str(value)
        if not found.strip():
            raise AnswerValueError("CB302", "the text is empty")
        return found

    def describe(self, answer: TextAnswer) -> AnswerDescription:
        return AnswerDescription(self.type, self.form)

    def summary(self, answer: TextAnswer) -> str:
        return "text"

    def operators(self, answer: TextAnswer) -> tuple[str, ...]:
        return ("equals", "one_of")

    def value_problem(self, answer: TextAnswer, value: Any) -> tuple[str, str] | None:
        if isinstance(value, str):
            return None
        return "CB205", f"a text answer compares with texts, not {format_value(value)}"

    def tries(self, answer: TextAnswer, rule: Rule, on: dt.date) -> Sequence[Any]:
        found: list[Any] = []
        if rule.equals is not None:
            found.append(rule.equals)
        found += list(rule.one_of or ())
        return [*found, "yes", "none"]

    def neutral(self, answer: TextAnswer, on: dt.date) -> Any:
        return "example"

    def show(self, answer: TextAnswer, value: Any) -> Shown:
        return Shown("text", value)
