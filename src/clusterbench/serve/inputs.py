"""How each answer type is asked for in a web form, and how a form's text becomes a value.

One :class:`Input` per answer type says which control the page draws (a yes/no pair, a
number with unit and bounds, options, labelled steps, a date, a text) and turns what
the browser sends back into the value a YAML file holds.  A text that is not a valid
value is kept as text: the assessment's own checks then say what is wrong, at the field,
exactly as ``clusterbench validate`` would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from ..models.answer_types import (
    BooleanAnswer,
    ChoiceAnswer,
    DateAnswer,
    IntegerAnswer,
    NumberAnswer,
    PercentAnswer,
    ScaleAnswer,
    TextAnswer,
)
from ..models.common import Text
from ..models.rules import format_value

__all__ = ["INPUTS", "Input", "input_for", "shown_value"]

Control = Literal["boolean", "number", "choice", "multichoice", "scale", "date", "text"]


@dataclass(frozen=True, slots=True)
class Input:
    """The control for one answer type: what the page draws and how to read it back."""

    control: Control
    options: tuple[tuple[str, str], ...] = ()
    """(value, label) pairs of a choice or a scale, in the criteria's order."""
    minimum: str | None = None
    maximum: str | None = None
    step: str = "any"
    unit: str | None = None
    whole: bool = False

    def read(self, raw: Sequence[str]) -> Any:
        """The value of the field's submitted texts (None when left empty)."""
        texts = [r.strip() for r in raw if r.strip()]
        if self.control == "multichoice":
            return texts or None
        if not texts:
            return None
        text = texts[-1]
        if self.control == "boolean":
            return {"true": True, "false": False}.get(text, text)
        if self.control in ("number", "scale"):
            return _number(text, whole=self.whole or self.control == "scale")
        if self.control == "date":
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return text
        return text


def _number(text: str, *, whole: bool) -> Any:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").rstrip("%")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if number == number.to_integral_value() and (whole or "." not in cleaned):
        return int(number)
    return number


def _text(text: Text | None, language: str) -> str | None:
    return None if text is None else text.in_language(language)


def _boolean(answer: Any, language: str) -> Input:
    return Input("boolean")


def _integer(answer: IntegerAnswer, language: str) -> Input:
    return Input(
        "number",
        minimum=None if answer.min is None else str(answer.min),
        maximum=None if answer.max is None else str(answer.max),
        step="1",
        unit=_text(answer.unit, language),
        whole=True,
    )


def _decimal(answer: NumberAnswer, language: str) -> Input:
    return Input(
        "number",
        minimum=None if answer.min is None else format_value(answer.min),
        maximum=None if answer.max is None else format_value(answer.max),
        unit=_text(answer.unit, language),
    )


def _percent(answer: PercentAnswer, language: str) -> Input:
    return Input("number", minimum="0", maximum="100", unit="%")


def _choice(answer: ChoiceAnswer, language: str) -> Input:
    options = tuple((o.id, o.label.in_language(language)) for o in answer.options)
    return Input("multichoice" if answer.multiple else "choice", options=options)


def _scale(answer: ScaleAnswer, language: str) -> Input:
    steps = tuple((str(s.value), s.label.in_language(language)) for s in answer.steps)
    return Input("scale", options=steps, whole=True)


def _date(answer: DateAnswer, language: str) -> Input:
    return Input(
        "date",
        minimum=None if answer.min is None else answer.min.isoformat(),
        maximum=None if answer.max is None else answer.max.isoformat(),
    )


def _free_text(answer: TextAnswer, language: str) -> Input:
    return Input("text")


INPUTS: dict[type[Any], Callable[[Any, str], Input]] = {
    BooleanAnswer: _boolean,
    IntegerAnswer: _integer,
    NumberAnswer: _decimal,
    PercentAnswer: _percent,
    ChoiceAnswer: _choice,
    ScaleAnswer: _scale,
    DateAnswer: _date,
    TextAnswer: _free_text,
}
"""Answer model type → the control that asks for it (a test keeps it complete)."""


def input_for(answer: Any, language: str) -> Input:
    """The control for an indicator's answer type, its labels in ``language``."""
    return INPUTS[type(answer)](answer, language)


def shown_value(value: Any) -> list[str]:
    """A stored value as the texts a form field shows (several for a multiple choice)."""
    if value is None:
        return []
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    if isinstance(value, Decimal | float):
        return [format_value(Decimal(repr(value)) if isinstance(value, float) else value)]
    return [str(value)]
