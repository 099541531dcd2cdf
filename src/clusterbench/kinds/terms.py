"""Requirements as sums: the one form that deciding, gaps and margins all read.

A requirement kind states what it asks for as :class:`Term` records: a weighted sum of
the indicators' measures over a scope, compared with what is needed (``120 of 150
points`` is ``earned − 0.8 × possible ≥ 0`` over every indicator).  A requirement that
no answer can change (the history, another criteria set) is a fixed term.  Whether a
requirement holds, what is missing for it and what it could lose are then all computed
from the same terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .facts import MEASURES, Facts, Measure, Tally
from .text import EXACT

__all__ = ["Term", "fixed", "term"]

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Term:
    """``Σ weight × measure`` over ``ids`` (None: every indicator), compared with ``need``.

    Held when the sum reaches ``need`` (``strict``: exceeds it).  A ``fixed`` term holds
    or not whatever the answers: True or False, never None.  ``points``: the sum is a
    number of points (a score or points requirement), so its value is a slack or a gap
    in points.
    """

    source: Any
    ids: tuple[str, ...] | None
    weights: tuple[tuple[int, Decimal], ...]
    need: Decimal
    strict: bool = False
    fixed: bool | None = None
    points: bool = False

    def value(self, tally: Tally) -> Decimal:
        """The sum over the scope, less what is needed (held at ≥ 0, or > 0 when strict)."""
        total = -self.need
        for index, weight in self.weights:
            total = EXACT.add(total, EXACT.multiply(weight, tally[index]))
        return total

    def weigh(self, measure: Measure) -> Decimal:
        """What one indicator's measure adds to the sum."""
        total = _ZERO
        for index, weight in self.weights:
            total = EXACT.add(total, EXACT.multiply(weight, measure[index]))
        return total

    def met_by(self, value: Decimal) -> bool:
        """Whether a value of :meth:`value` holds."""
        return value > 0 if self.strict else value >= 0

    def holds(self, facts: Facts) -> bool:
        """Whether the term holds on these facts."""
        if self.fixed is not None:
            return self.fixed
        return self.met_by(self.value(facts.tally(self.ids)))


def term(
    source: Any,
    ids: tuple[str, ...] | None,
    need: Decimal | int,
    *,
    strict: bool = False,
    points: bool = False,
    **weights: Decimal | int,
) -> Term:
    """A term: ``term(req, None, 0, earned=1, possible=-share)``."""
    stated = tuple((MEASURES.index(name), Decimal(w)) for name, w in weights.items() if w)
    return Term(source, ids, stated, Decimal(need), strict, None, points)


def fixed(source: Any, held: bool) -> Term:
    """A term no answer in this assessment can change."""
    return Term(source, None, (), _ZERO, False, held, False)
