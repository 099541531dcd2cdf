"""The fewest moves that make every goal hold (a gap), or that break one goal (a margin).

A *goal* is one requirement term's current value, held at ``≥ 0`` (``> 0`` when strict).
A *unit* is one indicator, or indicators whose moves interact through applicability;
each of its options moves some of them and changes every goal by a delta.  Nothing here
knows what the goals mean.

The gap is found exactly:

1. units without which some goal cannot be reached are forced (a failing minimum);
2. when every open goal counts over all indicators or over one category, in points or
   indicators met (the shape schemes use), the fewest are the best of each category up
   to its need, then the best of the rest — exact by an exchange argument, O(n log n);
3. otherwise the units that touch the other goals (a listed few, improvements,
   applicability groups) are searched depth-first, each leaf completed as in 2, up to
   ``LIMIT`` such units and ``BUDGET`` nodes;
4. beyond that bound a greedy cover is returned, marked not exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["BUDGET", "LIMIT", "OTHER", "Found", "Goal", "Option", "Unit", "breaking", "cover"]

LIMIT = 16
"""The most units an exact search branches on (each doubles the leaves at worst)."""
BUDGET = 20_000
"""The most search nodes before the search settles for the best found (not exact)."""
OTHER = "\0other"
"""The scope key of a goal that counts neither over every indicator nor one category."""

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Option:
    """Moving ``items`` together changes each goal by ``deltas`` (in goal order)."""

    items: tuple[str, ...]
    deltas: tuple[Decimal, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """One indicator (one option), or an applicability group (an option per subset).

    ``category`` and ``rank`` serve step 2: the unit's category, and how much it brings
    (points, then indicators met): a higher rank never brings less to any such goal.
    """

    options: tuple[Option, ...]
    category: str | None = None
    rank: tuple[Decimal, int] = (_ZERO, 0)

    @property
    def simple(self) -> bool:
        """One indicator whose move brings nothing negative."""
        return (
            len(self.options) == 1
            and len(self.options[0].items) == 1
            and all(d >= 0 for d in self.options[0].deltas)
        )


@dataclass(frozen=True, slots=True)
class Goal:
    """A term's value now; ``scope``: None (every indicator), a category id, or OTHER."""

    value: Decimal
    strict: bool = False
    scope: str | None = OTHER

    def held(self, value: Decimal) -> bool:
        """Whether the goal holds at ``value``."""
        return value > 0 if self.strict else value >= 0


@dataclass(frozen=True, slots=True)
class Found:
    """The moves found; ``exact``: proven fewest; ``feasible``: they reach every goal."""

    items: tuple[str, ...]
    exact: bool
    feasible: bool


class _Budget:
    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = BUDGET

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _apply(values: list[Decimal], option: Option, sign: int = 1) -> None:
    for j, delta in enumerate(option.deltas):
        if delta:
            values[j] = values[j] + delta if sign > 0 else values[j] - delta


def _all_held(goals: Sequence[Goal], values: Sequence[Decimal], which: Sequence[int]) -> bool:
    return all(goals[j].held(values[j]) for j in which)


# ------------------------------------------------------------------------------ gap
def cover(goals: Sequence[Goal], units: Sequence[Unit]) -> Found:
    """The fewest moves after which every goal holds."""
    values = [g.value for g in goals]
    everything = range(len(goals))
    if _all_held(goals, values, everything):
        return Found((), True, True)
    simple = [u for u in units if u.simple]
    mixed = [u for u in units if not u.simple]
    chosen: list[str] = []
    pool = _force(goals, values, simple, mixed, chosen)
    if pool is None:  # no moves reach every goal
        taken = [u.options[0].items[0] for u in simple if any(d > 0 for d in u.options[0].deltas)]
        return Found(tuple(chosen + taken), True, False)
    open_ = [j for j in everything if not goals[j].held(values[j])]
    if not open_:
        return Found(tuple(chosen), True, True)
    laminar = [j for j in everything if goals[j].scope != OTHER]
    other = [j for j in everything if goals[j].scope == OTHER]
    if not mixed and all(goals[j].scope != OTHER for j in open_):
        rest = _laminar(goals, values, pool, laminar)
        if rest is not None:
            return Found(tuple(chosen + rest), True, True)
    # Units that touch a goal step 2 cannot handle (open, or one a group's move lowers),
    # and the units that move more than one indicator, are branched on.
    touched = {
        j
        for j in other
        if not goals[j].held(values[j]) or any(o.deltas[j] < 0 for u in mixed for o in u.options)
    }
    special = [u for u in pool if any(u.options[0].deltas[j] for j in touched)]
    special_ids = {id(u) for u in special}
    plain = [u for u in pool if id(u) not in special_ids]
    special = mixed + special
    best = _greedy(goals, values, [*pool, *mixed])
    if len(special) <= LIMIT:
        found = _search(goals, values, special, plain, laminar, other, best)
        if found is not None:
            items, exact = found
            return Found(tuple(chosen + items), exact, True)
    if best is None:
        return Found(tuple(chosen), False, False)
    return Found(tuple(chosen + best), False, True)


