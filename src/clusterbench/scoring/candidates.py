"""The moves a gap or a margin is searched over, with what each does to each goal.

Each movable indicator met (or lost) alone is a :class:`~.search.Unit`; indicators tied
by applicability form a :class:`~.search.Group` of scenarios (see :mod:`.search`).  A
move's deltas are computed from the same measures that decided the level, through each
term's weights (:func:`plan`), so that a gap, once met, reaches the level and a margin,
once lost, costs it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from ..kinds.facts import Facts, Measure, Outcome, measure
from ..kinds.terms import Term
from ..kinds.text import EXACT
from ..models.criteria import MEMO_LIMIT, Criteria
from .moves import Moves, Way
from .search import Group, Scenario, Unit

__all__ = ["CONTROLLERS", "Plan", "candidates", "deltas", "order", "plan"]

CONTROLLERS = 10
"""The most controllers of one applicability group whose every choice is a scenario
(2 ** 10 of them); a group with more has the choices of up to two, not proven fewest."""

_ZERO = Decimal(0)
_UNKNOWN: Any = object()

Plan = list[tuple[frozenset[str] | None, tuple[tuple[int, int, Decimal], ...]]]
"""Per term: the indicators it counts (None: all), its weights as (measure, sign, weight)."""


def plan(terms: Sequence[Term], criteria: Criteria) -> Plan:
    """The terms' weights in the form :func:`deltas` reads (remembered per terms)."""
    key = ("plan", tuple(id(t) for t in terms))
    found: Plan | None = criteria.memo.get(key)
    if found is None:
        found = []
        for t in terms:
            members = frozenset(t.ids) if t.ids is not None else None
            weights = tuple(
                (index, 1 if weight == 1 else -1 if weight == -1 else 0, weight)
                for index, weight in t.weights
            )
            found.append((members, weights))
        criteria.remember(key, found)
    return found


def deltas(made: Plan, changed: Iterable[tuple[str, Measure, Measure]]) -> tuple[Decimal, ...]:
    """How much each term's sum changes when indicators go from one measure to another."""
    totals = [_ZERO] * len(made)
    for key, before, after in changed:
        if before == after:
            continue
        for n, (members, weights) in enumerate(made):
            if members is not None and key not in members:
                continue
            total = totals[n]
            for index, sign, weight in weights:
                change = after[index] - before[index]
                if change:
                    if sign == 1:
                        total += change
                    elif sign == -1:
                        total -= change
                    else:
                        total = EXACT.add(total, EXACT.multiply(weight, change))
            totals[n] = total
    return tuple(totals)


def candidates(
    facts: Facts, moves: Moves, terms: Sequence[Term], way: Way
) -> tuple[list[Unit], list[Group]]:
    """Each movable indicator moved alone, and the groups tied by applicability."""
    criteria = facts.criteria
    made = plan(terms, criteria)
    measures = facts.measures()
    movable = [o for o in facts.indicators.values() if _movable(o, way)]
    tied = _tied(facts, moves, movable, way)
    grouped = {key for controllers, members in tied for key in (*controllers, *members)}
    # Without a history a move's effect depends on the indicator's measure alone, and the
    # terms are the criteria's own: remembered, as a batch meets the same cases again.
    history = facts.previous is not None and facts.previous.indicators is not None
    stable = ("moved", way, tuple(id(t) for t in terms))
    cache: dict[Any, Any] | None = criteria.memo.get(stable)
    if cache is None:
        cache = criteria.remember(stable, {})
    units: list[Unit] = []
    dated, on = moves.dated, moves.on
    for now in movable:
        key = now.id
        if key in grouped:
            continue
        before = measures[key]
        if history:
            found = _alone(moves, made, now, before, facts.then(key), way)
        else:
            remembered = (key, before, on) if key in dated else (key, before)
            found = cache.get(remembered, _UNKNOWN)
            if found is _UNKNOWN:
                found = _alone(moves, made, now, before, None, way)
                if len(cache) < MEMO_LIMIT:
                    cache[remembered] = found
        if found is not None:
            units.append(found)
    groups = [_group(facts, moves, made, way, *members) for members in tied]
    return units, [g for g in groups if len(g.scenarios) > 1 or g.scenarios[0].units]


