"""The Result of scoring: a level that explains itself.

Every fact and number a decision rests on is here.  Decisions are made exactly; each
share is stored as the nearest float for reading and, beside it, as an exact ratio
(`share_exact`: numerator and denominator), so that a share just below a threshold
never reads as the threshold.
"""

import datetime as dt
from typing import Literal

from pydantic import Field

from .assessment import AssessmentInfo, Decision, Organisation
from .common import Model, Number, Points
from .level_result import (
    Decided,
    FloorResult,
    Gap,
    LevelResult,
    Margin,
    MarginSet,
    PreviousFacts,
    RelatedResult,
    RequirementResult,
)
from .peer_result import PeerCategory, PeerComparison, PeerIndicator
from .result_values import AnswerData, Band, Ratio, Status, to_json_value

__all__ = [
    "Band",
    "CategoryResult",
    "Comparison",
    "CriteriaRef",
    "Decided",
    "DesignationResult",
    "FloorResult",
    "Gap",
    "IndicatorChange",
    "IndicatorResult",
    "LevelResult",
    "Margin",
    "MarginSet",
    "PeerCategory",
    "PeerComparison",
    "PeerIndicator",
    "PreviousFacts",
    "Ratio",
    "RelatedResult",
    "RequirementResult",
    "Result",
    "ScoreResult",
    "Status",
    "ValidityResult",
    "to_json_value",
]


class CriteriaRef(Model):
    """Which criteria scored this result, down to the content."""

    id: str
    version: str
    hash: str = Field(description="SHA-256 of the criteria's canonical content.")


class IndicatorResult(Model):
    """One indicator: its status, points, band, and the rule and value that decided it."""

    id: str
    category: str
    status: Status
    points: Points = Field(description="Points earned.")
    max_points: Points = Field(description="Points possible (counted only when applicable).")
    band: Band | None
    band_basis: Literal["rule", "peers"] = Field(
        default="rule", description="`peers`: the band compares the answer with the peer group."
    )
    minimum_requirement: bool
    value: AnswerData = None
    step: int | None = Field(
        default=None,
        description="The partial-credit step (0 is the first the criteria list) that earned "
        "`points`, when the pass rule was not met.",
    )
    not_applicable_by: str | None = Field(
        default=None,
        description="The indicator whose answer makes this one not apply (`applies_if`); "
        "null when the assessor marked it not applicable.",
    )

    @property
    def applicable(self) -> bool:
        """False when the indicator does not apply (it leaves the denominator)."""
        return self.status != "not_applicable"


class CategoryResult(Model):
    """Points per category."""

    id: str
    points: Points
    max_points: Points
    share: Number | None = Field(
        description="Earned over possible, the nearest float; null when nothing is possible."
    )
    share_exact: Ratio | None = Field(default=None, description="The share exactly.")
    floor: Number | None = None
    floor_held: bool | None = None
    met: int
    applicable: int


class ScoreResult(Model):
    """Points over all applicable indicators."""

    points: Points
    max_points: Points
    share: Number | None = Field(
        description="Earned over possible, the nearest float; null when nothing is possible."
    )
    share_exact: Ratio | None = Field(
        default=None, description="The share exactly: compare this one with thresholds."
    )
    target: str | None = Field(
        default=None,
        description="The level a reader measures the score against: the next level up that "
        "asks for a share of all points, or at the top the awarded level itself.",
    )
    needed: Number | None = Field(
        default=None, description="The share of all points `target` needs."
    )


class IndicatorChange(Model):
    """One indicator then and now."""

    id: str
    change: Literal["improved", "declined", "unchanged"]
    before_status: Status
    after_status: Status
    before_points: Points
    after_points: Points
    before_band: Band | None
    after_band: Band | None


class Comparison(Model):
    """The assessment against the previous one."""

    previous_date: dt.date
    previous_level: str | None
    previous_criteria: str
    months: int
    improved: tuple[str, ...] = ()
    declined: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    changes: tuple[IndicatorChange, ...] = ()
    improvement_areas: tuple[str, ...] = Field(
        default=(),
        description="Verified improvement areas, as a Silver-style requirement counts them.",
    )
    previous_version: str | None = Field(
        default=None, description="The criteria version of the previous assessment."
    )
    mapped: bool = Field(
        default=True,
        description="False when the previous assessment answered another criteria set, or "
        "another version that no supersession links to this one: then no indicator is compared.",
    )
    renamed: dict[str, str] = Field(
        default_factory=dict,
        description="Indicator id now → its counterpart's id then, where the id changed.",
    )
    not_compared_before: tuple[str, ...] = Field(
        default=(),
        description="Indicators of the previous version without a counterpart now (dropped).",
    )
    not_compared_now: tuple[str, ...] = Field(
        default=(),
        description="Indicators of this version without a counterpart then (new).",
    )


class ValidityResult(Model):
    """From when to when the awarded level is valid."""

    level: str
    valid_from: dt.date
    valid_until: dt.date
    renewal: bool = Field(
        description="True when this assessment renewed a label inside its window."
    )
    extended_from: dt.date | None = Field(
        default=None, description="The previous label's end, when renewed."
    )
    renew_by: dt.date | None = Field(
        default=None, description="The last day a renewal still extends this label."
    )
    renewals: int = Field(
        default=0, description="How many renewals in a row this label stands on (0: a first)."
    )


class DesignationResult(Model):
    """A designation beside the level (NCE beside Arena Pro): held on the assessment date
    or not, each requirement, and until when it lasts."""

    id: str
    held: bool
    level: str | None = Field(
        description="The level it is given with: the awarded one, when it is among the "
        "designation's levels."
    )
    requirements: tuple[RequirementResult, ...]
    valid_from: dt.date | None = None
    valid_until: dt.date | None = Field(
        default=None,
        description="The first of the level's end and the end of each related label the "
        "designation needs valid; null when held without an end.",
    )


class Result(Model):
    """The whole outcome of scoring one assessment."""

    format: Literal[1] = 1
    criteria: CriteriaRef
    organisation: Organisation
    assessment: AssessmentInfo
    level: str | None = Field(description="The awarded level's id, or null.")
    score: ScoreResult
    categories: tuple[CategoryResult, ...]
    indicators: tuple[IndicatorResult, ...]
    levels: tuple[LevelResult, ...]
    weak: tuple[str, ...] = Field(
        default=(),
        description="The indicators to work on, most urgent first: not met, partly met, not "
        "answered or with a yellow or red light; minimum requirements first, then red, "
        "unanswered, yellow.",
    )
    margin: Margin | None = None
    validity: ValidityResult | None = None
    comparison: Comparison | None = None
    related: tuple[RelatedResult, ...] = ()
    designations: tuple[DesignationResult, ...] = Field(
        default=(), description="Each designation the criteria declare, held or not."
    )
    peers: PeerComparison | None = None
    assumptions: dict[str, AnswerData] = Field(
        default_factory=dict, description="Answers assumed with --assume (what if)."
    )
    decision: Decision | None = Field(
        default=None,
        description="The labelling body's decision on the level, as the assessment records "
        "it: the level is a recommendation until it is approved (unless the criteria need no "
        "approval).",
    )

    def indicator(self, indicator_id: str) -> IndicatorResult | None:
        """The result of one indicator, or None."""
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def level_result(self, level_id: str) -> LevelResult | None:
        """The result of one level, or None."""
        return next((lv for lv in self.levels if lv.id == level_id), None)
