"""The value types every part of a Result uses: indicator statuses, bands, exact shares.

Every share in a Result is the nearest float for reading and, beside it, an exact
:class:`Ratio`, so that a share just below a threshold never reads as the threshold.
"""

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import Field, PlainSerializer

from .common import Model, construct, to_json_number

__all__ = ["AnswerData", "Band", "Ratio", "Status", "to_json_value"]

Status = Literal["met", "partly_met", "not_met", "not_applicable", "not_answered", "recorded"]
"""How an indicator came out. `recorded`: answered, but the criteria do not judge it."""
Band = Literal["green", "yellow", "red"]


def to_json_value(value: Any) -> Any:
    """An answer value as JSON writes it (numbers, ISO dates, lists)."""
    if isinstance(value, Decimal):
        return to_json_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


AnswerData = Annotated[Any, PlainSerializer(to_json_value, when_used="json")]


class Ratio(Model):
    """An exact share: `numerator / denominator`, reduced (the float beside it is rounded)."""

    numerator: int
    denominator: int = Field(ge=1)

    @classmethod
    def of(cls, value: Fraction) -> "Ratio":
        """The ratio of an exact fraction."""
        return construct(cls, numerator=value.numerator, denominator=value.denominator)

    @property
    def fraction(self) -> Fraction:
        """The share as an exact fraction."""
        return Fraction(self.numerator, self.denominator)