def _alone(
    moves: Moves, made: Plan, now: Outcome, before: Measure, then: Outcome | None, way: Way
) -> Unit | None:
    """One indicator moved alone, or None when the move is impossible or changes nothing."""
    key = now.id
    after = moves.measure(key, way, now, then)
    if after is None:
        if way == "lose" or now.status != "not_answered" or moves.value(key, way) is not None:
            return None
        after = measure(now.as_answered(), then)  # nothing to meet: answering will do
    if after == before:
        return None
    found = deltas(made, ((key, before, after),))
    if not any(found):
        return None
    return Unit(key, found, (after.earned - before.earned, after.met - before.met))


def _group(
    facts: Facts,
    moves: Moves,
    made: Plan,
    way: Way,
    controllers: tuple[str, ...],
    members: tuple[str, ...],
) -> Group:
    """A group's scenarios: each choice of its controllers moved, and the other members'
    own moves once they are (every choice up to :data:`CONTROLLERS` controllers)."""
    measures = facts.measures()
    complete = len(controllers) <= CONTROLLERS
    sizes = range(len(controllers) + 1) if complete else range(3)
    scenarios = []
    for size in sizes:
        for chosen in itertools.combinations(controllers, size):
            given = {key: moves.value(key, way) for key in chosen}
            base = moves.outcomes(given) if given else {}
            state = {key: measure(found, facts.then(key)) for key, found in base.items()}
            moved = deltas(made, ((k, measures[k], m) for k, m in state.items()))
            units = []
            for key in members:
                after = moves.outcomes({**given, key: moves.value(key, way)})[key]
                start = state.get(key, measures[key])
                end = measure(after, facts.then(key))
                change = deltas(made, ((key, start, end),))
                if any(change):
                    rank = (end.earned - start.earned, end.met - start.met)
                    units.append(Unit(key, change, rank))
            if chosen and not any(moved) and not units:
                continue  # moving these controllers changes nothing
            scenarios.append(Scenario(chosen, moved, tuple(units)))
    return Group(tuple(scenarios), complete)


def _movable(outcome: Outcome, way: Way) -> bool:
    status = outcome.status
    if status == "not_applicable":  # marked so, or ruled out by another answer
        return False
    if way == "meet":
        return status != "met"
    return status in ("met", "partly_met") or outcome.points > 0


def _tied(
    facts: Facts, moves: Moves, movable: Sequence[Outcome], way: Way
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Movable controllers with the indicators their answer decides, as tied groups:
    (controllers, the other members), each in the criteria's order."""
    if not moves.dependents:
        return []
    ids = {o.id for o in movable}
    marked = {k for k, a in moves.answers.items() if a.not_applicable}
    groups: list[list[str]] = []
    for controller, dependents in moves.dependents.items():
        if controller not in ids or moves.value(controller, way) is None:
            continue
        # What brute force could move: to lose, an indicator must earn something now.
        members = [
            controller,
            *(
                d
                for d in dependents
                if d not in marked
                and moves.value(d, way) is not None
                and (way == "meet" or d in ids)
            ),
        ]
        merged = [g for g in groups if set(g) & set(members)]
        for g in merged:
            groups.remove(g)
            members += [m for m in g if m not in members]
        groups.append(members)
    rank = order(facts.criteria)
    found = []
    for group in groups:
        ranked = sorted(group, key=rank.__getitem__)
        controllers = tuple(
            k
            for k in ranked
            if k in moves.dependents and k in ids and moves.value(k, way) is not None
        )
        found.append((controllers, tuple(k for k in ranked if k not in controllers)))
    return found


def order(criteria: Criteria) -> dict[str, int]:
    """Indicator id → its position in the criteria (cached)."""
    found: dict[str, int] | None = criteria.memo.get("order")
    if found is None:
        found = criteria.memo["order"] = {i.id: n for n, i in enumerate(criteria.indicators)}
    return found
