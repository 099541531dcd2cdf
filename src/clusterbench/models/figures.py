"""An organisation's key figures at an assessment: a declared, typed list, not free keys.

Members are the organisation's `members`; the others are `organisation.figures`::

    organisation:
      members: 52
      figures:
        partners: 25
        staff: 2.5                          # full-time equivalents
        budget: {amount: 6400000, currency: NOK}
        private_share: 41                   # percent of the budget
        export_growth: {percent: 11, since: 2014}

Recorded per assessment, they show how the organisation developed across its history
(`clusterbench history`, the report's "development over time").  Every figure is
optional; a history compares only the assessments that state it.
"""

from decimal import Decimal
from typing import Literal, NamedTuple

from pydantic import Field, field_validator

from ..errors import quote
from .common import Model, Number, Points

__all__ = ["FIGURES", "Figure", "Figures", "Growth", "Money"]


class Money(Model):
    """An amount of money in one currency."""

    amount: Points = Field(description="The amount, in whole units of the currency.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code: NOK, EUR, SEK.")


class Growth(Model):
    """A change in per cent over a period that ends at the assessment."""

    percent: Number = Field(description="The change in per cent: 11 for +11 %, -4 for −4 %.")
    since: int = Field(strict=True, ge=1800, le=2200, description="The year the period starts.")

    @field_validator("percent")
    @classmethod
    def _no_less_than_all(cls, value: Decimal) -> Decimal:
        if value < -100:
            raise ValueError(f"a fall of more than 100 % is not possible, got {quote(value)}")
        return value


class Figures(Model):
    """The organisation's key figures besides its members, as the assessor recorded them."""

    partners: int | None = Field(
        strict=True,
        default=None,
        ge=0,
        description="Partners that are not members: research, public and international "
        "bodies the cluster works with by agreement.",
    )
    staff: Points | None = Field(
        default=None, description="The cluster management's staff, in full-time equivalents."
    )
    budget: Money | None = Field(
        default=None, description="The cluster organisation's budget for the year."
    )
    private_share: Points | None = Field(
        default=None,
        description="The share of that budget from private sources (fees, paid services, "
        "sponsors), in per cent.",
    )
    export_growth: Growth | None = Field(
        default=None,
        description="How the member companies' exports changed over a period, as reported.",
    )

    @field_validator("private_share")
    @classmethod
    def _percent(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and value > 100:
            raise ValueError(f"a share is at most 100 %, got {quote(value)}")
        return value


Kind = Literal["count", "fte", "money", "percent", "growth"]


class Figure(NamedTuple):
    """One key figure: where it is recorded and how it compares over time."""

    key: str
    kind: Kind
    """`count` and `money` change by a difference and a per cent; `fte` by a difference;
    `percent` by percentage points; `growth` is a change already, shown as recorded."""


FIGURES: tuple[Figure, ...] = (
    Figure("members", "count"),
    Figure("partners", "count"),
    Figure("staff", "fte"),
    Figure("budget", "money"),
    Figure("private_share", "percent"),
    Figure("export_growth", "growth"),
)
"""Every key figure, in the order histories and reports show them."""
