"""Which answers a rule admits, so that bands can be checked for overlaps and gaps.

Finite answer types (yes/no, choices, scales) are checked by evaluating each rule on
every possible answer.  Numeric and date answers are checked with intervals over the
answer's declared bounds; whole numbers and dates use whole steps, so that
``{between: [10, 14]}`` and ``{at_least: 15}`` leave no gap on an integer answer.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..kinds.registry import answer_kind
from ..models.answer_types import AnswerType
from ..models.rules import Rule, format_value

__all__ = ["Coverage", "Span", "coverage_of", "gaps_of"]


@dataclass(frozen=True, slots=True)
class Span:
    """An interval; ``None`` ends are infinite."""

    low: Decimal | None
    low_closed: bool
    high: Decimal | None
    high_closed: bool

    def is_empty(self) -> bool:
        if self.low is None or self.high is None:
            return False
        return self.low > self.high or (
            self.low == self.high and not (self.low_closed and self.high_closed)
        )

    def intersect(self, other: Span) -> Span:
        low, low_closed = _max_low((self.low, self.low_closed), (other.low, other.low_closed))
        high, high_closed = _min_high(
            (self.high, self.high_closed), (other.high, other.high_closed)
        )
        return Span(low, low_closed, high, high_closed)


@dataclass(frozen=True, slots=True)
class Coverage:
    """The answers one rule admits: a finite set, or spans over a numeric domain."""

    finite: frozenset[Any] | None
    spans: tuple[Span, ...] | None
    discrete: bool
    is_date: bool

    def overlap(self, other: Coverage) -> str | None:
        """A description of some answer admitted by both, or None."""
        if self.finite is not None and other.finite is not None:
            common = sorted(self.finite & other.finite, key=repr)
            return _listed(common) if common else None
        for a, b in itertools.product(self.spans or (), other.spans or ()):
            both = a.intersect(b)
            if not both.is_empty():
                return self._describe(both)
        return None

    def _describe(self, span: Span) -> str:
        def show(value: Decimal | None) -> str:
            assert value is not None
            if self.is_date:
                return dt.date.fromordinal(int(value)).isoformat()
            return format_value(value)

        if span.low is not None and span.low == span.high:
            return show(span.low)
        if span.low is None:
            return f"{'≤' if span.high_closed or self.discrete else '<'} {show(span.high)}"
        if span.high is None:
            return f"{'≥' if span.low_closed or self.discrete else '>'} {show(span.low)}"
        if self.discrete:
            return f"{show(span.low)}–{show(span.high)}"
        left = "[" if span.low_closed else "("
        right = "]" if span.high_closed else ")"
        return f"{left}{show(span.low)}, {show(span.high)}{right}"


def coverage_of(rule: Rule, answer: AnswerType) -> Coverage | None:
    """What ``rule`` admits among ``answer``'s possible values; None if not analysable."""
    universe = _finite_universe(answer)
    if universe is not None:
        if rule.within_months is not None:
            return None
        admitted = frozenset(v for v in universe if rule.holds(_as_value(v)))
        return Coverage(admitted, None, True, False)
    domain = _domain(answer)
    if domain is None or rule.within_months is not None or rule.is_true is not None:
        return None
    discrete, is_date = _kind_of(answer)
    spans: list[Span] = []
    if rule.equals is not None or rule.one_of is not None:
        values = [rule.equals] if rule.equals is not None else list(rule.one_of or ())
        for value in values:
            point = _number(value)
            if point is None:
                return None
            spans.append(Span(point, True, point, True))
    else:
        low, low_closed = rule.lower()
        high, high_closed = rule.upper()
        low_n, high_n = _number(low), _number(high)
        if (low is not None and low_n is None) or (high is not None and high_n is None):
            return None
        spans.append(Span(low_n, low_closed, high_n, high_closed))
    clipped = [s.intersect(domain) for s in spans]
    if discrete:
        clipped = [_whole(s) for s in clipped]
    return Coverage(None, tuple(s for s in clipped if not s.is_empty()), discrete, is_date)