def _force(
    goals: Sequence[Goal],
    values: list[Decimal],
    simple: list[Unit],
    mixed: Sequence[Unit],
    chosen: list[str],
) -> list[Unit] | None:
    """Take every simple unit no cover can do without; None when no cover exists."""
    pool = list(simple)
    bonus = [
        max((max(o.deltas[j], _ZERO) for u in mixed for o in u.options), default=_ZERO) * len(mixed)
        for j in range(len(goals))
    ]
    while True:
        potential = list(bonus)
        for unit in pool:
            for j, delta in enumerate(unit.options[0].deltas):
                if delta > 0:
                    potential[j] += delta
        open_ = [j for j in range(len(goals)) if not goals[j].held(values[j])]
        if any(not goals[j].held(values[j] + potential[j]) for j in open_):
            return None
        forced = [
            unit
            for unit in pool
            if any(
                unit.options[0].deltas[j] > 0
                and not goals[j].held(values[j] + potential[j] - unit.options[0].deltas[j])
                for j in open_
            )
        ]
        if not forced:
            return pool
        for unit in forced:
            _apply(values, unit.options[0])
            chosen.append(unit.options[0].items[0])
        forced_ids = {id(u) for u in forced}
        pool = [u for u in pool if id(u) not in forced_ids]


def _laminar(
    goals: Sequence[Goal], values: Sequence[Decimal], pool: Sequence[Unit], which: Sequence[int]
) -> list[str] | None:
    """Step 2: per category its best units up to its goals, then the best of the rest."""
    current = list(values)
    open_ = [j for j in which if not goals[j].held(current[j])]
    if not open_:
        return []
    ordered = sorted(pool, key=lambda u: u.rank, reverse=True)
    taken: list[str] = []
    used: set[int] = set()
    by_scope: dict[str | None, list[int]] = {}
    for j in open_:
        by_scope.setdefault(goals[j].scope, []).append(j)
    for scope, wanted in by_scope.items():
        if scope is None:
            continue
        for unit in ordered:
            if _all_held(goals, current, wanted):
                break
            if unit.category == scope:
                _apply(current, unit.options[0])
                taken.append(unit.options[0].items[0])
                used.add(id(unit))
        if not _all_held(goals, current, wanted):
            return None
    wanted = by_scope.get(None, [])
    for unit in ordered:
        if _all_held(goals, current, wanted):
            break
        if id(unit) not in used:
            _apply(current, unit.options[0])
            taken.append(unit.options[0].items[0])
    return taken if _all_held(goals, current, open_) else None


