"""`kind: criteria` — another criteria set passed (eligibility, a label), at a level or any."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.answer_types import suggest
from ...models.requirements import CriteriaRequirement
from ...models.result import RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..terms import Term, fixed

__all__ = ["CriteriaKind"]


class CriteriaKind(RequirementKind[CriteriaRequirement]):
    """The other set's outcome reaches `level` (any level when none is named).

    The level must have been awarded on or before the assessment date (a label from its
    own assessment file only once the body approved it); with `valid: true` it must also
    be valid until that date or later.  No answer of this assessment changes either.
    """

    model = CriteriaRequirement

    def held(self, req: CriteriaRequirement, facts: Facts) -> bool:
        """Whether the related outcome is good enough (and valid, when asked)."""
        related = facts.related.get(req.criteria)
        if related is None or related.result.source == "missing":
            return False
        if not related.reaches(req.level) or not related.awarded_by(facts.date):
            return False
        return not req.valid or related.valid_on(facts.date)

    def terms(self, req: CriteriaRequirement, facts: Facts) -> tuple[Term, ...]:
        return (fixed(req, self.held(req, facts)),)

    def explain(self, req: CriteriaRequirement, facts: Facts) -> RequirementResult:
        related = facts.related.get(req.criteria)
        return self.result(
            held=self.held(req, facts),
            fixable=False,
            criteria=req.criteria,
            level=req.level,
            related=related.result if related is not None else None,
            valid_on=facts.date if req.valid else None,
            awarded_by=facts.date,
        )

    def check(self, req: CriteriaRequirement, context: CheckContext) -> Iterator[Finding]:
        if req.criteria == context.criteria.id:
            yield Finding(("criteria",), "CB222", f"{req.criteria} cannot require itself")

    def check_related(self, req: CriteriaRequirement, context: CheckContext) -> Iterator[Finding]:
        known = context.known
        if known is None:
            return
        if req.criteria not in known:
            hint = suggest(req.criteria, list(known))
            yield Finding(("criteria",), "CB222", f"unknown criteria set {req.criteria!r}{hint}")
            return
        other = known[req.criteria]
        if req.level is not None and other is not None and other.level(req.level) is None:
            ids = [lv.id for lv in other.levels]
            yield Finding(
                ("level",),
                "CB213",
                f"{req.criteria} has no level {req.level!r}{suggest(req.level, ids)}",
            )

    def describe(self, req: CriteriaRequirement) -> Description:
        return Description(self.kind, level=req.level, criteria=req.criteria, valid=req.valid)
