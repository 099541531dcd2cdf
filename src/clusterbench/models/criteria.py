"""The criteria file: one indicator set, its levels and its golden examples."""

import hashlib
import json
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    Field,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    StrictBool,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .answer_types import AnswerType
from .answers import Answer
from .common import ID_PATTERN, Date, Id, Language, Model, Points, Share, Text
from .domain import INDICATORS, MAX_CHAIN, MAX_MONTHS, NAME, PATH
from .requirements import Requirement
from .rules import Bands, Condition, PartialStep, Rule
from .versions import InForce, Supersedes

MEMO_LIMIT = 100_000
"""The most entries :attr:`Criteria.memo` keeps."""
V = TypeVar("V")

__all__ = [
    "MEMO_LIMIT",
    "Awarding",
    "Category",
    "Criteria",
    "Designation",
    "Example",
    "ExamplePrevious",
    "ExampleRelated",
    "Expectation",
    "Indicator",
    "Level",
    "Portfolio",
    "Provenance",
    "Renewal",
    "Source",
    "Validity",
]


class Source(Model):
    """A public source the criteria were written from."""

    title: str = Field(min_length=1)
    url: Annotated[str, PATH] | None = Field(default=None, pattern=r"^https?://\S+$")


class Provenance(Model):
    """Where the criteria come from: the labelling body's own text, or a reconstruction."""

    status: Literal["official", "reconstructed", "example"] = Field(
        description="`official`: the owner's wording; `reconstructed`: rebuilt from public "
        "sources; `example`: made up to show the language."
    )
    sources: tuple[Source, ...] = ()
    note: Text | None = None


class Awarding(Model):
    """Who awards the levels, and whether the level computed is held before they decide."""

    body: Annotated[Text, NAME] = Field(
        description="The body that awards the labels (named on certificates)."
    )
    approval: Literal["required", "none"] = Field(
        default="required",
        description="`required`: a level is only recommended until the body approves it (an "
        "assessment's `decision`); `none`: the level computed is held at once.",
    )
    url: Annotated[str, PATH] | None = Field(default=None, pattern=r"^https?://\S+$")


class Portfolio(Model):
    """A comparative portfolio: a sector peer group, named in assessments by its id."""

    id: Id
    title: Annotated[Text, NAME]


class Category(Model):
    """A group of indicators (an area, a topic)."""

    id: Id
    title: Annotated[Text, NAME]
    description: Text | None = None
    floor: Share | None = Field(
        default=None,
        description="Share of this category's points a `category_floors` requirement needs.",
    )


class Indicator(Model):
    """One question of the assessment, how it is answered and how it scores."""

    id: Id
    category: Id
    title: Annotated[Text, NAME]
    question: Text | None = None
    answer: AnswerType
    points: Points = Field(default=Decimal(0), description="Points when the pass rule holds.")
    pass_: Rule | None = Field(default=None, alias="pass", description="When the indicator is met.")
    partial: tuple[PartialStep, ...] = Field(
        default=(), description="Partial credit when the pass rule does not hold; first match wins."
    )
    bands: Bands | None = None
    peer_bands: Literal["higher", "lower"] | None = Field(
        default=None,
        description="With a cohort, colour the answer against the peer group: `higher` is better "
        "(green from the median, yellow from the lower quartile) or `lower` is better.",
    )
    minimum_requirement: StrictBool = Field(
        default=False,
        description="A knock-out: levels requiring `minimums` fail when it is not met.",
    )
    allow_not_applicable: StrictBool = False
    applies_if: Condition | None = None
    evidence: tuple[Text, ...] = ()
    guidance: Text | None = None
    recommendation: Text | None = None


