"""`type: choice` — one of the declared options, or several with `multiple: true`."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...errors import quote
from ...models.answer_types import AnswerValueError, ChoiceAnswer, suggest
from ...models.rules import Rule, format_value
from .base import NUMERIC_OPERATORS, AnswerDescription, AnswerKind, Shown, wrong

__all__ = ["ChoiceKind"]

_MAX_SUBSETS_OPTIONS = 10


class ChoiceKind(AnswerKind[ChoiceAnswer]):
    """Option ids; on a multiple choice, comparisons count the options chosen and
    `equals`/`one_of` ask whether an option is among them."""

    model = ChoiceAnswer
    form = "choice"

    def normalize(self, answer: ChoiceAnswer, value: Any) -> str | tuple[str, ...]:
        ids = answer.option_ids()
        if answer.multiple:
            chosen = [value] if isinstance(value, str) else value
            if not isinstance(chosen, list | tuple) or not all(isinstance(c, str) for c in chosen):
                raise wrong("a list of option ids", value)
            for item in chosen:
                _known(item, ids)
            if len(set(chosen)) != len(chosen):
                raise AnswerValueError("CB302", "an option is chosen twice")
            return tuple(i for i in ids if i in chosen)
        if not isinstance(value, str):
            raise wrong(f"one option id of {', '.join(ids)}", value)
        _known(value, ids)
        return value

    def describe(self, answer: ChoiceAnswer) -> AnswerDescription:
        options = tuple((o.id, o.label) for o in answer.options)
        return AnswerDescription(self.type, self.form, options=options, multiple=answer.multiple)

    def summary(self, answer: ChoiceAnswer) -> str:
        ids = ", ".join(answer.option_ids())
        return f"{'options' if answer.multiple else 'one option'} of: {ids}"

    def operators(self, answer: ChoiceAnswer) -> tuple[str, ...]:
        return ("equals", "one_of", *(NUMERIC_OPERATORS if answer.multiple else ()))

    def value_problem(self, answer: ChoiceAnswer, value: Any) -> tuple[str, str] | None:
        ids = answer.option_ids()
        if value in ids:
            return None
        shown = format_value(value)
        return "CB206", f"unknown option {quote(shown)}{suggest(shown, ids)}"

    def bound_problem(self, answer: ChoiceAnswer, bound: Any) -> str | None:
        # On a multiple choice, bounds count the options chosen.
        if isinstance(bound, Decimal):
            return None
        return f"a {self.type} answer needs a number here, got {format_value(bound)}"

    def universe(self, answer: ChoiceAnswer) -> list[Any] | None:
        ids = list(answer.option_ids())
        if not answer.multiple:
            return ids
        if len(ids) > _MAX_SUBSETS_OPTIONS:
            return None
        return [
            tuple(combo)
            for size in range(len(ids) + 1)
            for combo in itertools.combinations(ids, size)
        ]

    def tries(self, answer: ChoiceAnswer, rule: Rule, on: dt.date) -> Sequence[Any]:
        ids = list(answer.option_ids())
        if not answer.multiple:
            return ids
        return [ids[:n] for n in range(len(ids), -1, -1)] + [[i] for i in ids]

    def neutral(self, answer: ChoiceAnswer, on: dt.date) -> Any:
        first = answer.options[0].id
        return [first] if answer.multiple else first

    def show(self, answer: ChoiceAnswer, value: Any) -> Shown:
        if not isinstance(value, str | list | tuple):
            return Shown("number", value)  # a count of options, in a rule
        labels = {o.id: o.label for o in answer.options}
        chosen = [value] if isinstance(value, str) else list(value)
        return Shown("options", value, tuple(labels[c] for c in chosen if c in labels))


def _known(item: str, ids: tuple[str, ...]) -> None:
    if item not in ids:
        raise AnswerValueError(
            "CB304", f"{quote(item)} is not an option ({', '.join(ids)}){suggest(item, ids)}"
        )
