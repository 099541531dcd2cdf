"""The assessment file: who was assessed, when, by whom, against which criteria, and the answers.

What the assessor writes (strengths, recommendations, comments, evidence, the method,
roles, facts) is a :class:`~clusterbench.models.common.Text`: one string, written in the
file's `language`, or one string per language, `{en: ..., nb: ...}`, as criteria texts
are.  Names (of people, organisations, places) are plain strings in every language.
"""

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import (
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..errors import quote
from .answers import Answer
from .common import Date, Id, Language, Model, Text
from .domain import INDICATORS, NAME, PATH, TEXT
from .figures import Figures

__all__ = [
    "Assessment",
    "AssessmentInfo",
    "Assessor",
    "CriteriaReference",
    "Decision",
    "Fact",
    "FollowUp",
    "ImprovementArea",
    "Organisation",
    "PreviousAssessment",
    "RelatedAnswers",
]

_COUNTRY = re.compile(r"^[A-Z]{3}$")


def _as_text(value: Any) -> Any:
    """A number or a date in a fact is written as text: `staff: 5` reads as "5"."""
    if isinstance(value, bool):
        return value  # true/false is not a fact: Text says so
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _fact_value(value: Any) -> Text | tuple[Text, ...]:
    if isinstance(value, list | tuple):
        if not value:
            raise PydanticCustomError("fact_value", "must be a text or a list of texts, not []", {})
        return tuple(Text.validate(_as_text(v)) for v in value)
    return Text.validate(_as_text(value))


def _fact_data(value: Text | tuple[Text, ...]) -> Any:
    return [t.to_data() for t in value] if isinstance(value, tuple) else value.to_data()


_FACT_VALUE_SCHEMA = {"anyOf": [Text.json_schema(), {"type": "array", "items": Text.json_schema()}]}
_FACTS_SCHEMA = {
    "anyOf": [
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"label": Text.json_schema(), "value": _FACT_VALUE_SCHEMA},
                "required": ["label", "value"],
                "additionalProperties": False,
            },
        },
        {"type": "object", "additionalProperties": _FACT_VALUE_SCHEMA},
    ]
}

FactValue = Annotated[
    Text | tuple[Text, ...],
    PlainValidator(_fact_value),
    PlainSerializer(_fact_data),
    WithJsonSchema(_FACT_VALUE_SCHEMA),
]
"""A fact: a text (a number is written as text), or a list of texts."""


class Fact(Model):
    """One further fact about the organisation, shown in the report's imprint."""

    label: Annotated[Text, NAME] = Field(
        description="What the fact is: `Offices`, `{en: Offices, nb: Kontorer}`."
    )
    value: FactValue = Field(description="The fact: a text, or a list of texts.")

    @property
    def values(self) -> tuple[Text, ...]:
        """The value as a list of texts (one for a single text)."""
        return self.value if isinstance(self.value, tuple) else (self.value,)


class Organisation(Model):
    """The cluster organisation assessed."""

    id: Id | None = Field(
        default=None,
        description="A stable id (the labelling body's own number, a register key): the "
        "register matches assessments of one organisation by it, else by name and country.",
    )
    name: str = Field(min_length=1)
    country: str = Field(description="ISO 3166-1 alpha-3 code: NOR, DEU, DNK.")
    portfolio: str | None = Field(
        default=None, description="Comparative portfolio (sector peer group)."
    )
    founded: int | None = Field(
        strict=True, default=None, ge=1800, le=2200, description="Founding year."
    )
    members: int | None = Field(strict=True, default=None, ge=0, description="Number of members.")
    figures: Figures | None = Field(
        default=None,
        description="Key figures at the assessment besides the members (partners, staff, "
        "budget, private share, export growth), for its development over time.",
    )
    website: Annotated[str, PATH] | None = None
    facts: Annotated[tuple[Fact, ...], WithJsonSchema(_FACTS_SCHEMA)] = Field(
        default=(),
        description="Further facts shown in the report: a list of `{label, value}`, or a "
        "mapping of label to value.",
    )

    @field_validator("facts", mode="before")
    @classmethod
    def _facts_mapping(cls, value: Any) -> Any:
        # `facts: {Offices: [...]}` is short for `facts: [{label: Offices, value: [...]}]`.
        if isinstance(value, Mapping):
            return [{"label": str(k), "value": v} for k, v in value.items()]
        return value

    @field_validator("country")
    @classmethod
    def _alpha3(cls, value: str) -> str:
        if not _COUNTRY.match(value):
            raise ValueError(
                f"must be an ISO 3166 alpha-3 country code such as NOR or DEU, got {quote(value)}"
            )
        return value


