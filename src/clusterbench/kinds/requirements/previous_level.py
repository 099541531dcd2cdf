"""`kind: previous_level` — the previous assessment gave a level, so many months earlier."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.common import construct
from ...models.dates import months_between, within_months
from ...models.requirements import PreviousLevelRequirement
from ...models.result import PreviousFacts, RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..terms import Term, fixed
from .level import unknown_level

__all__ = ["PreviousLevelKind"]


class PreviousLevelKind(RequirementKind[PreviousLevelRequirement]):
    """The previous label is `level` or higher (of the same criteria), in the month window.

    The previous label counts only when it was held: approved by this assessment's date
    (or free of approval), neither rejected nor withdrawn.

    The window is compared to the day (:func:`~clusterbench.models.dates.within_months`);
    the months shown are whole calendar months (:func:`~clusterbench.models.dates.months_between`).
    No answer of this assessment changes it.
    """

    model = PreviousLevelRequirement

    def previous(self, req: PreviousLevelRequirement, facts: Facts) -> PreviousFacts | None:
        """The previous assessment as this requirement sees it."""
        previous = facts.previous
        if previous is None:
            return None
        criteria = facts.criteria
        same = previous.criteria == criteria.id
        held = previous.held  # only a label the body approved counts
        level_held = held is not None and (
            held == req.level
            or (same and criteria.level_rank(held) >= criteria.level_rank(req.level))
        )
        return construct(
            PreviousFacts,
            date=previous.date,
            level=previous.level,
            criteria=previous.criteria,
            months=months_between(previous.date, facts.date),
            level_held=level_held,
            decision=previous.decision,
        )

    def held(self, req: PreviousLevelRequirement, facts: Facts) -> bool:
        """Whether the previous assessment gave the level inside the window."""
        found = self.previous(req, facts)
        if found is None or not found.level_held:
            return False
        return within_months(found.date, facts.date, req.months_at_least, req.months_at_most)

    def terms(self, req: PreviousLevelRequirement, facts: Facts) -> tuple[Term, ...]:
        return (fixed(req, self.held(req, facts)),)

    def explain(self, req: PreviousLevelRequirement, facts: Facts) -> RequirementResult:
        found = self.previous(req, facts)
        return self.result(
            held=self.held(req, facts),
            fixable=False,
            level=req.level,
            actual=found.months if found is not None else None,
            needed=req.months_at_least,
            previous=found,
            months_at_least=req.months_at_least,
            months_at_most=req.months_at_most,
        )

    def check(self, req: PreviousLevelRequirement, context: CheckContext) -> Iterator[Finding]:
        yield from unknown_level(req.level, context)
        low, high = req.months_at_least, req.months_at_most
        if low is not None and high is not None and low > high:
            yield Finding((), "CB210", f"months_at_least {low} is above months_at_most {high}")

    def describe(self, req: PreviousLevelRequirement) -> Description:
        return Description(
            self.kind,
            level=req.level,
            months_at_least=req.months_at_least,
            months_at_most=req.months_at_most,
        )
