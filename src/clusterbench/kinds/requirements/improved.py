"""`kind: improved` — indicators improved since the previous assessment, or areas achieved."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.requirements import ImprovedRequirement
from ...models.result import RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..terms import Term, fixed, term

__all__ = ["ImprovedKind"]


class ImprovedKind(RequirementKind[ImprovedRequirement]):
    """At least `at_least` indicators improved (more points, or a better band), or verified
    improvement areas.  Only improved indicators can be changed by this assessment's answers,
    and only when the previous answers are known.
    """

    model = ImprovedRequirement

    def terms(self, req: ImprovedRequirement, facts: Facts) -> tuple[Term, ...]:
        if req.of == "improvement_areas":
            return (fixed(req, len(facts.areas) >= req.at_least),)
        if facts.previous is None or facts.previous.indicators is None:
            return (fixed(req, False),)
        # The same term object every time: gap and margin analysis remember by it.
        return self.stated(req, facts, lambda: (term(req, None, req.at_least, improved=1),))

    def explain(self, req: ImprovedRequirement, facts: Facts) -> RequirementResult:
        previous = facts.previous
        known = previous is not None and previous.indicators is not None
        counted = list(facts.areas) if req.of == "improvement_areas" else facts.improvements()[0]
        return self.result(
            held=len(counted) >= req.at_least,
            fixable=self.fixable(req, facts),
            of=req.of,
            actual=len(counted),
            needed=req.at_least,
            indicators=tuple(counted),
            since=previous.date if known and previous is not None else None,
        )

    def check(self, req: ImprovedRequirement, context: CheckContext) -> Iterator[Finding]:
        count = len(context.criteria.indicators)
        if req.at_least > count:
            yield Finding(
                ("at_least",),
                "CB210",
                f"needs {req.at_least} improvements but only {count} indicators exist",
            )

    def describe(self, req: ImprovedRequirement) -> Description:
        return Description(self.kind, needed=req.at_least, of=req.of)