def _search(
    goals: Sequence[Goal],
    values: list[Decimal],
    special: Sequence[Unit],
    plain: Sequence[Unit],
    laminar: Sequence[int],
    other: Sequence[int],
    best: list[str] | None,
) -> tuple[list[str], bool] | None:
    """Step 3: every choice of the special units, each completed by step 2."""
    budget = _Budget()
    best_items = best
    best_size = len(best) if best is not None else None
    exact = True
    # reach[k][n]: the most the special units from k on can add to the n-th other goal.
    reach = [[_ZERO] * len(other) for _ in range(len(special) + 1)]
    for k in range(len(special) - 1, -1, -1):
        for n, j in enumerate(other):
            most = max((max(o.deltas[j], _ZERO) for o in special[k].options), default=_ZERO)
            reach[k][n] = reach[k + 1][n] + most

    def walk(k: int, cost: int, taken: list[str]) -> None:
        nonlocal best_items, best_size, exact
        if best_size is not None and cost >= best_size:
            return
        if any(not goals[j].held(values[j] + reach[k][n]) for n, j in enumerate(other)):
            return
        if not budget.spend():
            exact = False
            return
        if k == len(special):
            if not _all_held(goals, values, other):
                return
            rest = _laminar(goals, values, plain, laminar)
            if rest is None:
                return
            if best_size is None or cost + len(rest) < best_size:
                best_items, best_size = taken + rest, cost + len(rest)
            return
        for option in special[k].options:
            _apply(values, option)
            walk(k + 1, cost + len(option.items), taken + list(option.items))
            _apply(values, option, -1)
        walk(k + 1, cost, taken)

    walk(0, 0, [])
    if best_items is None:
        return None
    return best_items, exact


def _greedy(
    goals: Sequence[Goal], values: Sequence[Decimal], units: Sequence[Unit]
) -> list[str] | None:
    """Step 4: the most useful options first, then drop what is not needed."""
    current = list(values)
    open_ = [j for j in range(len(goals)) if not goals[j].held(current[j])]

    def usefulness(option: Option) -> Decimal:
        total = _ZERO
        for j in open_:
            need = -current[j] if current[j] < 0 else Decimal(1)
            total += min(max(option.deltas[j], _ZERO), need) / need
        return total / max(len(option.items), 1)

    scored = [(usefulness(o), n, o) for n, u in enumerate(units) for o in u.options]
    scored.sort(key=lambda t: (-t[0], t[1]))
    taken: list[Option] = []
    seen: set[int] = set()
    for score, n, option in scored:
        if _all_held(goals, current, range(len(goals))):
            break
        if score <= 0 or n in seen:
            continue
        seen.add(n)
        _apply(current, option)
        taken.append(option)
    if not _all_held(goals, current, range(len(goals))):
        return None
    for option in reversed(list(taken)):
        _apply(current, option, -1)
        if _all_held(goals, current, range(len(goals))):
            taken.remove(option)
        else:
            _apply(current, option)
    return [i for o in taken for i in o.items]


# --------------------------------------------------------------------------- margin
def breaking(
    goals: Sequence[Goal], units: Sequence[Unit], j: int
) -> tuple[tuple[str, ...] | None, bool]:
    """The fewest moves after which goal ``j`` no longer holds (None: none does), exactly?"""
    goal = goals[j]
    single = [u for u in units if len(u.options) == 1 and len(u.options[0].items) == 1]
    simple = sorted(single, key=lambda u: u.options[0].deltas[j])
    ids = {id(u) for u in single}
    mixed = [u for u in units if id(u) not in ids and any(o.deltas[j] for o in u.options)]
    harmful = [u for u in simple if u.options[0].deltas[j] < 0]

    def prefix(start: Decimal) -> list[str] | None:
        value = start
        taken: list[str] = []
        for unit in harmful:
            if not goal.held(value):
                break
            value += unit.options[0].deltas[j]
            taken.append(unit.options[0].items[0])
        return taken if not goal.held(value) else None

    if not mixed:
        found = prefix(goal.value)
        return (tuple(found) if found is not None else None), True
    if len(mixed) > LIMIT:
        found = prefix(goal.value)
        return (tuple(found) if found is not None else None), False
    budget = _Budget()
    best: list[str] | None = None
    exact = True

    def walk(k: int, value: Decimal, taken: list[str]) -> None:
        nonlocal best, exact
        if best is not None and len(taken) >= len(best):
            return
        if not budget.spend():
            exact = False
            return
        if k == len(mixed):
            rest = prefix(value) if goal.held(value) else []
            if rest is not None and (best is None or len(taken) + len(rest) < len(best)):
                best = taken + rest
            return
        for option in mixed[k].options:
            walk(k + 1, value + option.deltas[j], taken + list(option.items))
        walk(k + 1, value, taken)

    walk(0, goal.value, [])
    return (tuple(best) if best is not None else None), exact
