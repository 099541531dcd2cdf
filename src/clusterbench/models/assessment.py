"""The assessment file: who was assessed, when, by whom, against which criteria, and the answers."""

import datetime as dt
import re
from typing import Any, Literal, Self

from pydantic import Field, StrictBool, field_validator, model_validator

from .answers import Answer
from .common import Id, Model

__all__ = [
    "Assessment",
    "AssessmentInfo",
    "Assessor",
    "CriteriaReference",
    "FollowUp",
    "ImprovementArea",
    "Organisation",
    "PreviousAssessment",
    "RelatedAnswers",
]

_COUNTRY = re.compile(r"^[A-Z]{3}$")


class Organisation(Model):
    """The cluster organisation assessed."""

    name: str = Field(min_length=1)
    country: str = Field(description="ISO 3166-1 alpha-3 code: NOR, DEU, DNK.")
    portfolio: str | None = Field(
        default=None, description="Comparative portfolio (sector peer group)."
    )
    founded: int | None = Field(default=None, ge=1800, le=2200, description="Founding year.")
    members: int | None = Field(default=None, ge=0, description="Number of members.")
    website: str | None = None
    facts: dict[str, Any] = Field(
        default_factory=dict, description="Any further facts, shown in the report."
    )

    @field_validator("country")
    @classmethod
    def _alpha3(cls, value: str) -> str:
        if not _COUNTRY.match(value):
            raise ValueError(
                f"must be an ISO 3166 alpha-3 country code such as NOR or DEU, got {value!r}"
            )
        return value


class Assessor(Model):
    """One person who assessed."""

    name: str = Field(min_length=1)
    role: str | None = Field(default=None, description="Lead assessor, second assessor, ...")
    organisation: str | None = None


class AssessmentInfo(Model):
    """When, by whom and how the assessment was made."""

    date: dt.date
    type: Literal["first", "renewal"] = "first"
    report_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    assessors: tuple[Assessor, ...] = ()
    method: str | None = Field(
        default=None, description="Interview on site, video, document review ..."
    )


class CriteriaReference(Model):
    """The criteria set answered: a bundled id, optionally a file relative to the assessment."""

    id: Id
    version: str | None = None
    file: str | None = Field(
        default=None, description="A criteria file, relative to this assessment."
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, data: Any) -> Any:
        return {"id": data} if isinstance(data, str) else data


class RelatedAnswers(Model):
    """Answers to another criteria set (eligibility), or the level it is known to give."""

    version: str | None = None
    file: str | None = None
    answers: dict[str, Answer] = Field(default_factory=dict)
    level: Id | None = Field(
        default=None, description="A level established elsewhere, instead of answers."
    )
    note: str | None = None

    @model_validator(mode="after")
    def _answers_or_level(self) -> Self:
        if self.answers and self.level is not None:
            raise ValueError("give either `answers` or a stated `level`, not both")
        return self


class ImprovementArea(Model):
    """An area the cluster chose to improve, checked on site by the assessor."""

    indicator: Id
    title: str | None = None
    description: str | None = None
    verified: StrictBool = Field(
        default=False, description="The assessor checked the improvement on site."
    )
    evidence: tuple[str, ...] = ()


class FollowUp(Model):
    """What became of one recommendation of the previous assessment."""

    recommendation: str = Field(min_length=1)
    status: Literal["done", "in_progress", "not_started"]
    comment: str | None = None


class PreviousAssessment(Model):
    """The previous assessment: its file, or its date and level."""

    file: str | None = Field(default=None, description="An assessment file, relative to this one.")
    date: dt.date | None = None
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


class Assessment(Model):
    """One assessment of one organisation against one criteria set."""

    kind: Literal["assessment"]
    format: Literal[1]
    organisation: Organisation
    assessment: AssessmentInfo
    criteria: CriteriaReference
    answers: dict[str, Answer] = Field(default_factory=dict)
    related: dict[str, RelatedAnswers] = Field(
        default_factory=dict, description="Answers to other criteria sets, by id (eligibility)."
    )
    improvement_areas: tuple[ImprovementArea, ...] = ()
    previous: PreviousAssessment | None = None
    follow_up: tuple[FollowUp, ...] = Field(
        default=(), description="What became of the previous assessment's recommendations."
    )
    strengths: tuple[str, ...] = Field(
        default=(), description="The assessor's overall appreciation."
    )
    recommendations: tuple[str, ...] = Field(
        default=(), description="The assessor's own recommendations."
    )

    @property
    def date(self) -> dt.date:
        """The assessment date."""
        return self.assessment.date
