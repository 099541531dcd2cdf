"""How each answer type is asked for in a web form, and how a form's text becomes a value.

One :class:`Input` per answer type says which control the page draws (a yes/no pair, a
number with unit and bounds, options, labelled steps, a date, a text) and turns what
the browser sends back into the value a YAML file holds.  A text that is not a valid
value is kept as text: the assessment's own checks then say what is wrong, at the field,
exactly as ``clusterbench validate`` would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..kinds.registry import answer_kind
from ..models.domain import parse_number
from ..models.rules import format_value

__all__ = ["Control", "Input", "input_for", "shown_value"]

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
    try:  # the one text-to-number path: `1e999999999` is never expanded by int()
        number = parse_number(cleaned)
    except ValueError:
        return text  # the answer's own check says why, at the field
    if number == number.to_integral_value() and (whole or "." not in cleaned):
        return int(number)
    return number


def _bound(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return format_value(value)


def input_for(answer: Any, language: str) -> Input:
    """The control for an indicator's answer type, from the type's own description."""
    described = answer_kind(answer).describe(answer)
    control: Control = described.form  # each form of entry is a control
    if control == "choice" and described.multiple:
        control = "multichoice"
    if control == "scale":
        options = tuple(
            (str(value), label.in_language(language)) for value, label in described.steps
        )
    else:
        options = tuple((value, label.in_language(language)) for value, label in described.options)
    return Input(
        control,
        options=options,
        minimum=_bound(described.low),
        maximum=_bound(described.high),
        step="1" if described.whole else "any",
        unit="%"
        if described.percent
        else (None if described.unit is None else described.unit.in_language(language)),
        whole=described.whole,
    )


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
