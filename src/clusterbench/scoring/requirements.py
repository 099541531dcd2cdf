"""Stage two of scoring: does each requirement of each level hold, and by what facts.

Every requirement kind is one object of :mod:`clusterbench.kinds.registry`; this module
only walks a level's requirements.
"""

from __future__ import annotations

from ..kinds.facts import Facts
from ..kinds.registry import requirement_kind
from ..models.criteria import Level
from ..models.result import RequirementResult

__all__ = ["explain_level", "level_holds"]


def level_holds(level: Level, facts: Facts) -> bool:
    """Whether every requirement of ``level`` holds."""
    return all(requirement_kind(req).holds(req, facts) for req in level.requires)


def explain_level(level: Level, facts: Facts) -> tuple[RequirementResult, ...]:
    """Each requirement of ``level``, with its facts."""
    return tuple(requirement_kind(req).explain(req, facts) for req in level.requires)
