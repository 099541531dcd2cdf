"""Gap and margin: the fewest indicators to meet for a level, and the fewest to lose it.

Each requirement of the level states its terms (:mod:`clusterbench.kinds.terms`); each
candidate indicator's move (meeting or losing it, with the indicators whose
applicability it decides) changes each term by a delta; :mod:`.search` finds the fewest
moves.  The deltas come from the same measures that decided the level, so a gap, once
met, reaches the level, and a margin, once lost, costs it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from ..kinds.facts import Facts, Measure, Outcome, measure
from ..kinds.registry import requirement_kind
from ..kinds.scope import Scope
from ..kinds.terms import Term
from ..kinds.text import EXACT
from ..models.common import construct
from ..models.criteria import MEMO_LIMIT, Criteria, Level
from ..models.requirements import Requirement
from ..models.result import Gap, Margin, MarginSet, RequirementResult
from .moves import Moves, Way
from .search import OTHER, Goal, Option, Unit, breaking, cover

__all__ = ["find_gap", "find_margin", "flat_requirements", "level_terms", "score_threshold"]

_GROUP_LIMIT = 4
"""The most indicators of one applicability group moved together in one option (a group
of ``n`` has every subset of up to this many: the same subsets a search would try)."""
_MET = 2
_EARNED = 0
_POSSIBLE = 1
_ZERO = Decimal(0)
_UNKNOWN: Any = object()
_HOMOGENEOUS = {_EARNED, _POSSIBLE, _MET}


def flat_requirements(level: Level, criteria: Criteria) -> list[Requirement]:
    """The level's requirements with `kind: level` replaced by what that level requires."""
    found: list[Requirement] = []
    for req in level.requires:
        for part in requirement_kind(req).expand(req, criteria):
            if all(part is not seen for seen in found):
                found.append(part)
    return found


def level_terms(level: Level, facts: Facts) -> list[Term]:
    """Every term of every requirement of ``level``."""
    found: list[Term] = []
    for req in flat_requirements(level, facts.criteria):
        found += requirement_kind(req).terms(req, facts)
    return found


def find_gap(level: Level, facts: Facts, moves: Moves) -> Gap:
    """The fewest indicators which, met, reach ``level``; what blocks it; what is missing."""
    terms = level_terms(level, facts)
    live = [t for t in terms if t.fixed is None]
    goals = _goals(live, facts)
    units = _units(facts, moves, live, "meet")
    found = cover(goals, units)
    blocked = _sources(t for t in terms if t.fixed is False)
    open_ = [t for t, g in zip(live, goals, strict=True) if not g.held(g.value)]
    deficit = next(
        (-g.value for t, g in zip(live, goals, strict=True) if t.points and not g.held(g.value)),
        None,
    )
    order = _order(facts.criteria)
    return construct(
        Gap,
        indicators=tuple(sorted(dict.fromkeys(found.items), key=order.__getitem__)),
        exact=found.exact,
        points=max(deficit, Decimal(0)) if deficit is not None else None,
        minimums=_flagged(open_, facts, "failing"),
        unanswered=_flagged(open_, facts, "unanswered"),
        blocked_by=tuple(_explain(req, facts) for req in blocked),
        reachable=not blocked and found.feasible,
    )


def find_margin(level: Level, facts: Facts, moves: Moves) -> Margin:
    """Which indicators, lost alone, cost ``level``; and the fewest lost together that do."""
    live = [t for t in level_terms(level, facts) if t.fixed is None]
    goals = _goals(live, facts)
    simple, tied = _moved(facts, moves, live, "lose")
    order = _order(facts.criteria)
    # A loss alone breaks a goal when value + delta < 0 (≤ 0 when strict).
    limits = [(-g.value, g.strict) for g in goals]
    singles = []
    for key, _, _, deltas in simple:
        for delta, (limit, strict) in zip(deltas, limits, strict=True):
            if delta and (delta <= limit if strict else delta < limit):
                singles.append(key)
                break
    singles += [
        o.items[0]
        for unit in tied
        for o in unit.options
        if len(o.items) == 1
        and any(d and not g.held(g.value + d) for g, d in zip(goals, o.deltas, strict=True))
    ]
    singles.sort(key=order.__getitem__)
    alone = set(singles)
    # The sets leave out what costs the level alone: they tell what else it cannot lose.
    rest = [m for m in simple if m[0] not in alone]
    rest_tied = [u for u in tied if not any(i in alone for o in u.options for i in o.items)]
    sets: list[MarginSet] = []
    fewest: tuple[str, ...] | None = None
    exact = True
    for j, (t, g) in enumerate(zip(live, goals, strict=True)):
        if rest_tied:
            found, proven = breaking(goals, [*_as_units(rest), *rest_tied], j)
        else:
            found, proven = _prefix(g, [(d[j], key) for key, _, _, d in rest if d[j] < 0]), True
        exact = exact and proven
        if found is None:
            continue
        ranked = tuple(sorted(found, key=order.__getitem__))
        if fewest is None or len(ranked) < len(fewest):
            fewest = ranked
        if len(ranked) > 1:
            scope = g.scope if g.scope not in (None, OTHER) else None
            made = construct(MarginSet, kind=t.source.kind, category=scope, indicators=ranked)
            if made not in sets:
                sets.append(made)
    # A set that holds another one is not the fewest for anything: keep the smallest.
    sets = [
        s
        for s in sets
        if not any(o is not s and set(o.indicators) < set(s.indicators) for o in sets)
    ]
    slack = [g.value for t, g in zip(live, goals, strict=True) if t.points]
    return construct(
        Margin,
        level=level.id,
        points=min(slack) if slack else None,
        indicators=(singles[0],) if singles else (fewest or ()),
        singles=tuple(singles),
        minimums=tuple(i for i in singles if facts.indicators[i].minimum),
        sets=tuple(sets),
        exact=exact,
    )


