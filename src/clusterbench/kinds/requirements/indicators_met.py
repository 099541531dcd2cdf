"""`kind: indicators_met` — a number of indicators fully met, overall, in a category or a list."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...models.requirements import IndicatorsMetRequirement
from ...models.result import RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts, Outcome
from ..scope import Scope
from ..terms import Term, term

__all__ = ["IndicatorsMetKind"]


class IndicatorsMetKind(RequirementKind[IndicatorsMetRequirement]):
    """At least `at_least` of the scope's indicators are met (partly met does not count)."""

    model = IndicatorsMetRequirement

    def scope(self, req: IndicatorsMetRequirement) -> Scope:
        return Scope(category=req.category, indicators=req.indicators)

    def terms(self, req: IndicatorsMetRequirement, facts: Facts) -> tuple[Term, ...]:
        return self.stated(
            req, facts, lambda: (term(req, self.ids(req, facts), req.at_least, met=1),)
        )

    def explain(self, req: IndicatorsMetRequirement, facts: Facts) -> RequirementResult:
        ids = self.scope(req).ids(facts.criteria)
        tally = facts.tally(ids)
        held = tally.met >= req.at_least
        unmet = [o for o in facts.outcomes(ids) if o.applicable and o.status != "met"]
        return self.result(
            held=held,
            fixable=True,
            category=req.category,
            among=req.indicators,
            actual=tally.met,
            needed=req.at_least,
            total=tally.applicable,
            indicators=() if held else tuple(o.id for o in sorted(unmet, key=_heaviest)),
        )

    def check(self, req: IndicatorsMetRequirement, context: CheckContext) -> Iterator[Finding]:
        found = list(self.scope(req).check(context.criteria))
        yield from found
        if found:
            return
        count = self.scope(req).size(context.criteria)
        if req.at_least > count:
            where = f" in {req.category}" if req.category and req.indicators is None else ""
            yield Finding(
                ("at_least",),
                "CB210",
                f"needs {req.at_least} indicators met but only {count} exist{where}",
            )

    def describe(self, req: IndicatorsMetRequirement) -> Description:
        return Description(self.kind, needed=req.at_least, scope=self.scope(req))


def _heaviest(outcome: Outcome) -> Decimal:
    return -outcome.max_points
