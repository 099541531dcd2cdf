"""Rules: conditions on one answer, used for pass marks, partial credit, bands and applicability.

A rule is a mapping of operators, for example `{at_least: 15}`,
`{at_least: 10, below: 15}`, `{between: [10, 14]}`, `{one_of: [annual, quarterly]}`,
`{is_true: true}` or `{within_months: 24}` (a date no older than 24 months before
the assessment).  On a multiple-choice answer the comparison operators count the
options chosen, and `equals`/`one_of` ask whether a given option is among them.
"""

import datetime as dt
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal, Self

from pydantic import Field, StrictBool, model_validator

from .common import Bound, Id, Model, Points, Scalar
from .dates import add_months
from .domain import MAX_MONTHS

__all__ = ["BAND_NAMES", "Bands", "Condition", "PartialStep", "Rule", "format_value"]

BandName = Literal["green", "yellow", "red"]
BAND_NAMES: tuple[BandName, ...] = ("green", "yellow", "red")

_RANGE_OPERATORS = ("at_least", "above", "at_most", "below", "between")
_ALONE_OPERATORS = ("equals", "one_of", "is_true", "within_months")


def format_value(value: Any) -> str:
    """An answer value written for people: `15`, `0.8`, `yes`, `2021-11-06`."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v) for v in value) or "none"
    return str(value)


class Rule(Model):
    """A condition on one answer value; every operator given must hold."""

    at_least: Bound | None = Field(default=None, description="Value ≥ this.")
    above: Bound | None = Field(default=None, description="Value > this.")
    at_most: Bound | None = Field(default=None, description="Value ≤ this.")
    below: Bound | None = Field(default=None, description="Value < this.")
    between: tuple[Bound, Bound] | None = Field(
        default=None, description="Value within [low, high], both included."
    )
    equals: Scalar | None = Field(default=None, description="Value equal to this.")
    one_of: tuple[Scalar, ...] | None = Field(
        default=None, min_length=1, description="Value equal to one of these."
    )
    is_true: StrictBool | None = Field(default=None, description="A yes/no answer is this.")
    within_months: int | None = Field(
        strict=True,
        default=None,
        ge=0,
        le=MAX_MONTHS,
        description="A date no older than this many months before the assessment.",
    )

    @model_validator(mode="after")
    def _one_kind_of_operator(self) -> Self:
        given = self.operators()
        if not given:
            raise ValueError(
                "a rule needs an operator: at_least, above, at_most, below, between, "
                "equals, one_of, is_true or within_months"
            )
        alone = [op for op in given if op in _ALONE_OPERATORS]
        if alone and len(given) > 1:
            raise ValueError(f"'{alone[0]}' cannot be combined with {_join(given, alone[0])}")
        if "between" in given and len(given) > 1:
            raise ValueError(f"'between' cannot be combined with {_join(given, 'between')}")
        if "at_least" in given and "above" in given:
            raise ValueError("use either 'at_least' or 'above', not both")
        if "at_most" in given and "below" in given:
            raise ValueError("use either 'at_most' or 'below', not both")
        if self.between is not None and _greater(self.between[0], self.between[1]):
            raise ValueError("'between' needs [low, high] with low ≤ high")
        return self

    def operators(self) -> tuple[str, ...]:
        """The operators this rule uses, in a fixed order."""
        return tuple(
            op for op in (*_RANGE_OPERATORS, *_ALONE_OPERATORS) if getattr(self, op) is not None
        )

    def lower(self) -> tuple[Bound | None, bool]:
        """The lower bound and whether it is included."""
        if self.between is not None:
            return self.between[0], True
        if self.at_least is not None:
            return self.at_least, True
        return self.above, False

    def upper(self) -> tuple[Bound | None, bool]:
        """The upper bound and whether it is included."""
        if self.between is not None:
            return self.between[1], True
        if self.at_most is not None:
            return self.at_most, True
        return self.below, False

    def holds(self, value: Any, *, on: dt.date | None = None) -> bool:
        """Whether `value` satisfies the rule; `on` is the assessment date."""
        # Written for speed: scoring calls this for every rule of every indicator.
        if value is None:
            return False
        if isinstance(value, list | tuple):  # a multiple choice
            if self.equals is not None:
                return self.equals in value
            if self.one_of is not None:
                return any(item in self.one_of for item in value)
            value = len(value)
        if self.is_true is not None:
            return value is self.is_true
        if self.equals is not None:
            return _same(value, self.equals)
        if self.one_of is not None:
            return any(_same(value, option) for option in self.one_of)
        if self.within_months is not None:
            if not isinstance(value, dt.date) or on is None:
                return False
            return add_months(on, -self.within_months) <= value <= on
        if isinstance(value, bool):
            return False
        try:
            between = self.between
            if between is not None:
                return bool(between[0] <= value <= between[1])
            if self.at_least is not None and value < self.at_least:
                return False
            if self.above is not None and value <= self.above:
                return False
            if self.at_most is not None and value > self.at_most:
                return False
            return not (self.below is not None and value >= self.below)
        except TypeError:  # a date compared with a number: the rule does not fit
            return False

    @cached_property
    def description(self) -> str:
        """The rule in compact symbols, computed once (rules are immutable)."""
        return self.describe()

    def describe(self) -> str:
        """The rule in compact symbols: `≥ 15`, `10–14`, `one of a, b`."""
        if self.is_true is not None:
            return "yes" if self.is_true else "no"
        if self.equals is not None:
            return f"= {format_value(self.equals)}"
        if self.one_of is not None:
            return "one of " + ", ".join(format_value(v) for v in self.one_of)
        if self.within_months is not None:
            return f"within {self.within_months} months"
        if self.between is not None:
            return f"{format_value(self.between[0])}–{format_value(self.between[1])}"
        parts = []
        for op, symbol in (("at_least", "≥"), ("above", ">"), ("at_most", "≤"), ("below", "<")):
            bound = getattr(self, op)
            if bound is not None:
                parts.append(f"{symbol} {format_value(bound)}")
        return " and ".join(parts)


class PartialStep(Rule):
    """One step of a partial-credit ladder: when its rule holds, it earns `points`."""

    points: Points = Field(description="Points earned when this step's rule holds.")


class Condition(Rule):
    """An applicability condition: this indicator applies only when the rule holds on
    `indicator`'s answer."""

    indicator: Id = Field(description="The indicator whose answer decides applicability.")


