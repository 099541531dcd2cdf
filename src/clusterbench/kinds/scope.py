"""Which indicators a requirement counts: one place for every kind's scope."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..models.answer_types import suggest
from ..models.criteria import Criteria
from .check import Finding

__all__ = ["Scope"]


@dataclass(frozen=True, slots=True)
class Scope:
    """Every indicator, a category's, a listed few, or the minimum requirements.

    A list wins over a category (``indicators_met`` among ``[N09, N10]``); ``minimums``
    means the indicators flagged ``minimum_requirement``.
    """

    category: str | None = None
    indicators: tuple[str, ...] | None = None
    minimums: bool = False

    def ids(self, criteria: Criteria) -> tuple[str, ...] | None:
        """The indicator ids counted, in order; None for every indicator."""
        if self.indicators is None and self.category is None and not self.minimums:
            return None
        memo = criteria.memo
        found: tuple[str, ...] | None = memo.get(self)
        if found is None:
            if self.indicators is not None:
                found = tuple(i for i in self.indicators if criteria.indicator(i) is not None)
            elif self.minimums:
                found = tuple(i.id for i in criteria.indicators if i.minimum_requirement)
            else:
                found = tuple(i.id for i in criteria.indicators if i.category == self.category)
            memo[self] = found
        return found

    def points(self, criteria: Criteria) -> Decimal:
        """The points the scope's indicators carry in all."""
        ids = self.ids(criteria)
        chosen = criteria.indicators if ids is None else (criteria.indicator(i) for i in ids)
        return sum((i.points for i in chosen if i is not None), Decimal(0))

    def size(self, criteria: Criteria) -> int:
        """How many indicators the scope counts."""
        ids = self.ids(criteria)
        return len(criteria.indicators) if ids is None else len(ids)

    def check(self, criteria: Criteria) -> Iterator[Finding]:
        """Unknown categories (CB202) and indicators (CB203) the scope names."""
        categories = [c.id for c in criteria.categories]
        if self.category is not None and criteria.category(self.category) is None:
            hint = suggest(self.category, categories)
            yield Finding(("category",), "CB202", f"unknown category {self.category!r}{hint}")
        ids = [i.id for i in criteria.indicators]
        for n, name in enumerate(self.indicators or ()):
            if criteria.indicator(name) is None:
                yield Finding(
                    ("indicators", n), "CB203", f"unknown indicator {name!r}{suggest(name, ids)}"
                )
