"""Answer types: what kind of value an indicator asks for, and how to check one.

`answer: {type: integer, min: 0, unit: members}` — the `type` key selects one of
boolean, integer, number, percent, choice, scale, date or text.
"""

import datetime as dt
import difflib
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool

from .common import Id, Model, Number, Text

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
    """A value as YAML writes it: `true`, `12.5`, `'text'`, `[a, b]`, `2021-11-06`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(value)
    return str(value)


def _wrong(expected: str, value: Any) -> AnswerValueError:
    return AnswerValueError("CB302", f"expected {expected}, got {shown(value)}")


def _number(value: Any, expected: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise _wrong(expected, value)
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise _wrong(expected, value)
    return number


def _check_bounds(value: Any, low: Any, high: Any) -> None:
    if low is not None and value < low:
        raise AnswerValueError("CB303", f"{shown(value)} is below the minimum {shown(low)}")
    if high is not None and value > high:
        raise AnswerValueError("CB303", f"{shown(value)} is above the maximum {shown(high)}")


class BooleanAnswer(Model):
    """A yes/no question, answered `true` or `false`."""

    type: Literal["boolean"]

    def normalize(self, value: Any) -> bool:
        """The value as a bool, or an AnswerValueError."""
        if isinstance(value, bool):
            return value
        words = {"yes", "no", "y", "n", "on", "off", "ja", "nei", "true", "false"}
        hint = " (write true or false, unquoted)" if str(value).strip().lower() in words else ""
        raise AnswerValueError("CB302", f"expected true or false, got {shown(value)}{hint}")

    def describe(self) -> str:
        """A short description of the expected value."""
        return "yes/no"


class IntegerAnswer(Model):
    """A whole number (a count, a number of years)."""

    type: Literal["integer"]
    min: int | None = None
    max: int | None = None
    unit: Text | None = None

    def normalize(self, value: Any) -> Decimal:
        """The value as an exact whole Decimal, or an AnswerValueError."""
        number = _number(value, "a whole number")
        if number != number.to_integral_value():
            raise _wrong("a whole number", value)
        _check_bounds(number, self.min, self.max)
        return number

    def describe(self) -> str:
        """A short description of the expected value."""
        return _described("whole number", self.min, self.max, self.unit)


class NumberAnswer(Model):
    """A number, with an optional unit and bounds (full-time equivalents, euros)."""

    type: Literal["number"]
    min: Number | None = None
    max: Number | None = None
    unit: Text | None = None

    def normalize(self, value: Any) -> Decimal:
        """The value as an exact Decimal, or an AnswerValueError."""
        number = _number(value, "a number")
        _check_bounds(number, self.min, self.max)
        return number

    def describe(self) -> str:
        """A short description of the expected value."""
        return _described("number", self.min, self.max, self.unit)


class PercentAnswer(Model):
    """A percentage from 0 to 100, written `85` or `"85%"`."""

    type: Literal["percent"]

    def normalize(self, value: Any) -> Decimal:
        """The value as a Decimal from 0 to 100, or an AnswerValueError."""
        if isinstance(value, str) and value.strip().endswith("%"):
            try:
                value = Decimal(value.strip().rstrip("%").strip())
            except ArithmeticError:
                raise _wrong("a percentage", value) from None
        number = _number(value, "a percentage from 0 to 100")
        _check_bounds(number, Decimal(0), Decimal(100))
        return number

    def describe(self) -> str:
        """A short description of the expected value."""
        return "percent (0–100)"


class Option(Model):
    """One option of a choice."""

    id: Id
    label: Text


class ChoiceAnswer(Model):
    """A choice among declared options; `multiple: true` allows several."""

    type: Literal["choice"]
    options: tuple[Option, ...] = Field(min_length=2)
    multiple: StrictBool = False

    def option_ids(self) -> tuple[str, ...]:
        """The declared option ids, in order."""
        return tuple(option.id for option in self.options)

    def normalize(self, value: Any) -> str | tuple[str, ...]:
        """The chosen id (or ids, sorted in option order), or an AnswerValueError."""
        ids = self.option_ids()
        if self.multiple:
            chosen = [value] if isinstance(value, str) else value
            if not isinstance(chosen, list | tuple) or not all(isinstance(c, str) for c in chosen):
                raise _wrong("a list of option ids", value)
            for item in chosen:
                self._known(item, ids)
            if len(set(chosen)) != len(chosen):
                raise AnswerValueError("CB302", "an option is chosen twice")
            return tuple(i for i in ids if i in chosen)
        if not isinstance(value, str):
            raise _wrong(f"one option id of {', '.join(ids)}", value)
        self._known(value, ids)
        return value

    @staticmethod
    def _known(item: str, ids: tuple[str, ...]) -> None:
        if item not in ids:
            raise AnswerValueError(
                "CB304", f"{item!r} is not an option ({', '.join(ids)}){suggest(item, ids)}"
            )

    def describe(self) -> str:
        """A short description of the expected value."""
        ids = ", ".join(self.option_ids())
        return f"{'options' if self.multiple else 'one option'} of: {ids}"


class Step(Model):
    """One step of an ordinal scale."""

    value: int
    label: Text


class ScaleAnswer(Model):
    """An ordinal scale with labelled steps (1 = none … 4 = systematic)."""

    type: Literal["scale"]
    steps: tuple[Step, ...] = Field(min_length=2)

    def normalize(self, value: Any) -> Decimal:
        """The step value as a Decimal, or an AnswerValueError."""
        values = [step.value for step in self.steps]
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise _wrong(f"a step value ({', '.join(map(str, values))})", value)
        if value not in values:
            raise AnswerValueError(
                "CB304", f"{value} is not a step of the scale ({', '.join(map(str, values))})"
            )
        return Decimal(value)

    def describe(self) -> str:
        """A short description of the expected value."""
        return "scale " + ", ".join(f"{s.value} = {s.label}" for s in self.steps)


class DateAnswer(Model):
    """A calendar date, written `2021-11-06`."""

    type: Literal["date"]
    min: dt.date | None = None
    max: dt.date | None = None

    def normalize(self, value: Any) -> dt.date:
        """The value as a date, or an AnswerValueError."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise _wrong("a date such as 2021-11-06", value) from None
        if not isinstance(value, dt.date):
            raise _wrong("a date such as 2021-11-06", value)
        _check_bounds(value, self.min, self.max)
        return value

    def describe(self) -> str:
        """A short description of the expected value."""
        return "date"


class TextAnswer(Model):
    """Free text (a description, a web address)."""

    type: Literal["text"]

    def normalize(self, value: Any) -> str:
        """The value as text, or an AnswerValueError."""
        if isinstance(value, (bool, list | tuple | dict)):
            raise _wrong("a text", value)
        text = str(value)
        if not text.strip():
            raise AnswerValueError("CB302", "the text is empty")
        return text

    def describe(self) -> str:
        """A short description of the expected value."""
        return "text"


def _described(kind: str, low: Any, high: Any, unit: Text | None) -> str:
    text = kind
    if low is not None and high is not None:
        text += f" {low}–{high}"
    elif low is not None:
        text += f" ≥ {low}"
    elif high is not None:
        text += f" ≤ {high}"
    return f"{text} ({unit})" if unit is not None else text


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