class Bands(Model):
    """Traffic-light bands; each answer should fall in exactly one."""

    green: Rule | None = None
    yellow: Rule | None = None
    red: Rule | None = None

    @model_validator(mode="after")
    def _some_band(self) -> Self:
        if not any(rule is not None for _, rule in self.items()):
            raise ValueError("bands need at least one of green, yellow, red")
        return self

    def items(self) -> tuple[tuple[BandName, Rule | None], ...]:
        """(band, rule) pairs in the order green, yellow, red."""
        return (("green", self.green), ("yellow", self.yellow), ("red", self.red))

    def colour_of(self, value: Any, *, on: dt.date | None = None) -> BandName | None:
        """The first band whose rule holds for `value`, or None."""
        if self.green is not None and self.green.holds(value, on=on):
            return "green"
        if self.yellow is not None and self.yellow.holds(value, on=on):
            return "yellow"
        if self.red is not None and self.red.holds(value, on=on):
            return "red"
        return None


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, bool) != isinstance(expected, bool):
        return False
    try:
        return bool(value == expected)
    except TypeError:  # pragma: no cover - defensive
        return False


def _greater(a: Any, b: Any) -> bool:
    try:
        return bool(a > b)
    except TypeError:
        return False


def _join(given: tuple[str, ...], skip: str) -> str:
    others = [f"'{op}'" for op in given if op != skip]
    return " or ".join(others)
