"""What a Result says about levels: each requirement with its facts, gaps and margins."""

import datetime as dt
from typing import Literal

from pydantic import Field

from .common import Model, Number, Points
from .result_values import Ratio

__all__ = [
    "Decided",
    "FloorResult",
    "Gap",
    "LevelResult",
    "Margin",
    "MarginSet",
    "PreviousFacts",
    "RelatedResult",
    "RequirementResult",
]

Decided = Literal["approved", "pending", "rejected", "withdrawn"]
"""The labelling body's decision on a label as it stood on a given day: `approved` (also
when the criteria need no approval), `pending` (not decided by that day), `rejected`,
`withdrawn`.  Only an approved label is held, and only from its decision date."""


class FloorResult(Model):
    """One category against its floor, for a `category_floors` requirement."""

    id: str
    points: Points
    max_points: Points
    share: Number | None = Field(
        description="Earned over possible (nearest float); null: none possible."
    )
    share_exact: Ratio | None = Field(
        default=None, description="The share exactly: compare this one with the floor."
    )
    floor: Number
    held: bool


class PreviousFacts(Model):
    """The previous assessment as a `previous_level` requirement saw it."""

    date: dt.date
    level: str | None = Field(description="The level it reached (or the one stated).")
    criteria: str
    months: int = Field(description="Whole months from the previous assessment to this one.")
    level_held: bool = Field(
        description="Whether its label was held (approved by this assessment's date) at the "
        "level needed or higher."
    )
    decision: Decided | None = Field(
        default=None,
        description="The body's decision on its label as it stood on this assessment's date; "
        "null for a previous level stated in the assessment (held as stated).",
    )


class RelatedResult(Model):
    """The outcome of another criteria set this one requires (eligibility, a label)."""

    criteria: str
    level: str | None = Field(
        description="The level held: for a `file`, the level the body approved by the date "
        "it is needed (null when not approved by then); else the level reached or stated."
    )
    source: Literal["answers", "stated", "file", "missing"] = Field(
        description="`answers`: scored from answers given here; `stated`: a level stated here; "
        "`file`: scored from that set's own assessment file; `missing`: not given."
    )
    points: Points | None = None
    max_points: Points | None = None
    date: dt.date | None = Field(default=None, description="When that outcome was assessed.")
    awarded: dt.date | None = Field(
        default=None,
        description="When the level was awarded (for a `file`: the approval's date, else the "
        "assessment date); a label awarded after the date it is needed is not held then.",
    )
    valid_until: dt.date | None = Field(
        default=None, description="The last day the level is valid; null: not known."
    )
    file: str | None = Field(default=None, description="The assessment file it was scored from.")
    reached: str | None = Field(
        default=None, description="For a `file`: the level that assessment reached."
    )
    decision: Decided | None = Field(
        default=None,
        description="For a `file`: the body's decision on that label as it stood on the date "
        "it is needed.",
    )
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
    awarded_by: dt.date | None = Field(
        default=None,
        description="The date the related level must have been awarded by: the assessment "
        "date (a label awarded, or approved, only later does not count).",
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
        description="True when `indicators` are proven the fewest (with `reachable: false`: "
        "when it is proven that no set of indicators reaches the level); false when the "
        "search stopped at its bound and `indicators` is a good set, not proven.",
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
