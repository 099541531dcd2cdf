"""`kind: points` — a number of points, overall or in one category."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.requirements import PointsRequirement
from ...models.result import RequirementResult
from ...models.rules import format_value
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..scope import Scope
from ..terms import Term, term

__all__ = ["PointsKind"]


class PointsKind(RequirementKind[PointsRequirement]):
    """The points earned reach `at_least` (exactly reaching them passes)."""

    model = PointsRequirement

    def scope(self, req: PointsRequirement) -> Scope:
        return Scope(category=req.category)

    def terms(self, req: PointsRequirement, facts: Facts) -> tuple[Term, ...]:
        return self.stated(
            req,
            facts,
            lambda: (term(req, self.ids(req, facts), req.at_least, points=True, earned=1),),
        )

    def explain(self, req: PointsRequirement, facts: Facts) -> RequirementResult:
        ids = self.scope(req).ids(facts.criteria)
        tally = facts.tally(ids)
        held = self.holds(req, facts)
        return self.result(
            held=held,
            fixable=True,
            category=req.category,
            actual=tally.earned,
            needed=req.at_least,
            points=tally.earned,
            max_points=tally.possible,
            total=tally.applicable,
            indicators=() if held else facts.shortfall(ids),
        )

    def check(self, req: PointsRequirement, context: CheckContext) -> Iterator[Finding]:
        found = list(self.scope(req).check(context.criteria))
        yield from found
        if found:
            return
        possible = self.scope(req).points(context.criteria)
        if req.at_least > possible:
            where = f" in {req.category}" if req.category else ""
            yield Finding(
                ("at_least",),
                "CB210",
                f"needs {format_value(req.at_least)} points but only {format_value(possible)} "
                f"exist{where}",
            )

    def describe(self, req: PointsRequirement) -> Description:
        return Description(self.kind, needed=req.at_least, scope=self.scope(req))
