"""What a level requires.  Every requirement of a level must hold for it to be awarded.

Each requirement is a mapping with a `kind`::

    requires:
      - {kind: level, level: bronze}                 # everything bronze requires
      - {kind: score, at_least: 80%}                 # share of applicable points
      - {kind: points, at_least: 100}                # absolute points
      - {kind: indicators_met, at_least: 25}
      - {kind: minimums}                             # every minimum requirement met
      - {kind: category_floors}                      # every category's floor reached
      - {kind: criteria, criteria: esca-eligibility} # another criteria set passed
      - {kind: criteria, criteria: esca-gold, level: gold, valid: true}
      - {kind: answered}                             # every applicable indicator answered
      - {kind: previous_level, level: bronze, months_at_least: 18, months_at_most: 24}
      - {kind: improved, at_least: 3, of: improvement_areas}
"""

from typing import Annotated, Literal

from pydantic import Field, StrictBool

from .common import Id, Model, Points, Share, Text
from .domain import MAX_MONTHS

__all__ = [
    "AnsweredRequirement",
    "CategoryFloorsRequirement",
    "CriteriaRequirement",
    "ImprovedRequirement",
    "IndicatorsMetRequirement",
    "LevelRequirement",
    "MinimumsRequirement",
    "PointsRequirement",
    "PreviousLevelRequirement",
    "Requirement",
    "ScoreRequirement",
]


class _Requirement(Model):
    note: Text | None = Field(
        default=None, description="An optional explanation shown with the requirement."
    )


class ScoreRequirement(_Requirement):
    """A share of the applicable points, overall or in one category."""

    kind: Literal["score"]
    at_least: Share = Field(
        description="The share needed: 0.8 or '80%'. Reaching it exactly passes."
    )
    category: Id | None = Field(default=None, description="Count only this category's indicators.")


class PointsRequirement(_Requirement):
    """A number of points, overall or in one category."""

    kind: Literal["points"]
    at_least: Points = Field(description="The points needed. Reaching them exactly passes.")
    category: Id | None = None


class IndicatorsMetRequirement(_Requirement):
    """A number of indicators met (fully), overall, in a category or among a list."""

    kind: Literal["indicators_met"]
    at_least: int = Field(strict=True, ge=1)
    category: Id | None = None
    indicators: tuple[Id, ...] | None = Field(default=None, min_length=1)


class MinimumsRequirement(_Requirement):
    """Every minimum requirement (knock-out indicator) met, or every one listed."""

    kind: Literal["minimums"]
    indicators: tuple[Id, ...] | None = Field(
        default=None, min_length=1, description="Default: every indicator with minimum_requirement."
    )


class CategoryFloorsRequirement(_Requirement):
    """Every category's `floor` share reached (or the listed categories')."""

    kind: Literal["category_floors"]
    categories: tuple[Id, ...] | None = Field(default=None, min_length=1)


class CriteriaRequirement(_Requirement):
    """Another criteria set passed (for example eligibility), at a level or any level."""

    kind: Literal["criteria"]
    criteria: Id = Field(description="The id of the other criteria set.")
    level: Id | None = Field(
        default=None, description="The level needed there; default: any level."
    )
    valid: StrictBool = Field(
        default=False,
        description="The level must be valid on the assessment date: awarded on or before it "
        "and valid until that day or later.",
    )


class AnsweredRequirement(_Requirement):
    """Every applicable indicator answered (overall or in a category)."""

    kind: Literal["answered"]
    category: Id | None = None


class PreviousLevelRequirement(_Requirement):
    """The previous assessment gave this level (or a higher one), so many months earlier."""

    kind: Literal["previous_level"]
    level: Id
    months_at_least: int | None = Field(strict=True, default=None, ge=0, le=MAX_MONTHS)
    months_at_most: int | None = Field(strict=True, default=None, ge=0, le=MAX_MONTHS)


class ImprovedRequirement(_Requirement):
    """Indicators improved since the previous assessment, or improvement areas achieved."""

    kind: Literal["improved"]
    at_least: int = Field(strict=True, ge=1)
    of: Literal["indicators", "improvement_areas"] = Field(
        default="indicators",
        description=(
            "`indicators`: indicators whose points or band rose since the previous assessment; "
            "`improvement_areas`: the assessment's improvement areas the assessor marked verified."
        ),
    )


class LevelRequirement(_Requirement):
    """Everything a lower level of the same criteria requires."""

    kind: Literal["level"]
    level: Id


Requirement = Annotated[
    ScoreRequirement
    | PointsRequirement
    | IndicatorsMetRequirement
    | MinimumsRequirement
    | CategoryFloorsRequirement
    | CriteriaRequirement
    | AnsweredRequirement
    | PreviousLevelRequirement
    | ImprovedRequirement
    | LevelRequirement,
    Field(discriminator="kind"),
]