def gaps_of(parts: Sequence[Coverage], answer: AnswerType) -> str | None:
    """A description of answers no part admits, or None when the parts cover all."""
    universe = _finite_universe(answer)
    if universe is not None:
        covered: set[Any] = set()
        for part in parts:
            covered |= part.finite or frozenset()
        missing = [v for v in universe if v not in covered]
        return _listed(missing) if missing else None
    domain = _domain(answer)
    if domain is None:
        return None
    discrete, is_date = _kind_of(answer)
    describe = Coverage(None, (), discrete, is_date)._describe
    if discrete:
        domain = _whole(domain)
    spans = sorted(
        (s for part in parts for s in part.spans or ()),
        key=lambda s: (s.low is not None, s.low or 0, not s.low_closed),
    )
    # Sweep upwards: everything below `edge` is covered; `done` says whether edge is too.
    # `edge is None` means minus infinity, which only a span open below covers.
    edge, done = domain.low, not domain.low_closed
    reached_start = edge is not None
    for span in spans:
        if not reached_start:
            if span.low is not None:
                return describe(_gap(None, False, span, discrete))
            reached_start = True
        elif span.low is not None and edge is not None and _leaves_gap(edge, done, span, discrete):
            return describe(_gap(edge, done, span, discrete))
        if span.high is None:
            return None
        if edge is None or span.high > edge or (span.high == edge and span.high_closed):
            edge, done = span.high, span.high_closed
    if not reached_start:
        return describe(domain)
    assert edge is not None
    following = edge + 1 if discrete and done else edge
    if domain.high is None:
        return describe(Span(following, discrete or not done, None, False))
    if discrete:
        return (
            describe(Span(following, True, domain.high, True)) if following <= domain.high else None
        )
    if edge < domain.high or (edge == domain.high and domain.high_closed and not done):
        return describe(Span(edge, not done, domain.high, domain.high_closed))
    return None


def _leaves_gap(edge: Decimal, done: bool, span: Span, discrete: bool) -> bool:
    assert span.low is not None
    if discrete:
        return span.low > (edge + 1 if done else edge)
    return span.low > edge or (span.low == edge and not done and not span.low_closed)


def _gap(edge: Decimal | None, done: bool, span: Span, discrete: bool) -> Span:
    assert span.low is not None
    if discrete:
        start = None if edge is None else (edge + 1 if done else edge)
        return Span(start, True, span.low - 1, True)
    return Span(edge, not done, span.low, not span.low_closed)


# ------------------------------------------------------------------ internals
def _finite_universe(answer: AnswerType) -> list[Any] | None:
    return answer_kind(answer).universe(answer)


def _as_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _domain(answer: AnswerType) -> Span | None:
    domain = answer_kind(answer).domain(answer)
    if domain is None:
        return None
    return Span(domain.low, True, domain.high, True)


def _kind_of(answer: AnswerType) -> tuple[bool, bool]:
    """(discrete, is_date) of a numeric or date answer."""
    domain = answer_kind(answer).domain(answer)
    return (domain.discrete, domain.is_date) if domain is not None else (False, False)


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.date):
        return Decimal(value.toordinal())
    if isinstance(value, int | Decimal):
        return Decimal(value)
    return None


def _whole(span: Span) -> Span:
    low = span.low
    if low is not None:
        low = Decimal(math.ceil(low)) if span.low_closed else Decimal(math.floor(low) + 1)
    high = span.high
    if high is not None:
        high = Decimal(math.floor(high)) if span.high_closed else Decimal(math.ceil(high) - 1)
    return Span(low, True, high, True)


def _max_low(
    a: tuple[Decimal | None, bool], b: tuple[Decimal | None, bool]
) -> tuple[Decimal | None, bool]:
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    if a[0] != b[0]:
        return a if a[0] > b[0] else b
    return a[0], a[1] and b[1]


def _min_high(
    a: tuple[Decimal | None, bool], b: tuple[Decimal | None, bool]
) -> tuple[Decimal | None, bool]:
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    if a[0] != b[0]:
        return a if a[0] < b[0] else b
    return a[0], a[1] and b[1]


def _listed(values: Sequence[Any]) -> str:
    shown = [format_value(list(v) if isinstance(v, tuple) else v) for v in values[:5]]
    more = f" and {len(values) - 5} more" if len(values) > 5 else ""
    return ", ".join(shown) + more