def _prefix(goal: Goal, harmful: list[tuple[Decimal, str]]) -> tuple[str, ...] | None:
    """The fewest losses that break one goal: the largest first (exact, one goal alone)."""
    value = goal.value
    taken: list[str] = []
    for delta, key in sorted(harmful):
        if not goal.held(value):
            break
        value += delta
        taken.append(key)
    return tuple(taken) if not goal.held(value) else None


def score_threshold(
    criteria: Criteria, level_id: str | None
) -> tuple[Level | None, Decimal | None]:
    """The level a reader measures the score against, and the share that level needs.

    That is the next level up that asks for a share of all points; or, at the top,
    the awarded level itself.  A level's share is the highest it asks for overall
    (its own, not a lower level's it includes).
    """

    def needed(level: Level) -> Decimal | None:
        shares = []
        for req in flat_requirements(level, criteria):
            stated = requirement_kind(req).describe(req)
            if stated.kind == "score" and stated.scope == Scope() and stated.needed is not None:
                shares.append(Decimal(stated.needed))
        return max(shares) if shares else None

    rank = criteria.level_rank(level_id)
    for level in criteria.levels[rank:]:
        share = needed(level)
        if share is not None:
            return level, share
    current = criteria.level(level_id) if level_id else None
    return (current, needed(current)) if current is not None else (None, None)


# ------------------------------------------------------------------- internals
def _goals(terms: Sequence[Term], facts: Facts) -> list[Goal]:
    memo = facts.criteria.memo
    found = []
    for t in terms:
        key = ("scope key", id(t))
        scope = memo[key] if key in memo else memo.setdefault(key, _scope_key(t, facts.criteria))
        found.append(Goal(t.value(facts.tally(t.ids)), t.strict, scope))
    return found


def _scope_key(term: Term, criteria: Criteria) -> str | None:
    """None: every indicator; a category id; OTHER: a list, or measures step 2 cannot rank."""
    ranked = all(
        index in _HOMOGENEOUS and (index == _POSSIBLE or weight > 0)
        for index, weight in term.weights
    )
    if not ranked:
        return OTHER
    if term.ids is None:
        return None
    if not term.ids:
        return OTHER
    first = criteria.indicator(term.ids[0])
    if first is None:
        return OTHER
    return first.category if Scope(category=first.category).ids(criteria) == term.ids else OTHER


def _plan(
    terms: Sequence[Term],
) -> list[tuple[frozenset[str] | None, tuple[tuple[int, int, Decimal], ...]]]:
    """Per term: the indicators it counts (None: all), its weights as (measure, sign, weight)."""
    plan = []
    for t in terms:
        members = frozenset(t.ids) if t.ids is not None else None
        weights = tuple(
            (index, 1 if weight == 1 else -1 if weight == -1 else 0, weight)
            for index, weight in t.weights
        )
        plan.append((members, weights))
    return plan


def _deltas(
    plan: Sequence[tuple[frozenset[str] | None, tuple[tuple[int, int, Decimal], ...]]],
    changed: Iterable[tuple[str, Measure, Measure]],
) -> tuple[Decimal, ...]:
    """How much each term's sum changes when indicators go from one measure to another."""
    totals = [_ZERO] * len(plan)
    for key, before, after in changed:
        if before == after:
            continue
        for n, (members, weights) in enumerate(plan):
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


Moved = tuple[str, str, tuple[Decimal, int], tuple[Decimal, ...]]
"""One indicator moved alone: (id, category, rank, deltas per term)."""


