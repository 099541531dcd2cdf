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
    "Bands",
    "BooleanAnswer",
    "Category",
    "ChoiceAnswer",
    "Condition",
    "Criteria",
    "DateAnswer",
    "Example",
    "ExamplePrevious",
    "Expectation",
    "Indicator",
    "IntegerAnswer",
    "Level",
    "Model",
    "NumberAnswer",
    "Option",
    "PartialStep",
    "PercentAnswer",
    "Provenance",
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
