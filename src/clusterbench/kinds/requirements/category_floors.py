"""`kind: category_floors` — every category's `floor` share reached (or the listed ones')."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...models.answer_types import suggest
from ...models.common import construct
from ...models.criteria import Criteria
from ...models.requirements import CategoryFloorsRequirement
from ...models.result import FloorResult, RequirementResult
from ..base import Description, RequirementKind
from ..check import CheckContext, Finding
from ..facts import Facts
from ..scope import Scope
from ..terms import Term, term

__all__ = ["CategoryFloorsKind", "floor_term"]


def floor_term(source: object, criteria: Criteria, category: str, floor: Decimal) -> Term:
    """The term of one category's floor: earned − floor × possible ≥ 0 (none possible: held)."""
    key = ("floor", id(source), category)
    found: Term | None = criteria.memo.get(key)
    if found is None:
        ids = Scope(category=category).ids(criteria)
        found = criteria.memo[key] = term(source, ids, 0, earned=1, possible=-floor)
    return found


class CategoryFloorsKind(RequirementKind[CategoryFloorsRequirement]):
    """In each category with a floor, earned reaches floor × possible (none possible: held)."""

    model = CategoryFloorsRequirement

    def floors(
        self, req: CategoryFloorsRequirement, criteria: Criteria
    ) -> list[tuple[str, Decimal]]:
        """The categories checked (those listed, else every one), each with its floor."""
        names = req.categories or tuple(c.id for c in criteria.categories)
        found = [criteria.category(name) for name in names]
        return [(c.id, c.floor) for c in found if c is not None and c.floor is not None]

    def terms(self, req: CategoryFloorsRequirement, facts: Facts) -> tuple[Term, ...]:
        return self.stated(
            req,
            facts,
            lambda: tuple(
                floor_term(req, facts.criteria, name, floor)
                for name, floor in self.floors(req, facts.criteria)
            ),
        )

    def explain(self, req: CategoryFloorsRequirement, facts: Facts) -> RequirementResult:
        criteria = facts.criteria
        rows: list[FloorResult] = []
        short: list[str] = []
        for name, floor in self.floors(req, criteria):
            ids = Scope(category=name).ids(criteria)
            tally = facts.tally(ids)
            held = floor_term(req, criteria, name, floor).holds(facts)
            share = tally.share()
            rows.append(
                construct(
                    FloorResult,
                    id=name,
                    points=tally.earned,
                    max_points=tally.possible,
                    share=share[0] if share is not None else None,
                    share_exact=share[1] if share is not None else None,
                    floor=floor,
                    held=held,
                )
            )
            if not held:
                short += facts.shortfall(ids)
        return self.result(
            held=all(r.held for r in rows),
            fixable=True,
            categories=tuple(rows),
            indicators=tuple(short),
        )

    def check(self, req: CategoryFloorsRequirement, context: CheckContext) -> Iterator[Finding]:
        criteria = context.criteria
        known = [c.id for c in criteria.categories]
        for k, name in enumerate(req.categories or ()):
            if criteria.category(name) is None:
                yield Finding(
                    ("categories", k), "CB202", f"unknown category {name!r}{suggest(name, known)}"
                )
        if req.categories is None and not any(c.floor is not None for c in criteria.categories):
            yield Finding(
                (), "CB210", "no category declares a floor, so this always holds", warning=True
            )

    def describe(self, req: CategoryFloorsRequirement) -> Description:
        return Description(self.kind, categories=req.categories)