def _moved(
    facts: Facts, moves: Moves, terms: Sequence[Term], way: Way
) -> tuple[list[Moved], list[Unit]]:
    """Each indicator moved alone, and the units of indicators tied by applicability."""
    stable = ("moved", way, tuple(id(t) for t in terms))
    plan = facts.criteria.memo.get(("plan", stable))
    if plan is None:
        plan = facts.criteria.remember(("plan", stable), _plan(terms))
    measures = facts.measures()
    movable = [o for o in facts.indicators.values() if _movable(o, way)]
    tied = _groups(facts, moves, movable, way)
    grouped = {key for group in tied for key in group}
    simple: list[Moved] = []
    criteria = facts.criteria
    # Without a history a move's effect depends on the indicator's measure alone, and the
    # terms are the criteria's own: remembered, as a batch meets the same cases again.
    history = facts.previous is not None and facts.previous.indicators is not None
    cache: dict[Any, Any] | None = criteria.memo.get(stable)
    if cache is None:
        cache = criteria.remember(stable, {})
    for now in movable:
        key = now.id
        if key in grouped:
            continue
        before_m = measures[key]
        if history:
            found = _move(moves, plan, now, before_m, facts.then(key), way)
        else:
            remembered = (key, before_m, moves.when(key))
            found = cache.get(remembered, _UNKNOWN)
            if found is _UNKNOWN:
                found = _move(moves, plan, now, before_m, None, way)
                if len(cache) < MEMO_LIMIT:
                    cache[remembered] = found
        if found is not None:
            simple.append(found)
    units: list[Unit] = []
    for group in tied:
        options = []
        for size in range(1, min(len(group), _GROUP_LIMIT) + 1):
            for chosen in itertools.combinations(group, size):
                changed = moves.outcomes({key: moves.value(key, way) for key in chosen})
                moved = (
                    (key, measures[key], measure(new, facts.then(key)))
                    for key, new in changed.items()
                )
                deltas = _deltas(plan, moved)
                if any(deltas):
                    options.append(Option(tuple(chosen), deltas))
        if options:
            units.append(Unit(tuple(options)))
    return simple, units


def _move(
    moves: Moves,
    plan: Sequence[tuple[frozenset[str] | None, tuple[tuple[int, int, Decimal], ...]]],
    now: Outcome,
    before_m: Measure,
    then: Outcome | None,
    way: Way,
) -> Moved | None:
    """One indicator moved alone, or None when the move is impossible or changes nothing."""
    key = now.id
    after_m = moves.measure(key, way, now, then)
    if after_m is None:
        if way == "lose" or now.status != "not_answered" or moves.value(key, way) is not None:
            return None
        after_m = measure(now.as_answered(), then)  # nothing to meet: answering will do
    if after_m == before_m:
        return None
    deltas = _deltas(plan, ((key, before_m, after_m),))
    if not any(deltas):
        return None
    rank = (after_m.earned - before_m.earned, after_m.met - before_m.met)
    return (key, now.category, rank, deltas)


def _as_units(simple: Iterable[Moved]) -> list[Unit]:
    return [
        Unit((Option((key,), deltas),), category, rank) for key, category, rank, deltas in simple
    ]


def _units(facts: Facts, moves: Moves, terms: Sequence[Term], way: Way) -> list[Unit]:
    """Every move as a unit of the search."""
    simple, tied = _moved(facts, moves, terms, way)
    return [*_as_units(simple), *tied]


def _order(criteria: Criteria) -> dict[str, int]:
    """Indicator id → its position in the criteria (cached)."""
    found: dict[str, int] | None = criteria.memo.get("order")
    if found is None:
        found = criteria.memo["order"] = {i.id: n for n, i in enumerate(criteria.indicators)}
    return found


def _movable(outcome: Outcome, way: Way) -> bool:
    status = outcome.status
    if status == "not_applicable":  # marked so, or ruled out by another answer
        return False
    if way == "meet":
        return status != "met"
    return status in ("met", "partly_met") or outcome.points > 0


def _groups(
    facts: Facts, moves: Moves, movable: Sequence[Outcome], way: Way
) -> list[tuple[str, ...]]:
    """Movable controllers with the indicators their answer decides, as tied groups."""
    if not moves.dependents:
        return []
    ids = {o.id for o in movable}
    marked = {k for k, a in moves.answers.items() if a.not_applicable}
    groups: list[list[str]] = []
    for controller, dependents in moves.dependents.items():
        if controller not in ids or moves.value(controller, way) is None:
            continue
        members = [
            controller,
            *(d for d in dependents if d not in marked and moves.value(d, way) is not None),
        ]
        merged = [g for g in groups if set(g) & set(members)]
        for g in merged:
            groups.remove(g)
            members += [m for m in g if m not in members]
        groups.append(members)
    order = _order(facts.criteria)
    return [tuple(sorted(g, key=order.__getitem__)) for g in groups]


def _flagged(terms: Iterable[Term], facts: Facts, name: str) -> tuple[str, ...]:
    """Indicators counted by a measure (failing, unanswered) in the open terms weighing it."""
    index = Measure._fields.index(name)
    found: list[str] = []
    for t in terms:
        if any(i == index for i, _ in t.weights):
            found += [o.id for o in facts.outcomes(t.ids) if facts.measure(o.id)[index]]
    return tuple(dict.fromkeys(found))


def _sources(terms: Iterable[Term]) -> list[Requirement]:
    found: list[Requirement] = []
    for t in terms:
        if all(t.source is not seen for seen in found):
            found.append(t.source)
    return found


def _explain(req: Requirement, facts: Facts) -> RequirementResult:
    return requirement_kind(req).explain(req, facts)
