"""`kind: score` — a share of the applicable points, overall or in one category."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.requirements import ScoreRequirement
from ...models.result import RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..scope import Scope
from ..terms import Term, term
from ..text import EXACT

__all__ = ["ScoreKind"]


class ScoreKind(RequirementKind[ScoreRequirement]):
    """Earned over possible reaches `at_least` (exactly reaching it passes).

    Nothing possible in the scope reaches no share above zero.
    """

    model = ScoreRequirement

    def scope(self, req: ScoreRequirement) -> Scope:
        return Scope(category=req.category)

    def terms(self, req: ScoreRequirement, facts: Facts) -> tuple[Term, ...]:
        def build() -> tuple[Term, ...]:
            ids = self.scope(req).ids(facts.criteria)
            # earned / possible ≥ share  ⇔  earned − share × possible ≥ 0, with possible > 0.
            found: tuple[Term, ...] = (
                term(req, ids, 0, points=True, earned=1, possible=-req.at_least),
            )
            if req.at_least > 0:
                found += (term(req, ids, 0, strict=True, possible=1),)
            return found

        return self.stated(req, facts, build)

    def fixable(self, req: ScoreRequirement, facts: Facts) -> bool:
        return bool(facts.tally(self.scope(req).ids(facts.criteria)).possible)

    def explain(self, req: ScoreRequirement, facts: Facts) -> RequirementResult:
        ids = self.scope(req).ids(facts.criteria)
        tally = facts.tally(ids)
        held = self.holds(req, facts)
        earned, possible = tally.earned, tally.possible
        share = tally.share()
        return self.result(
            held=held,
            fixable=bool(possible),
            category=req.category,
            actual=share[0] if share is not None else None,
            actual_exact=share[1] if share is not None else None,
            needed=req.at_least,
            points=earned,
            max_points=possible,
            points_needed=EXACT.multiply(req.at_least, possible),
            total=tally.applicable,
            indicators=() if held else facts.shortfall(ids),
        )

    def check(self, req: ScoreRequirement, context: CheckContext) -> Iterator[Finding]:
        found = list(self.scope(req).check(context.criteria))
        yield from found
        if found:
            return
        if self.scope(req).points(context.criteria) == 0 and req.at_least > 0:
            where = f" in {req.category}" if req.category else ""
            yield Finding(
                (), "CB210", f"no indicator{where} carries points, so no share can be reached"
            )

    def describe(self, req: ScoreRequirement) -> Description:
        return Description(self.kind, needed=req.at_least, scope=self.scope(req))
