"""Data shapes of criteria files, assessment files and results (pydantic v2, frozen)."""

from __future__ import annotations

from .answer_types import (
    AnswerType,
    AnswerValueError,
    BooleanAnswer,
    ChoiceAnswer,
    DateAnswer,
    IntegerAnswer,
    NumberAnswer,
    Option,
    PercentAnswer,
    ScaleAnswer,
    Step,
    TextAnswer,
)
from .answers import Answer
from .assessment import (
    Assessment,
    AssessmentInfo,
    Assessor,
    CriteriaReference,
    FollowUp,
    ImprovementArea,
    Organisation,
    PreviousAssessment,
    RelatedAnswers,
)
from .common import Model, Text
from .criteria import (
    Category,
    Criteria,
    Example,
    ExamplePrevious,
    Expectation,
    Indicator,
    Level,
    Provenance,
    Renewal,
    Source,
    Validity,
)
from .requirements import Requirement
from .rules import Bands, Condition, PartialStep, Rule

__all__ = [
    "Answer",
    "AnswerType",
    "AnswerValueError",
    "Assessment",
    "AssessmentInfo",
    "Assessor",
    "Bands",
    "BooleanAnswer",
    "Category",
    "ChoiceAnswer",
    "Condition",
    "Criteria",
    "CriteriaReference",
    "DateAnswer",
    "Example",
    "ExamplePrevious",
    "Expectation",
    "FollowUp",
    "ImprovementArea",
    "Indicator",
    "IntegerAnswer",
    "Level",
    "Model",
    "NumberAnswer",
    "Option",
    "Organisation",
    "PartialStep",
    "PercentAnswer",
    "PreviousAssessment",
    "Provenance",
    "RelatedAnswers",
    "Renewal",
    "Requirement",
    "Rule",
    "ScaleAnswer",
    "Source",
    "Step",
    "Text",
    "TextAnswer",
    "Validity",
]
