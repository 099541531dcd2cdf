"""The Result of scoring: a level that explains itself.

Every fact and number a decision rests on is here.  Decisions are made exactly; each
share is stored as the nearest float for reading and, beside it, as an exact ratio
(`share_exact`: numerator and denominator), so that a share just below a threshold
never reads as the threshold.
"""

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import Field, PlainSerializer

from .assessment import AssessmentInfo, Organisation
from .common import Model, Number, Points, construct, to_json_number

__all__ = [
    "Band",
    "CategoryResult",
    "Comparison",
    "CriteriaRef",
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


class FloorResult(Model):
    """One category against its floor, for a `category_floors` requirement."""

    id: str
    points: Points
    max_points: Points
    share: Number | None = Field(
        description="Earned over possible (nearest float); null: none possible."
    )
    share_exact: Ratio | None = None
    floor: Number
    held: bool


class PreviousFacts(Model):
    """The previous assessment as a `previous_level` requirement saw it."""

    date: dt.date
    level: str | None
    criteria: str
    months: int = Field(description="Whole months from the previous assessment to this one.")
    level_held: bool = Field(description="Whether its level is the one needed or higher.")


class RelatedResult(Model):
    """The outcome of another criteria set this one requires (eligibility, a label)."""

    criteria: str
    level: str | None
    source: Literal["answers", "stated", "file", "missing"] = Field(
        description="`answers`: scored from answers given here; `stated`: a level stated here; "
        "`file`: scored from that set's own assessment file; `missing`: not given."
    )
    points: Points | None = None
    max_points: Points | None = None
    date: dt.date | None = Field(default=None, description="When that outcome was assessed.")
    awarded: dt.date | None = Field(default=None, description="When the level was awarded.")
    valid_until: dt.date | None = Field(
        default=None, description="The last day the level is valid; null: not known."
    )
    file: str | None = Field(default=None, description="The assessment file it was scored from.")
    related: tuple["RelatedResult", ...] = Field(
        default=(), description="The outcomes that set itself requires, scored the same way."
    )


class RequirementResult(Model):
    """One requirement of a level: held or not, and every fact and number behind it.

    Which fields are set depends on the `kind`; together they are everything a sentence
    about the requirement needs, so that any language can phrase it from them alone.
    """

    kind: str
    held: bool
    fixable: bool = Field(
        description="Whether better answers in this assessment could make it hold."
    )
    category: str | None = Field(default=None, description="The category it counts in.")
    among: tuple[str, ...] | None = Field(
        default=None, description="The indicators it counts among, when the criteria list them."
    )
    actual: Number | None = Field(
        default=None,
        description="What was reached: a share (nearest float), points, a count or months.",
    )
    actual_exact: Ratio | None = Field(default=None, description="`actual` exactly, for shares.")
    needed: Number | None = None
    points: Points | None = Field(default=None, description="Points earned in the scope.")
    max_points: Points | None = Field(default=None, description="Points possible in the scope.")
    points_needed: Points | None = Field(
        default=None, description="Points the share needs (needed × possible), exactly."
    )
    total: int | None = Field(default=None, description="Indicators the requirement counts.")
    indicators: tuple[str, ...] = Field(
        default=(), description="Indicators that decide it (failing ones first)."
    )
    waived: tuple[str, ...] = Field(
        default=(), description="Minimum requirements waived as not applicable."
    )
    categories: tuple[FloorResult, ...] = ()
    level: str | None = Field(default=None, description="The level it names.")
    criteria: str | None = Field(default=None, description="The other criteria set it names.")
    related: RelatedResult | None = None
    valid_on: dt.date | None = Field(
        default=None, description="The date the related level must be valid on."
    )
    previous: PreviousFacts | None = None
    months_at_least: int | None = None
    months_at_most: int | None = None
    of: Literal["indicators", "improvement_areas"] | None = None
    since: dt.date | None = Field(default=None, description="The previous assessment's date.")
    parts: tuple["RequirementResult", ...] = Field(
        default=(), description="For `kind: level`: each requirement of that level."
    )


class Gap(Model):
    """What separates the assessment from a level it did not reach."""

    indicators: tuple[str, ...] = Field(
        description="The fewest indicators which, met, would reach the level (with all that "
        "is below it); when not `reachable`, those that would still bring it closer."
    )
    exact: bool = Field(
        default=True,
        description="False when the search for the fewest stopped at its bound and "
        "`indicators` is a good set, not proven the smallest.",
    )
    points: Points | None = Field(
        default=None, description="Points missing for the score requirement."
    )
    minimums: tuple[str, ...] = Field(default=(), description="Minimum requirements not met.")
    unanswered: tuple[str, ...] = ()
    blocked_by: tuple[RequirementResult, ...] = Field(
        default=(), description="Requirements no answer can change (history, eligibility)."
    )
    reachable: bool = Field(description="Whether meeting `indicators` alone reaches the level.")


class LevelResult(Model):
    """One level: whether all its requirements hold, each requirement, and the gap."""

    id: str
    awarded: bool
    held: bool
    requirements: tuple[RequirementResult, ...]
    gap: Gap | None = None


class MarginSet(Model):
    """The fewest indicators whose loss, all together, breaks one requirement.

    None of them costs the level alone (those are the margin's `singles`, left out here).
    """

    kind: str = Field(description="The requirement's kind.")
    category: str | None = None
    indicators: tuple[str, ...]


class Margin(Model):
    """How much the awarded level could lose before it goes."""

    level: str
    points: Points | None = Field(default=None, description="Points above the score requirement.")
    indicators: tuple[str, ...] = Field(
        description="The fewest indicators whose loss would cost the level: the first of "
        "`singles` when there is one, else the smallest of `sets`."
    )
    singles: tuple[str, ...] = Field(
        default=(), description="Indicators each of whose loss alone costs the level."
    )
    minimums: tuple[str, ...] = Field(
        default=(), description="The `singles` that are minimum requirements."
    )
    sets: tuple[MarginSet, ...] = Field(
        default=(),
        description="For each requirement losses can break: the fewest indicators, none a "
        "single, whose loss all together breaks it (no one of them alone does).",
    )
    exact: bool = Field(
        default=True, description="False when a search stopped at its bound (not proven fewest)."
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


class PeerCategory(Model):
    """One category against the peer group."""

    id: str
    share: Number | None
    mean: Number | None
    n: int


class PeerIndicator(Model):
    """One indicator against the peer group."""

    id: str
    value: AnswerData = None
    points: Points
    n: int = Field(description="Peers to which the indicator applied.")
    met_share: Number | None = Field(default=None, description="Share of peers meeting it.")
    mean: Number | None = Field(default=None, description="Peers' mean answer (numeric answers).")
    median: Number | None = None
    lower: int | None = Field(
        default=None, description="How many of the `n` peers gave a lower answer."
    )
    equal: int | None = Field(default=None, description="How many gave the same answer.")


class PeerComparison(Model):
    """The assessment against its peer group in a cohort."""

    by: str = Field(description="How the cohort groups organisations: portfolio, country or size.")
    group: str = Field(
        description="The group compared with (`all` when the own group is too small)."
    )
    n: int
    score_share: Number | None = None
    score_mean: Number | None = None
    score_lower: int | None = Field(
        default=None, description="How many of the `n` peers reached a lower share."
    )
    score_equal: int | None = Field(default=None, description="How many reached the same share.")
    levels: dict[str, int] = Field(default_factory=dict)
    categories: tuple[PeerCategory, ...] = ()
    indicators: tuple[PeerIndicator, ...] = ()


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

    def indicator(self, indicator_id: str) -> IndicatorResult | None:
        """The result of one indicator, or None."""
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def level_result(self, level_id: str) -> LevelResult | None:
        """The result of one level, or None."""
        return next((lv for lv in self.levels if lv.id == level_id), None)