class Renewal(Model):
    """How a renewal inside the window extends a label."""

    window_months: int = Field(
        strict=True,
        ge=0,
        le=MAX_MONTHS,
        description="Months after expiry a renewal may still happen.",
    )
    extension_months: int = Field(
        strict=True, ge=1, le=MAX_MONTHS, description="Months added to the previous end date."
    )
    at_most: int | None = Field(
        strict=True,
        default=None,
        ge=1,
        le=MAX_CHAIN,
        description="How many renewals in a row may extend the label (default: any number); "
        "a further assessment starts a new period.",
    )


class Validity(Model):
    """How long a level is valid."""

    months: int = Field(strict=True, ge=1, le=MAX_MONTHS)
    renewal: Renewal | None = None


class Level(Model):
    """A label level; levels are listed from the lowest to the highest."""

    id: Id
    title: Annotated[Text, NAME]
    description: Text | None = None
    color: str | None = Field(default=None, pattern=r"^#[0-9A-Fa-f]{6}$")
    requires: tuple[Requirement, ...] = ()
    validity: Validity | None = None
    replaces: tuple[Id, ...] = Field(
        default=(),
        description="Criteria sets whose earlier labels this level replaces once awarded "
        "(a Gold replaces a Silver or Bronze): the register shows them as superseded and "
        "asks for no renewal of them.",
    )


class Designation(Model):
    """A title a level carries while its own requirements hold, reported beside the level.

    A national programme's status that is not a period of its own: NCE is given to an
    Arena Pro cluster for as long as it holds a valid Gold label.  It is held when the
    level awarded is one of `levels` and every requirement holds; it lasts until the
    first of the level's end and the end of each related label it needs valid.
    """

    id: Id
    title: Annotated[Text, NAME]
    description: Text | None = None
    levels: tuple[Id, ...] = Field(min_length=1, description="The levels it can be given with.")
    requires: tuple[Requirement, ...] = Field(min_length=1)


