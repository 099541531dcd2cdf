"""`kind: answered` — every applicable indicator answered, overall or in a category."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.requirements import AnsweredRequirement
from ...models.result import RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..scope import Scope
from ..terms import Term, term

__all__ = ["AnsweredKind"]


class AnsweredKind(RequirementKind[AnsweredRequirement]):
    """No applicable indicator of the scope is left without an answer."""

    model = AnsweredRequirement

    def scope(self, req: AnsweredRequirement) -> Scope:
        return Scope(category=req.category)

    def terms(self, req: AnsweredRequirement, facts: Facts) -> tuple[Term, ...]:
        return self.stated(req, facts, lambda: (term(req, self.ids(req, facts), 0, unanswered=-1),))

    def explain(self, req: AnsweredRequirement, facts: Facts) -> RequirementResult:
        ids = self.scope(req).ids(facts.criteria)
        tally = facts.tally(ids)
        missing = tuple(o.id for o in facts.outcomes(ids) if o.status == "not_answered")
        return self.result(
            held=not missing,
            fixable=True,
            category=req.category,
            actual=tally.applicable - len(missing),
            needed=tally.applicable,
            total=tally.applicable,
            indicators=missing,
        )

    def check(self, req: AnsweredRequirement, context: CheckContext) -> Iterator[Finding]:
        yield from self.scope(req).check(context.criteria)

    def describe(self, req: AnsweredRequirement) -> Description:
        return Description(self.kind, scope=self.scope(req))
