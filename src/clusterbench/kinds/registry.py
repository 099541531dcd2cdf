"""The registry: one object per requirement kind and per answer type, found by model type.

Everything that needs to know what a kind means (scoring, gaps and margins, the criteria
checks, `criteria show`, `new`, reports) asks here instead of switching on types.  A
test fails when a model exists without its object here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..models.answer_types import AnswerType
from ..models.criteria import Criteria
from ..models.requirements import Requirement
from .answers.base import AnswerKind
from .answers.boolean import BooleanKind
from .answers.choice import ChoiceKind
from .answers.dates import DateKind
from .answers.numbers import IntegerKind, NumberKind, PercentKind
from .answers.scale import ScaleKind
from .answers.text import TextKind
from .base import RequirementKind
from .description import Description
from .requirements.answered import AnsweredKind
from .requirements.category_floors import CategoryFloorsKind
from .requirements.criteria import CriteriaKind
from .requirements.improved import ImprovedKind
from .requirements.indicators_met import IndicatorsMetKind
from .requirements.level import LevelKind
from .requirements.minimums import MinimumsKind
from .requirements.points import PointsKind
from .requirements.previous_level import PreviousLevelKind
from .requirements.score import ScoreKind

__all__ = [
    "ANSWER_KINDS",
    "REQUIREMENT_KINDS",
    "answer_kind",
    "describe",
    "required_sets",
    "requirement_kind",
    "split_assumptions",
]

REQUIREMENT_KINDS: dict[type[Any], RequirementKind[Any]] = {
    kind.model: kind
    for kind in (
        ScoreKind(),
        PointsKind(),
        IndicatorsMetKind(),
        MinimumsKind(),
        CategoryFloorsKind(),
        CriteriaKind(),
        AnsweredKind(),
        PreviousLevelKind(),
        ImprovedKind(),
        LevelKind(),
    )
}
"""Requirement model type → its kind."""

V = TypeVar("V")

ANSWER_KINDS: dict[type[Any], AnswerKind[Any]] = {
    kind.model: kind
    for kind in (
        BooleanKind(),
        IntegerKind(),
        NumberKind(),
        PercentKind(),
        ChoiceKind(),
        ScaleKind(),
        DateKind(),
        TextKind(),
    )
}
"""Answer type model → its kind."""


def requirement_kind(req: Requirement) -> RequirementKind[Any]:
    """The kind object of a requirement."""
    return REQUIREMENT_KINDS[type(req)]


def answer_kind(answer: AnswerType) -> AnswerKind[Any]:
    """The kind object of an indicator's answer type."""
    return ANSWER_KINDS[type(answer)]


def describe(req: Requirement) -> Description:
    """A requirement as the criteria state it."""
    return requirement_kind(req).describe(req)


def required_sets(criteria: Criteria) -> list[str]:
    """The ids of the other criteria sets the levels require (eligibility, a label), in order."""
    remembered: tuple[str, ...] | None = criteria.memo.get("required sets")
    if remembered is None:
        found = (describe(req).criteria for level in criteria.levels for req in level.requires)
        remembered = tuple(dict.fromkeys(c for c in found if c is not None))
        criteria.memo["required sets"] = remembered
    return list(remembered)


def split_assumptions(
    criteria: Criteria, assume: Mapping[str, V]
) -> tuple[dict[str, V], dict[str, dict[str, V]]]:
    """Assumed answers to this set, and to each related set by its id.

    ``esca-eligibility.E2`` is E2 of the related set `esca-eligibility` (unless this set
    has an indicator of that very id); deeper names reach deeper sets the same way.
    """
    own: dict[str, V] = {}
    related: dict[str, dict[str, V]] = {}
    sets = required_sets(criteria)
    for key, value in assume.items():
        prefix, dot, rest = key.partition(".")
        if criteria.indicator(key) is None and dot and rest and prefix in sets:
            related.setdefault(prefix, {})[rest] = value
        else:
            own[key] = value
    return own, related
