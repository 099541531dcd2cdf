"""The fewest units that make every goal hold, once every applicability group is settled.

Each unit moves one indicator and changes each goal by a delta (never lowering a goal in
the shapes schemes use).  Three solvers, each given the goals' values and the pool:

* :func:`laminar` — exact when every open goal counts points or indicators met over a
  scope (every indicator, a category, a list) and the scopes nest or are disjoint: per
  scope, smallest first, the best units up to its need.  A unit of higher rank (points,
  then indicators met) brings at least as much to every such goal, so the best of each
  scope beat any other choice of as many (an exchange argument); O(n log n).
* :func:`branch` — exact for any goals: branch and bound, each node branching on the
  units that help the goal needing the most of them, bounded below by the fewest units
  that could close each goal; at most ``budget`` nodes.
* :func:`greedy` — a good cover when the bound is reached: the unit bringing most of
  what is still missing first (weighed again after every choice), then every unit not
  needed dropped.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "BUDGET",
    "Goal",
    "Unit",
    "apply",
    "branch",
    "fits_laminar",
    "greedy",
    "helpful",
    "laminar",
    "open_goals",
]

BUDGET = 20_000
"""The most search nodes one gap may visit before it settles for the best found."""

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Goal:
    """A term's value now, held at ``≥ 0`` (``> 0`` when strict).

    ``members``: the indicators it counts (None: every indicator); ``ranked``: its
    deltas are points or indicators met gained in that scope, so that a unit of higher
    rank never brings it less.
    """

    value: Decimal
    strict: bool = False
    members: frozenset[str] | None = None
    ranked: bool = False

    def held(self, value: Decimal) -> bool:
        """Whether the goal holds at ``value``."""
        return value > 0 if self.strict else value >= 0


@dataclass(frozen=True, slots=True)
class Unit:
    """Moving one indicator: its id, what it changes in each goal, and its rank."""

    item: str
    deltas: tuple[Decimal, ...]
    rank: tuple[Decimal, int] = (_ZERO, 0)


def apply(values: list[Decimal], deltas: Sequence[Decimal], sign: int = 1) -> None:
    """Add (or with ``sign=-1`` take away) one move's deltas."""
    for j, delta in enumerate(deltas):
        if delta:
            values[j] = values[j] + delta if sign > 0 else values[j] - delta


def open_goals(goals: Sequence[Goal], values: Sequence[Decimal]) -> list[int]:
    """The goals that do not hold at ``values``."""
    return [j for j, goal in enumerate(goals) if not goal.held(values[j])]


def helpful(units: Iterable[Unit]) -> list[str]:
    """The units that bring any goal closer (what an unreachable gap still lists)."""
    return [u.item for u in units if any(d > 0 for d in u.deltas)]


# ------------------------------------------------------------------------ laminar
def laminar(
    goals: Sequence[Goal], values: Sequence[Decimal], pool: Sequence[Unit]
) -> list[str] | None:
    """The fewest units, per scope smallest first (None: the goals cannot all hold).

    Only for goals :func:`fits_laminar` accepts.
    """
    current = list(values)
    wanted = open_goals(goals, current)
    if not wanted:
        return []
    scopes: dict[frozenset[str] | None, list[int]] = {}
    for j in wanted:
        scopes.setdefault(goals[j].members, []).append(j)
    order = sorted(scopes, key=lambda s: len(s) if s is not None else float("inf"))
    ranked = sorted(range(len(pool)), key=lambda n: pool[n].rank, reverse=True)
    taken: list[str] = []
    used: set[int] = set()
    for scope in order:
        which = scopes[scope]
        for n in ranked:
            if all(goals[j].held(current[j]) for j in which):
                break
            unit = pool[n]
            if n in used or (scope is not None and unit.item not in scope):
                continue
            apply(current, unit.deltas)
            taken.append(unit.item)
            used.add(n)
        if not all(goals[j].held(current[j]) for j in which):
            return None  # every unit of the scope taken, and still short
    return taken


def fits_laminar(goals: Sequence[Goal], values: Sequence[Decimal], pool: Sequence[Unit]) -> bool:
    """Whether :func:`laminar` is exact here: every open goal ranked, no unit lowering a
    goal, and the open goals' scopes nested or disjoint."""
    wanted = open_goals(goals, values)
    if any(not goals[j].ranked for j in wanted):
        return False
    if any(min(unit.deltas) < 0 for unit in pool):
        return False
    scopes = list({m for j in wanted if (m := goals[j].members) is not None})
    for n, one in enumerate(scopes):
        for other in scopes[n + 1 :]:
            if one & other and not (one <= other or other <= one):
                return False
    return True