class ExampleRelated(Model):
    """Another criteria set's level in a golden example, with its dates.

    A bare level id is short for `{level: id}` (a level with no dates stated).
    """

    level: Id | None
    awarded: Date | None = None
    valid_until: Date | None = Field(
        default=None,
        description="The last day the level is valid (examples are scored on 2026-01-15).",
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_level(cls, data: Any) -> Any:
        return {"level": data} if isinstance(data, str) else data

    @model_serializer(mode="wrap")
    def _as_written(self, handler: SerializerFunctionWrapHandler) -> Any:
        # Written back as it was read: a bare level keeps the criteria's content hash.
        if self.awarded is None and self.valid_until is None and self.level is not None:
            return self.level
        return handler(self)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        record = handler.resolve_ref_schema(handler(schema))
        return {"anyOf": [{"type": "string", "pattern": ID_PATTERN}, record]}


class ExamplePrevious(Model):
    """The previous assessment a golden example refers to."""

    level: Id | None
    months_ago: int = Field(strict=True, ge=0, le=MAX_MONTHS)
    answers: Annotated[dict[str, Answer], INDICATORS] = Field(default_factory=dict)


class Expectation(Model):
    """What a golden example must get."""

    level: Id | None = Field(description="The level awarded, or null for none.")
    points: Points | None = None
    share: Share | None = None
    designations: tuple[Id, ...] | None = Field(
        default=None, description="The designations held beside the level (default: not checked)."
    )


class Example(Model):
    """A golden example: answers and the level they must get."""

    name: Id
    description: Text | None = None
    start: Literal["empty", "all_met"] = Field(
        default="empty",
        description="`all_met`: every indicator starts at a value meeting its pass rule; "
        "`answers` then overrides.",
    )
    answers: Annotated[dict[str, Answer], INDICATORS] = Field(default_factory=dict)
    criteria_levels: dict[str, ExampleRelated | None] = Field(
        default_factory=dict,
        description="Assumed levels of other criteria sets (eligibility): a level, or "
        "`{level, awarded, valid_until}`.",
    )
    previous: ExamplePrevious | None = None
    improvement_areas: tuple[Id, ...] = ()
    expect: Expectation


class Criteria(Model):
    """A whole indicator set."""

    kind: Literal["criteria"]
    format: Literal[1]
    id: Id
    version: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,31}$")
    title: Annotated[Text, NAME]
    description: Text | None = None
    languages: tuple[Language, ...] = Field(default=("en",), min_length=1)
    provenance: Provenance
    in_force: InForce | None = Field(
        default=None, description="The days assessments are made with this version."
    )
    supersedes: Supersedes | None = Field(
        default=None, description="The version this one replaces, with an indicator map."
    )
    awarding: Awarding | None = Field(
        default=None,
        description="Who awards the levels; without it, the level computed is held at once.",
    )
    max_points: Points | None = None
    categories: tuple[Category, ...] = Field(min_length=1)
    indicators: Annotated[tuple[Indicator, ...], INDICATORS] = Field(min_length=1)
    levels: tuple[Level, ...] = Field(min_length=1)
    designations: tuple[Designation, ...] = Field(
        default=(),
        description="Titles a level carries while their own requirements hold (NCE beside "
        "Arena Pro), reported beside the level.",
    )
    portfolios: tuple[Portfolio, ...] = Field(
        default=(),
        description="The comparative portfolios (sector peer groups) assessments may name, "
        "with the titles reports show.",
    )
    examples: Annotated[tuple[Example, ...], INDICATORS] = ()

    # Lookups are cached in the instance dict (functools.cached_property): pydantic's own
    # private attributes go through a slow __getattr__, and scoring asks for every indicator.
    @cached_property
    def _indicator_map(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def _category_map(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def _level_map(self) -> dict[str, Level]:
        return {lv.id: lv for lv in self.levels}

    @cached_property
    def _level_ranks(self) -> dict[str, int]:
        return {lv.id: rank for rank, lv in enumerate(self.levels, start=1)}

    def indicator(self, indicator_id: str) -> Indicator | None:
        """The indicator with this id, or None."""
        return self._indicator_map.get(indicator_id)

    def category(self, category_id: str) -> Category | None:
        """The category with this id, or None."""
        return self._category_map.get(category_id)

    def level(self, level_id: str) -> Level | None:
        """The level with this id, or None."""
        return self._level_map.get(level_id)

    def designation(self, designation_id: str) -> Designation | None:
        """The designation with this id, or None."""
        return next((d for d in self.designations if d.id == designation_id), None)

    @property
    def reference(self) -> str:
        """``id@version``: how the command line names this version."""
        return f"{self.id}@{self.version}"

    def portfolio(self, portfolio_id: str) -> Portfolio | None:
        """The comparative portfolio with this id, or None."""
        return next((p for p in self.portfolios if p.id == portfolio_id), None)

    def level_rank(self, level_id: str | None) -> int:
        """Position of a level from 1 (lowest); 0 for None or an unknown id."""
        return self._level_ranks.get(level_id, 0) if level_id is not None else 0

    @cached_property
    def memo(self) -> dict[Any, Any]:
        """A cache for lookups derived from these criteria (they never change): scopes, orders."""
        return {}

    def remember(self, key: Any, value: V) -> V:
        """Keep ``value`` in :attr:`memo` under ``key`` while it holds under MEMO_LIMIT entries.

        Answers vary without end across a batch: the bound keeps a long-lived process's
        memory flat, at the price of computing again what no longer fits.
        """
        memo = self.memo
        if len(memo) < MEMO_LIMIT:
            memo[key] = value
        return value

    @property
    def needs_approval(self) -> bool:
        """Whether a level is only recommended until the awarding body approves it."""
        return self.awarding is not None and self.awarding.approval == "required"

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON content: formatting and comments do not change it.

        Defaults are left out, so that writing a default out, or a new optional key the
        language gains, leaves the hash of an unchanged file as it was.
        """
        data = self.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def total_points(self) -> Decimal:
        """Sum of all indicators' points."""
        return sum((i.points for i in self.indicators), Decimal(0))
