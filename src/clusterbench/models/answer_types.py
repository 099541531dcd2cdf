"""Answer types: what kind of value an indicator asks for.

`answer: {type: integer, min: 0, unit: members}` — the `type` key selects one of
boolean, integer, number, percent, choice, scale, date or text.  These are the data;
what each type means (normalising a value, which rules fit, which values exist) is
one object per type in :mod:`clusterbench.kinds.answers`.
"""

import difflib
from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool

from ..errors import quote
from .common import Date, Id, Model, Number, Text
from .domain import NAME
from .units import Unit

__all__ = [
    "AnswerType",
    "AnswerValueError",
    "BooleanAnswer",
    "ChoiceAnswer",
    "DateAnswer",
    "IntegerAnswer",
    "NumberAnswer",
    "Option",
    "PercentAnswer",
    "ScaleAnswer",
    "Step",
    "TextAnswer",
    "shown",
    "suggest",
]


class AnswerValueError(ValueError):
    """An answer value that does not fit its answer type; `code` is a CB3xx code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def suggest(word: str, candidates: Any) -> str:
    """`"; did you mean 'x'?"` for the nearest candidate, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def shown(value: Any) -> str:
    """A value as YAML writes it: `true`, `12.5`, `'text'`, `[a, b]`, `2021-11-06`
    (:func:`~clusterbench.errors.quote`, the one way messages show values)."""
    return quote(value)


class BooleanAnswer(Model):
    """A yes/no question, answered `true` or `false`."""

    type: Literal["boolean"]


class IntegerAnswer(Model):
    """A whole number (a count, a number of years)."""

    type: Literal["integer"]
    min: int | None = Field(default=None, strict=True)
    max: int | None = Field(default=None, strict=True)
    unit: Annotated[Unit, NAME] | None = None


class NumberAnswer(Model):
    """A number, with an optional unit and bounds (full-time equivalents, euros)."""

    type: Literal["number"]
    min: Number | None = None
    max: Number | None = None
    unit: Annotated[Unit, NAME] | None = None


class PercentAnswer(Model):
    """A percentage from 0 to 100, written `85` or `"85%"`."""

    type: Literal["percent"]


class Option(Model):
    """One option of a choice."""

    id: Id
    label: Annotated[Text, NAME]


class ChoiceAnswer(Model):
    """A choice among declared options; `multiple: true` allows several."""

    type: Literal["choice"]
    options: tuple[Option, ...] = Field(min_length=2)
    multiple: StrictBool = False

    def option_ids(self) -> tuple[str, ...]:
        """The declared option ids, in order."""
        return tuple(option.id for option in self.options)


class Step(Model):
    """One step of an ordinal scale."""

    value: int = Field(strict=True)
    label: Annotated[Text, NAME]


class ScaleAnswer(Model):
    """An ordinal scale with labelled steps (1 = none … 4 = systematic)."""

    type: Literal["scale"]
    steps: tuple[Step, ...] = Field(min_length=2)


class DateAnswer(Model):
    """A calendar date, written `2021-11-06`."""

    type: Literal["date"]
    min: Date | None = None
    max: Date | None = None


class TextAnswer(Model):
    """Free text (a description, a web address)."""

    type: Literal["text"]


AnswerType = Annotated[
    BooleanAnswer
    | IntegerAnswer
    | NumberAnswer
    | PercentAnswer
    | ChoiceAnswer
    | ScaleAnswer
    | DateAnswer
    | TextAnswer,
    Field(discriminator="type"),
]