# ------------------------------------------------------------------------- branch
class _Budget:
    __slots__ = ("left",)

    def __init__(self, nodes: int) -> None:
        self.left = nodes

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _fewest(goal: Goal, value: Decimal, gains: list[Decimal]) -> int | None:
    """The fewest of ``gains`` (sorted, largest first) that make ``goal`` hold."""
    count = 0
    for gain in gains:
        if goal.held(value):
            return count
        if gain <= 0:
            break
        value += gain
        count += 1
    return count if goal.held(value) else None


def branch(
    goals: Sequence[Goal],
    values: Sequence[Decimal],
    pool: Sequence[Unit],
    best: list[str] | None,
    budget: int = BUDGET,
) -> tuple[list[str] | None, bool]:
    """The fewest units of ``pool`` after which every goal holds, better than ``best``.

    Returns the best found (``best`` itself when nothing smaller exists) and whether the
    search was complete (so the answer is proven fewest, or proven impossible).
    """
    spent = _Budget(budget)
    found = list(best) if best is not None else None
    complete = True
    current = list(values)

    def lower_bound(remaining: Sequence[int], wanted: Sequence[int]) -> tuple[int, int] | None:
        """The most units any open goal still needs, and that goal (None: impossible)."""
        most, which = 0, wanted[0]
        for j in wanted:
            gains = sorted((pool[n].deltas[j] for n in remaining), reverse=True)
            need = _fewest(goals[j], current[j], gains)
            if need is None:
                return None
            if need > most:
                most, which = need, j
        return most, which

    def walk(remaining: list[int], taken: list[str]) -> None:
        nonlocal found, complete
        wanted = open_goals(goals, current)
        if not wanted:
            if found is None or len(taken) < len(found):
                found = list(taken)
            return
        if not spent.spend():
            complete = False
            return
        bound = lower_bound(remaining, wanted)
        if bound is None:
            return
        most, j = bound
        if found is not None and len(taken) + max(most, 1) >= len(found):
            return
        # Any cover holds a unit raising goal j: branch on the first such unit it holds.
        helping = sorted(
            (n for n in remaining if pool[n].deltas[j] > 0),
            key=lambda n: pool[n].deltas[j],
            reverse=True,
        )
        left = list(remaining)
        for n in helping:
            left.remove(n)
            apply(current, pool[n].deltas)
            taken.append(pool[n].item)
            walk(left, taken)
            taken.pop()
            apply(current, pool[n].deltas, -1)
            if not complete:
                return

    walk(list(range(len(pool))), [])
    return found, complete


# ------------------------------------------------------------------------- greedy
def greedy(
    goals: Sequence[Goal], values: Sequence[Decimal], pool: Sequence[Unit]
) -> list[str] | None:
    """A good cover: the unit closing most of what is missing first, then none unneeded.

    What a unit brings is weighed again when it comes up (a lazy greedy: weights only
    change as goals close), so each step costs a heap operation, not a pass over all.
    """
    current = list(values)

    def usefulness(n: int) -> Decimal:
        deltas = pool[n].deltas
        total = _ZERO
        for j, goal in enumerate(goals):
            if not goal.held(current[j]) and deltas[j] > 0:
                need = -current[j] if current[j] < 0 else Decimal(1)
                total += min(deltas[j], need) / need
        return total

    heap = [(-usefulness(n), n) for n in range(len(pool))]
    heapq.heapify(heap)
    taken: list[int] = []
    while open_goals(goals, current):
        while heap:
            _stale, n = heapq.heappop(heap)
            now = usefulness(n)
            if now > 0 and (not heap or -heap[0][0] <= now):
                break
            if now > 0:
                heapq.heappush(heap, (-now, n))
        else:
            return None
        if now <= 0:
            return None
        apply(current, pool[n].deltas)
        taken.append(n)
    for n in reversed(list(taken)):
        apply(current, pool[n].deltas, -1)
        if open_goals(goals, current):
            apply(current, pool[n].deltas)
        else:
            taken.remove(n)
    return [pool[n].item for n in taken]
