"""The fewest moves that make every goal hold (a gap), or that break one goal (a margin).

A *goal* is one requirement term's current value, held at ``≥ 0`` (``> 0`` when
strict).  A *unit* moves one indicator.  Indicators tied by applicability form a
*group*: its controllers (the answers that `applies_if` reads) and the indicators they
decide.  Once the group's controllers are settled — moved or not, a *scenario* — every
other member moves on its own again, so a group is searched as its scenarios, each with
its members as plain units: exact for groups of any size.  Nothing here knows what the
goals mean.

The gap is found exactly:

1. units without which some goal cannot be reached are taken first (a failing minimum);
2. every choice of scenarios (one per group, at most ``COMBINATIONS`` choices) is
   completed by :mod:`.solve` — in O(n log n) when the open goals count points or
   indicators met over nested scopes (every indicator, categories, lists), else by
   branch and bound within ``BUDGET`` nodes;
3. beyond those bounds the best cover found is returned, marked not exact.  A gap is
   said unreachable only when no cover exists (proven), else it is the best found.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .solve import (
    BUDGET,
    Goal,
    Unit,
    apply,
    branch,
    fits_laminar,
    greedy,
    helpful,
    laminar,
    open_goals,
)

__all__ = [
    "BUDGET",
    "COMBINATIONS",
    "Found",
    "Goal",
    "Group",
    "Scenario",
    "Unit",
    "breaking",
    "cover",
]

COMBINATIONS = 4096
"""The most choices of scenarios (one per applicability group) a search tries."""

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Scenario:
    """Controllers of a group moved (``items``; none in a group's first scenario): what
    that changes in each goal, with every indicator they decide, and each other member's
    own move once they are so."""

    items: tuple[str, ...]
    deltas: tuple[Decimal, ...]
    units: tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """An applicability group as its scenarios (the first moves no controller).

    ``complete``: every choice of its controllers is a scenario (a group with very many
    controllers has only the smaller choices, and searches on it are not exact).
    """

    scenarios: tuple[Scenario, ...]
    complete: bool = True


@dataclass(frozen=True, slots=True)
class Found:
    """The moves found; ``exact``: proven fewest (or proven none); ``feasible``: they
    reach every goal."""

    items: tuple[str, ...]
    exact: bool
    feasible: bool


# ------------------------------------------------------------------------------ gap
def cover(goals: Sequence[Goal], units: Sequence[Unit], groups: Sequence[Group] = ()) -> Found:
    """The fewest moves after which every goal holds."""
    values = [g.value for g in goals]
    if not open_goals(goals, values):
        return Found((), True, True)
    chosen: list[str] = []
    pool = _force(goals, values, units, groups, chosen)

    def closer() -> tuple[str, ...]:
        return tuple(dict.fromkeys(chosen + _closer(units, groups)))

    if pool is None:  # no moves reach every goal
        return Found(closer(), True, False)
    search = _Search(goals, values, pool, groups)
    search.run()
    exact = search.complete and all(g.complete for g in groups)
    if search.best is None:
        if exact:  # every choice tried, each proven short
            return Found(closer(), True, False)
        fallback = greedy(
            goals, values, [*pool, *(u for g in groups for u in g.scenarios[0].units)]
        )
        if fallback is None:
            return Found(closer(), False, False)
        return Found(tuple(chosen + fallback), False, True)
    return Found(tuple(chosen + search.best), exact, True)


def _closer(units: Sequence[Unit], groups: Sequence[Group]) -> list[str]:
    """Every move that brings some goal closer, in the order given."""
    found = helpful(units)
    for group in groups:
        for scenario in group.scenarios:
            if any(d > 0 for d in scenario.deltas):
                found += scenario.items
            found += helpful(scenario.units)
    return found


class _Search:
    """Every choice of scenarios, each completed by the fewest plain units."""

    def __init__(
        self,
        goals: Sequence[Goal],
        values: list[Decimal],
        pool: Sequence[Unit],
        groups: Sequence[Group],
    ) -> None:
        self.goals = goals
        self.values = values
        self.pool = list(pool)
        self.groups = groups
        self.best: list[str] | None = None
        self.complete = True
        self.tried = 0
        self.budget = BUDGET

    def run(self) -> None:
        self.walk(0, [], [])

    def walk(self, k: int, taken: list[str], extra: list[Unit]) -> None:
        best = self.best
        if best is not None and len(taken) >= len(best):
            return
        if k == len(self.groups):
            self.tried += 1
            if self.tried > COMBINATIONS:
                self.complete = False
                return
            self.leaf(taken, [*self.pool, *extra])
            return
        for scenario in self.groups[k].scenarios:
            if not self.complete:
                return
            apply(self.values, scenario.deltas)
            self.walk(k + 1, taken + list(scenario.items), extra + list(scenario.units))
            apply(self.values, scenario.deltas, -1)

    def leaf(self, taken: list[str], pool: list[Unit]) -> None:
        goals, values = self.goals, self.values
        limit = len(self.best) - len(taken) if self.best is not None else None
        if fits_laminar(goals, values, pool):
            found = laminar(goals, values, pool)
            if found is not None and (limit is None or len(found) < limit):
                self.best = taken + found
            return
        start = greedy(goals, values, pool)
        if start is not None and limit is not None and len(start) >= limit:
            start = None
        found, complete = branch(goals, values, pool, start, self.budget)
        self.budget = max(self.budget // 2, 1_000)  # later choices get less
        if not complete:
            self.complete = False
        if found is not None and (limit is None or len(found) < limit):
            self.best = taken + found


def _force(
    goals: Sequence[Goal],
    values: list[Decimal],
    units: Sequence[Unit],
    groups: Sequence[Group],
    chosen: list[str],
) -> list[Unit] | None:
    """Take every unit no cover can do without; None when no cover exists.

    A unit is needed when a goal, given everything else at its best, would still fall
    short by more than that unit brings (a failing minimum requirement, an unanswered
    indicator an `answered` requirement counts).
    """
    size = len(goals)
    # What the groups could bring at most, to each goal.
    potential = [_ZERO] * size
    for group in groups:
        for j in range(size):
            potential[j] += max(
                max(s.deltas[j], _ZERO) + sum((max(u.deltas[j], _ZERO) for u in s.units), _ZERO)
                for s in group.scenarios
            )
    pool = [u for u in units if any(u.deltas)]
    while True:
        # Goal by goal (a column of deltas): min, max and sum run in C, as most are zero.
        columns = list(zip(*(u.deltas for u in pool), strict=True)) if pool else [()] * size
        lowering = any(column and min(column) < 0 for column in columns)
        wanted = open_goals(goals, values)
        # slack: how much of the best the goal can do without (< 0: it cannot hold at all).
        slack = {}
        for j in wanted:
            gains = (d for d in columns[j] if d > 0) if lowering else columns[j]
            reach = values[j] + potential[j] + sum(gains, _ZERO)
            if not goals[j].held(reach):
                return None
            slack[j] = reach
        if lowering:
            return pool  # a unit that lowers a goal: none is forced by this count
        forced_at = {
            n
            for j in wanted
            if columns[j] and max(columns[j]) >= slack[j]
            for n, delta in enumerate(columns[j])
            if delta > 0 and not goals[j].held(slack[j] - delta)
        }
        if not forced_at:
            return pool
        for n in sorted(forced_at):
            apply(values, pool[n].deltas)
            chosen.append(pool[n].item)
        pool = [u for n, u in enumerate(pool) if n not in forced_at]


# --------------------------------------------------------------------------- margin
def breaking(
    goal: Goal, j: int, units: Sequence[Unit], groups: Sequence[Group] = ()
) -> tuple[tuple[str, ...] | None, bool]:
    """The fewest moves after which goal ``j`` no longer holds (None: none does), and
    whether that is proven: the most harmful first, for each choice of scenarios."""
    harmful = sorted((u for u in units if u.deltas[j] < 0), key=lambda u: u.deltas[j])
    if not groups:
        return _prefix(goal, goal.value, harmful, j, []), True
    best: list[str] | None = None
    complete = all(g.complete for g in groups)
    choices = itertools.product(*(g.scenarios for g in groups))
    for count, chosen in enumerate(choices):
        if count >= COMBINATIONS:
            complete = False
            break
        value = goal.value + sum((s.deltas[j] for s in chosen), _ZERO)
        taken = [i for s in chosen for i in s.items]
        if best is not None and len(taken) >= len(best):
            continue
        extra = [u for s in chosen for u in s.units if u.deltas[j] < 0]
        ordered = sorted([*harmful, *extra], key=lambda u: u.deltas[j]) if extra else harmful
        limit = len(best) if best is not None else None
        found = _prefix(goal, value, ordered, j, taken, limit)
        if found is not None and (best is None or len(found) < len(best)):
            best = list(found)
    return (tuple(best) if best is not None else None), complete


def _prefix(
    goal: Goal,
    value: Decimal,
    ordered: Sequence[Unit],
    j: int,
    taken: list[str],
    limit: int | None = None,
) -> tuple[str, ...] | None:
    """``taken`` and then the most harmful of ``ordered`` until the goal breaks (None: it
    does not, or not in fewer than ``limit`` moves)."""
    taken = list(taken)
    for unit in ordered:
        if not goal.held(value) or (limit is not None and len(taken) >= limit):
            break
        value += unit.deltas[j]
        taken.append(unit.item)
    if goal.held(value) or (limit is not None and len(taken) >= limit):
        return None
    return tuple(taken)
