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

from ..kinds.facts import Facts, Measure, Outcome, measure
from ..kinds.registry import requirement_kind
from ..kinds.scope import Scope
from ..kinds.terms import Term
from ..kinds.text import EXACT
from ..models.criteria import Criteria, Level
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
    order = {key: n for n, key in enumerate(facts.indicators)}
    return Gap(
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
    units = _units(facts, moves, live, "lose")
    order = {key: n for n, key in enumerate(facts.indicators)}
    singles: list[str] = []
    for unit in units:
        for option in unit.options:
            if len(option.items) == 1 and any(
                not g.held(g.value + d) for g, d in zip(goals, option.deltas, strict=True)
            ):
                singles.append(option.items[0])
    singles.sort(key=order.__getitem__)
    alone = set(singles)
    # The sets leave out what costs the level alone: they tell what else it cannot lose.
    rest = [u for u in units if not any(i in alone for o in u.options for i in o.items)]
    sets: list[MarginSet] = []
    fewest: tuple[str, ...] | None = None
    exact = True
    for j, (t, g) in enumerate(zip(live, goals, strict=True)):
        found, proven = breaking(goals, rest, j)
        exact = exact and proven
        if found is None:
            continue
        ranked = tuple(sorted(found, key=order.__getitem__))
        if fewest is None or len(ranked) < len(fewest):
            fewest = ranked
        if len(ranked) > 1:
            scope = g.scope if g.scope not in (None, OTHER) else None
            made = MarginSet(kind=t.source.kind, category=scope, indicators=ranked)
            if made not in sets:
                sets.append(made)
    slack = [g.value for t, g in zip(live, goals, strict=True) if t.points]
    return Margin(
        level=level.id,
        points=min(slack) if slack else None,
        indicators=(singles[0],) if singles else (fewest or ()),
        singles=tuple(singles),
        minimums=tuple(i for i in singles if facts.indicators[i].minimum),
        sets=tuple(sets),
        exact=exact,
    )


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
    return [
        Goal(t.value(facts.tally(t.ids)), t.strict, _scope_key(t, facts.criteria)) for t in terms
    ]


def _scope_key(term: Term, criteria: Criteria) -> str | None:
    """None: every indicator; a category id; OTHER: a list, or measures step 2 cannot rank."""
    if any(index not in _HOMOGENEOUS or (index != _POSSIBLE and weight < 0)
           for index, weight in term.weights):  # fmt: skip
        return OTHER
    if term.ids is None:
        return None
    if not term.ids:
        return OTHER
    first = criteria.indicator(term.ids[0])
    if first is None:
        return OTHER
    return first.category if Scope(category=first.category).ids(criteria) == term.ids else OTHER


def _delta(
    term: Term, members: frozenset[str] | None, key: str, before: Measure, after: Measure
) -> Decimal:
    if members is not None and key not in members:
        return Decimal(0)
    total = Decimal(0)
    for index, weight in term.weights:
        change = after[index] - before[index]
        if change:
            total = EXACT.add(total, EXACT.multiply(weight, change))
    return total


def _units(facts: Facts, moves: Moves, terms: Sequence[Term], way: Way) -> list[Unit]:
    """One unit per movable indicator; indicators tied by applicability form one unit."""
    members = [frozenset(t.ids) if t.ids is not None else None for t in terms]
    outcomes = facts.indicators
    movable = [o for o in outcomes.values() if _movable(o, way)]
    tied = _groups(facts, moves, movable, way)
    grouped = {key for group in tied for key in group}
    units: list[Unit] = []
    for now in movable:
        if now.id in grouped:
            continue
        after = moves.single(now.id, way, now)
        if after is None:
            if (
                way == "lose"
                or now.status != "not_answered"
                or moves.value(now.id, way) is not None
            ):
                continue
            after = now.as_answered()  # nothing to meet: answering is all it takes
        before_m, after_m = facts.measure(now.id), measure(after, facts.then(now.id))
        deltas = tuple(
            _delta(t, m, now.id, before_m, after_m) for t, m in zip(terms, members, strict=True)
        )
        if not any(deltas):
            continue
        rank = (after_m.earned - before_m.earned, after_m.met - before_m.met)
        units.append(Unit((Option((now.id,), deltas),), now.category, rank))
    for group in tied:
        options = []
        for size in range(1, min(len(group), _GROUP_LIMIT) + 1):
            for chosen in itertools.combinations(group, size):
                overrides = {key: moves.value(key, way) for key in chosen}
                changed = moves.outcomes(overrides)
                deltas = tuple(
                    sum(
                        (
                            _delta(t, m, key, facts.measure(key), measure(new, facts.then(key)))
                            for key, new in changed.items()
                        ),
                        Decimal(0),
                    )
                    for t, m in zip(terms, members, strict=True)
                )
                if any(deltas):
                    options.append(Option(tuple(chosen), deltas))
        if options:
            units.append(Unit(tuple(options)))
    return units


def _movable(outcome: Outcome, way: Way) -> bool:
    if not outcome.applicable:  # marked not applicable, or ruled out by another answer
        return False
    if way == "meet":
        return outcome.status != "met"
    return outcome.applicable and (outcome.status in ("met", "partly_met") or outcome.points > 0)


def _groups(
    facts: Facts, moves: Moves, movable: Sequence[Outcome], way: Way
) -> list[tuple[str, ...]]:
    """Movable controllers with the indicators their answer decides, as tied groups."""
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
    order = {key: n for n, key in enumerate(facts.indicators)}
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
