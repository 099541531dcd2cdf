"""`kind: level` — everything a lower level of the same criteria requires."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...models.answer_types import suggest
from ...models.criteria import Criteria, Level
from ...models.requirements import LevelRequirement
from ...models.result import RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..terms import Term

__all__ = ["LevelKind", "unknown_level"]


def unknown_level(level: str, context: CheckContext) -> Iterator[Finding]:
    """CB213 when ``level`` is not a level of the criteria file."""
    ids = context.level_ids
    if level not in ids:
        yield Finding(("level",), "CB213", f"unknown level {level!r}{suggest(level, ids)}")


class LevelKind(RequirementKind[LevelRequirement]):
    """Every requirement of the named lower level holds; its terms are theirs."""

    model = LevelRequirement

    def lower(self, req: LevelRequirement, facts: Facts) -> Level:
        """The level named (checked to exist and to be lower when the criteria were loaded)."""
        level = facts.criteria.level(req.level)
        assert level is not None
        return level

    def expand(self, req: LevelRequirement, criteria: Criteria) -> tuple[Any, ...]:
        from ..registry import requirement_kind

        level = criteria.level(req.level)
        if level is None:
            return ()
        found: list[Any] = []
        for part in level.requires:
            found += [
                r
                for r in requirement_kind(part).expand(part, criteria)
                if all(r is not seen for seen in found)
            ]
        return tuple(found)

    def terms(self, req: LevelRequirement, facts: Facts) -> tuple[Term, ...]:
        from ..registry import requirement_kind

        found: list[Term] = []
        for part in self.lower(req, facts).requires:
            found += requirement_kind(part).terms(part, facts)
        return tuple(found)

    def holds(self, req: LevelRequirement, facts: Facts) -> bool:
        from ..registry import requirement_kind

        return all(requirement_kind(p).holds(p, facts) for p in self.lower(req, facts).requires)

    def explain(self, req: LevelRequirement, facts: Facts) -> RequirementResult:
        from ..registry import requirement_kind

        parts = tuple(
            requirement_kind(p).explain(p, facts) for p in self.lower(req, facts).requires
        )
        failing = [p for p in parts if not p.held]
        ids: list[str] = []
        for part in failing:
            ids += [i for i in part.indicators if i not in ids]
        return self.result(
            held=not failing,
            fixable=all(p.fixable for p in failing),
            level=req.level,
            indicators=tuple(ids),
            parts=parts,
        )

    def check(self, req: LevelRequirement, context: CheckContext) -> Iterator[Finding]:
        found = list(unknown_level(req.level, context))
        yield from found
        ids = context.level_ids
        if not found and ids.index(req.level) >= context.level_index:
            yield Finding(
                ("level",),
                "CB213",
                f"`kind: level` must name a lower level than {ids[context.level_index]!r}; "
                f"{req.level!r} is not below it",
            )

    def describe(self, req: LevelRequirement) -> Description:
        return Description(self.kind, level=req.level)