class Assessor(Model):
    """One person who assessed."""

    name: str = Field(min_length=1)
    role: Annotated[Text, NAME] | None = Field(
        default=None, description="Lead assessor, second assessor, ..."
    )
    organisation: str | None = Field(default=None, description="The assessor's organisation.")


class AssessmentInfo(Model):
    """When, by whom and how the assessment was made."""

    date: Date
    type: Literal["first", "renewal", "review"] = Field(
        default="first",
        description="first, renewal, or review: a review within the period of the label "
        "the previous assessment gave (a designation decided on its date), which leaves "
        "that period as it was.",
    )
    report_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    assessors: tuple[Assessor, ...] = ()
    organisation: str | None = Field(
        default=None, description="The organisation that made the assessment (its name)."
    )
    method: Text | None = Field(
        default=None, description="Interview on site, video, document review ..."
    )
    data_years: tuple[int, ...] = Field(
        default=(), description="The years whose data and documents were checked: [2020, 2021]."
    )

    @field_validator("data_years")
    @classmethod
    def _years(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        for year in value:
            if not 1800 <= year <= 2200:
                raise ValueError(f"a data year is a year such as 2021, got {year}")
        return tuple(sorted(set(value)))


class CriteriaReference(Model):
    """The criteria set answered: a bundled id, optionally a file relative to the assessment."""

    id: Id
    version: str | None = None
    file: Annotated[str, PATH] | None = Field(
        default=None, description="A criteria file, relative to this assessment."
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, data: Any) -> Any:
        return {"id": data} if isinstance(data, str) else data


class RelatedAnswers(Model):
    """Another criteria set's outcome (eligibility, a label): answers to it, the level it
    gave with its dates, or that set's own assessment file.

    Exactly one of ``answers``, ``level`` (with ``awarded`` and ``valid_until`` when known)
    and ``assessment`` is given.  Answers are scored here, on this assessment's date, with
    ``related`` giving what that set itself requires; an assessment file is scored with
    its own history and its own related sets.
    """

    version: str | None = None
    file: Annotated[str, PATH] | None = Field(
        default=None, description="That criteria set's file, relative to this assessment."
    )
    answers: Annotated[dict[str, Answer], INDICATORS] = Field(default_factory=dict)
    level: Id | None = Field(
        default=None, description="A level established elsewhere, instead of answers."
    )
    awarded: Date | None = Field(default=None, description="With `level`: when it was awarded.")
    valid_until: Date | None = Field(
        default=None, description="With `level`: the last day it is valid."
    )
    assessment: Annotated[str, PATH] | None = Field(
        default=None,
        description="That set's own assessment file, relative to this one, scored with its "
        "own history.",
    )
    related: dict[str, "RelatedAnswers"] = Field(
        default_factory=dict,
        description="With `answers`: the outcomes that criteria set itself requires, by id.",
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        given = [
            name
            for name, present in (
                ("answers", bool(self.answers)),
                ("level", self.level is not None),
                ("assessment", self.assessment is not None),
            )
            if present
        ]
        if len(given) > 1:
            raise ValueError(
                f"give one of `answers`, `level` or `assessment`, not {' and '.join(given)}"
            )
        dated = self.awarded is not None or self.valid_until is not None
        if dated and self.level is None:
            raise ValueError("`awarded` and `valid_until` go with a stated `level`")
        if self.awarded and self.valid_until and self.awarded > self.valid_until:
            raise ValueError("`awarded` must not be after `valid_until`")
        if self.related and not self.answers:
            raise ValueError("`related` goes with `answers` (an assessment file has its own)")
        return self


class ImprovementArea(Model):
    """An area the cluster chose to improve, checked on site by the assessor."""

    indicator: Id
    title: Annotated[Text, NAME] | None = None
    description: Text | None = None
    verified: StrictBool = Field(
        default=False, description="The assessor checked the improvement on site."
    )
    evidence: tuple[Text, ...] = ()


class FollowUp(Model):
    """What became of one recommendation of the previous assessment."""

    recommendation: Text
    status: Literal["done", "in_progress", "not_started"]
    comment: Text | None = None


class PreviousAssessment(Model):
    """The previous assessment: its file, or its date and level."""

    file: Annotated[str, PATH] | None = Field(
        default=None, description="An assessment file, relative to this one."
    )
    date: Date | None = None
    level: Id | None = None
    criteria: Id | None = Field(
        default=None, description="The criteria it was made with (default: the same)."
    )
    report_id: str | None = None

    @model_validator(mode="after")
    def _file_or_facts(self) -> Self:
        if self.file is None and self.date is None:
            raise ValueError("give the previous assessment's `file`, or its `date` and `level`")
        if self.file is not None and (self.date is not None or self.level is not None):
            raise ValueError("give either `file` or `date` and `level`, not both")
        return self


class Decision(Model):
    """What the labelling body decided about the level this assessment recommends.

    The level clusterbench computes is a recommendation; a label is held once it is
    `approved` (unless the criteria's `awarding` says no approval is needed).
    """

    status: Literal["recommended", "approved", "rejected", "withdrawn"] = Field(
        description="`recommended`: waiting for the body's decision; `approved`: the label "
        "is awarded; `rejected`: it is not; `withdrawn`: it was awarded and taken back."
    )
    level: Id | None = Field(
        default=None,
        description="The level decided on (default: the level the assessment reaches); it "
        "may be lower than that level, never higher.",
    )
    by: str | None = Field(default=None, description="Who decided: the board, a committee.")
    date: Date | None = Field(
        default=None,
        description="When; never before the assessment. Required for `approved`, `rejected` "
        "and `withdrawn`.",
    )
    awarded: Date | None = Field(
        default=None,
        description="For `withdrawn`: the day the label was awarded, before it was taken back "
        "on `date` (it was held in between).",
    )
    reference: str | None = Field(
        default=None, description="The decision's reference, such as a minute or case number."
    )
    note: Annotated[str, TEXT] | None = None


class Assessment(Model):
    """One assessment of one organisation against one criteria set."""

    kind: Literal["assessment"]
    format: Literal[1]
    language: Language = Field(
        default="en",
        description="The language of the texts written as one string (default: en).",
    )
    organisation: Organisation
    assessment: AssessmentInfo
    criteria: CriteriaReference
    answers: Annotated[dict[str, Answer], INDICATORS] = Field(default_factory=dict)
    related: dict[str, RelatedAnswers] = Field(
        default_factory=dict, description="Answers to other criteria sets, by id (eligibility)."
    )
    improvement_areas: tuple[ImprovementArea, ...] = ()
    previous: PreviousAssessment | None = None
    follow_up: tuple[FollowUp, ...] = Field(
        default=(), description="What became of the previous assessment's recommendations."
    )
    appreciation: Text | None = Field(
        default=None, description="The assessor's overall appreciation: a paragraph."
    )
    strengths: tuple[Text, ...] = Field(default=(), description="The strengths the assessor saw.")
    recommendations: tuple[Text, ...] = Field(
        default=(), description="The assessor's own recommendations."
    )
    decision: Decision | None = Field(
        default=None, description="The labelling body's decision on the recommended level."
    )

    @property
    def date(self) -> dt.date:
        """The assessment date."""
        return self.assessment.date
