"""`kind: minimums` — every minimum requirement (knock-out indicator) met, or every one listed."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.requirements import MinimumsRequirement
from ...models.result import RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..scope import Scope
from ..terms import Term, term

__all__ = ["MinimumsKind"]


class MinimumsKind(RequirementKind[MinimumsRequirement]):
    """No indicator of the scope is applicable and not met (not applicable is waived)."""

    model = MinimumsRequirement

    def scope(self, req: MinimumsRequirement) -> Scope:
        return Scope(indicators=req.indicators, minimums=req.indicators is None)

    def terms(self, req: MinimumsRequirement, facts: Facts) -> tuple[Term, ...]:
        return self.stated(req, facts, lambda: (term(req, self.ids(req, facts), 0, failing=-1),))

    def explain(self, req: MinimumsRequirement, facts: Facts) -> RequirementResult:
        outcomes = facts.outcomes(self.scope(req).ids(facts.criteria))
        failing = tuple(o.id for o in outcomes if o.applicable and o.status != "met")
        return self.result(
            held=not failing,
            fixable=True,
            among=req.indicators,
            actual=len(outcomes) - len(failing),
            needed=len(outcomes),
            total=len(outcomes),
            indicators=failing,
            waived=tuple(o.id for o in outcomes if not o.applicable),
        )

    def check(self, req: MinimumsRequirement, context: CheckContext) -> Iterator[Finding]:
        yield from self.scope(req).check(context.criteria)
        if req.indicators is None and not self.scope(req).size(context.criteria):
            yield Finding(
                (),
                "CB210",
                "no indicator is a minimum_requirement, so this always holds",
                warning=True,
            )

    def describe(self, req: MinimumsRequirement) -> Description:
        return Description(self.kind, scope=self.scope(req))
