"""The shape every answer type has: one object that normalises, fits rules, covers, describes."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Generic, Literal, TypeVar, get_args

from ...models.answer_types import AnswerValueError, shown
from ...models.common import Text
from ...models.rules import Rule
from ...models.units import Unit

__all__ = [
    "FORMS",
    "NUMERIC_OPERATORS",
    "AnswerDescription",
    "AnswerKind",
    "Domain",
    "Form",
    "Shown",
    "number",
    "wrong",
]

NUMERIC_OPERATORS = ("at_least", "above", "at_most", "below", "between")
A = TypeVar("A")

Form = Literal["boolean", "number", "choice", "scale", "date", "text"]
"""How a value of an answer is entered: yes or no, a number, options, labelled steps, a
date, a text.  Forms, questionnaires and summaries are made per form, never per type."""
FORMS: tuple[Form, ...] = get_args(Form)


def wrong(expected: str, value: Any) -> AnswerValueError:
    """The CB302 error of a value of the wrong kind."""
    return AnswerValueError("CB302", f"expected {expected}, got {shown(value)}")


def number(value: Any, expected: str) -> Decimal:
    """A finite number as an exact Decimal, or a CB302 error."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise wrong(expected, value)
    found = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not found.is_finite():
        raise wrong(expected, value)
    return found


def check_bounds(value: Any, low: Any, high: Any) -> None:
    """A CB303 error when ``value`` is outside [low, high] (None: unbounded)."""
    if low is not None and value < low:
        raise AnswerValueError("CB303", f"{shown(value)} is below the minimum {shown(low)}")
    if high is not None and value > high:
        raise AnswerValueError("CB303", f"{shown(value)} is above the maximum {shown(high)}")


@dataclass(frozen=True, slots=True)
class Domain:
    """The values a numeric or date answer takes (dates as day ordinals); None: unbounded."""

    low: Decimal | None
    high: Decimal | None
    discrete: bool
    is_date: bool = False


@dataclass(frozen=True, slots=True)
class AnswerDescription:
    """What an answer asks for, as facts a phrase or a form control can be made from.

    ``form``: how a value is entered; ``whole``: whole numbers only; ``percent``: a
    share written in per cent (0 to 100).  Readers of a description decide from these
    facts, never from ``type`` (the name criteria files write).
    """

    type: str
    form: Form
    low: Any = None
    high: Any = None
    unit: Unit | None = None
    options: tuple[tuple[str, Text], ...] = ()
    multiple: bool = False
    steps: tuple[tuple[int, Text], ...] = ()
    whole: bool = False
    percent: bool = False


@dataclass(frozen=True, slots=True)
class Shown:
    """An answer value as a reader sees it, before any language formats it.

    ``form``: how to write it; ``labels``: the option or step labels it carries.
    """

    form: Literal["none", "boolean", "options", "step", "date", "percent", "number", "text"]
    value: Any = None
    labels: tuple[Text, ...] = ()
    unit: Unit | None = None


class AnswerKind(ABC, Generic[A]):
    """One answer type.  Subclasses set ``model`` and are listed in the registry."""

    model: ClassVar[type[Any]]
    form: ClassVar[Form]
    """How a value is entered (see :data:`Form`)."""
    dated: ClassVar[bool] = False
    """Whether the values that meet or miss a rule depend on the assessment date itself
    (a date answer: "within the last year" is another date every day)."""

    @property
    def type(self) -> str:
        """The type's name as criteria files write it: `boolean`, `integer`..."""
        (name,) = get_args(self.model.model_fields["type"].annotation)
        return str(name)

    @abstractmethod
    def normalize(self, answer: A, value: Any) -> Any:
        """The value in its exact form (Decimal, bool, date, tuple), or AnswerValueError."""

    @abstractmethod
    def describe(self, answer: A) -> AnswerDescription:
        """What the answer asks for."""

    @abstractmethod
    def operators(self, answer: A) -> tuple[str, ...]:
        """The rule operators that fit this answer."""

    @abstractmethod
    def value_problem(self, answer: A, value: Any) -> tuple[str, str] | None:
        """(code, message) when a rule compares this answer with a value that cannot fit."""

    def bound_problem(self, answer: A, bound: Any) -> str | None:
        """A message when a rule bound (at_least, between...) is of the wrong kind."""
        if isinstance(bound, dt.date) or not isinstance(bound, Decimal):
            return f"a {self.type} answer needs a number here, got {shown(bound)}"
        return None

    def universe(self, answer: A) -> list[Any] | None:
        """Every possible value, when there are few (yes/no, choices, scales); else None."""
        return None

    def domain(self, answer: A) -> Domain | None:
        """The interval of values of a numeric or date answer; None for the others."""
        return None

    def numeric(self, answer: A) -> bool:
        """Whether answers are numbers that peers can be compared on."""
        return False

    def span(self, answer: A) -> tuple[Decimal, Decimal] | None:
        """The fixed range every value lies in, when the type has one (a scale's first and
        last step, a percentage's 0 to 100); None when only the criteria's bounds say."""
        return None

    @abstractmethod
    def summary(self, answer: A) -> str:
        """What the answer asks for, shortly, in the English of `validate`'s messages:
        `whole number ≥ 0 (members)`, `yes/no`."""

    @abstractmethod
    def tries(self, answer: A, rule: Rule, on: dt.date) -> Sequence[Any]:
        """Values worth trying to meet ``rule`` (then to miss it), nearest to its edges."""

    @abstractmethod
    def neutral(self, answer: A, on: dt.date) -> Any:
        """A value for an indicator no rule judges, so that it counts as answered."""

    @abstractmethod
    def show(self, answer: A, value: Any) -> Shown:
        """How a value of this answer reads."""
