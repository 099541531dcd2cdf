"""The cohort file: anonymous statistics of many assessments, per criteria set and peer group.

A cohort holds no names: only counts, means, quartiles, deciles and the values
themselves in increasing order (so that a report can say how many peers lie below an
answer), each over at least `min_size` organisations (see `scoring.cohort` for the rules).
"""

from typing import Annotated, Literal

from pydantic import Field

from .common import Model, Number
from .domain import GROUPS, INDICATORS

__all__ = ["Cohort", "CriteriaCohort", "GroupStats", "IndicatorStats", "Stats"]

Grouping = Literal["portfolio", "country", "size"]


class Stats(Model):
    """The distribution of one quantity in a group."""

    n: int = Field(strict=True, ge=0)
    mean: Number
    median: Number
    q1: Number
    q3: Number
    deciles: tuple[Number, ...] = Field(
        description="The 10th to 90th percentiles (nine values); empty under 20 values."
    )
    sorted: tuple[Number, ...] = Field(
        default=(),
        description="Every value, in increasing order: whose value is which is not kept.",
    )


class IndicatorStats(Model):
    """One indicator in one group."""

    n: int = Field(strict=True, ge=0, description="Organisations to which the indicator applied.")
    met_share: Number | None = Field(
        description="Share of them meeting the indicator (0–1); null under min_size."
    )
    points: Stats | None = None
    values: Stats | None = Field(default=None, description="Numeric answers only.")


class GroupStats(Model):
    """One peer group of one criteria set."""

    n: int = Field(strict=True, ge=0)
    levels: dict[str, int] = Field(
        description="How many organisations got each level (`none`: no level)."
    )
    score: Stats | None = Field(default=None, description="The share of points reached.")
    categories: dict[str, Stats] = Field(default_factory=dict)
    indicators: Annotated[dict[str, IndicatorStats], INDICATORS] = Field(default_factory=dict)


class CriteriaCohort(Model):
    """The groups of one criteria set."""

    version: str
    hash: str
    groups: Annotated[dict[str, GroupStats], GROUPS]
    suppressed: int = Field(
        strict=True,
        default=0,
        description="Groups left out for having fewer than min_size members.",
    )


class Cohort(Model):
    """Statistics of many assessments, for peer comparison."""

    kind: Literal["cohort"] = "cohort"
    format: Literal[1] = 1
    by: Grouping
    min_size: int = Field(strict=True, ge=1)
    assessments: int = Field(
        strict=True,
        ge=0,
        description="Assessments the statistics are made from (files skipped are not counted).",
    )
    organisations: int = Field(
        strict=True, ge=0, description="Organisations counted (each once, its latest assessment)."
    )
    criteria: dict[str, CriteriaCohort]
