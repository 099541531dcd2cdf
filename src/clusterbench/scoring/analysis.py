"""Gap and margin: the fewest indicators to meet for a level, and the fewest to lose it.

Each requirement of the level states its terms (:mod:`clusterbench.kinds.terms`); each
candidate indicator's move (meeting or losing it, with the indicators whose
applicability it decides) changes each term by a delta (:mod:`.candidates`);
:mod:`.search` finds the fewest moves.  The deltas come from the same measures that
decided the level, so a gap, once met, reaches the level, and a margin, once lost,
costs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from ..kinds.facts import Facts, Measure
from ..kinds.registry import requirement_kind
from ..kinds.scope import Scope
from ..kinds.terms import Term
from ..models.common import construct
from ..models.criteria import Criteria, Level
from ..models.requirements import Requirement
from ..models.result import Gap, Margin, MarginSet, RequirementResult
from .candidates import candidates, order
from .moves import Moves
from .search import Goal, Group, Unit, breaking, cover

__all__ = ["find_gap", "find_margin", "flat_requirements", "level_terms", "score_threshold"]

_MET = 2
_EARNED = 0
_POSSIBLE = 1
_RANKED = {_EARNED, _POSSIBLE, _MET}


def flat_requirements(level: Level, criteria: Criteria) -> list[Requirement]:
    """The level's requirements with `kind: level` replaced by what that level requires."""
    key = ("flat", id(level))
    found: list[Requirement] | None = criteria.memo.get(key)
    if found is None:
        found = []
        for req in level.requires:
            for part in requirement_kind(req).expand(req, criteria):
                if all(part is not seen for seen in found):
                    found.append(part)
        criteria.memo[key] = found
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
    units, groups = candidates(facts, moves, live, "meet")
    found = cover(goals, units, groups)
    blocked = _sources(t for t in terms if t.fixed is False)
    open_ = [t for t, g in zip(live, goals, strict=True) if not g.held(g.value)]
    deficit = next(
        (-g.value for t, g in zip(live, goals, strict=True) if t.points and not g.held(g.value)),
        None,
    )
    rank = order(facts.criteria)
    return construct(
        Gap,
        indicators=tuple(sorted(dict.fromkeys(found.items), key=rank.__getitem__)),
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
    units, groups = candidates(facts, moves, live, "lose")
    rank = order(facts.criteria)
    singles = sorted(_singles(goals, units, groups), key=rank.__getitem__)
    alone = set(singles)
    # The sets leave out what costs the level alone: they tell what else it cannot lose.
    rest = [u for u in units if u.item not in alone]
    rest_groups = [_without(g, alone) for g in groups]
    sets: list[MarginSet] = []
    fewest: tuple[str, ...] | None = None
    exact = True
    for j, (t, g) in enumerate(zip(live, goals, strict=True)):
        found, proven = breaking(g, j, rest, rest_groups)
        exact = exact and proven
        if found is None:
            continue
        ranked = tuple(sorted(found, key=rank.__getitem__))
        if fewest is None or len(ranked) < len(fewest):
            fewest = ranked
        if len(ranked) > 1:
            made = construct(
                MarginSet, kind=t.source.kind, category=_category(t, facts), indicators=ranked
            )
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


def score_threshold(
    criteria: Criteria, level_id: str | None
) -> tuple[Level | None, Decimal | None]:
    """The level a reader measures the score against, and the share that level needs.

    That is the next level up that asks for a share of all points; or, at the top,
    the awarded level itself.  A level's share is the highest it asks for overall
    (its own, not a lower level's it includes).
    """
    key = ("threshold", level_id)
    found: tuple[Level | None, Decimal | None] | None = criteria.memo.get(key)
    if found is not None:
        return found

    def needed(level: Level) -> Decimal | None:
        shares = []
        for req in flat_requirements(level, criteria):
            stated = requirement_kind(req).describe(req)
            if stated.kind == "score" and stated.scope == Scope() and stated.needed is not None:
                shares.append(Decimal(stated.needed))
        return max(shares) if shares else None

    rank = criteria.level_rank(level_id)
    found = next(
        (
            (level, share)
            for level in criteria.levels[rank:]
            if (share := needed(level)) is not None
        ),
        None,
    )
    if found is None:
        current = criteria.level(level_id) if level_id else None
        found = (current, needed(current)) if current is not None else (None, None)
    criteria.memo[key] = found
    return found


# ------------------------------------------------------------------- internals
def _singles(goals: Sequence[Goal], units: Sequence[Unit], groups: Sequence[Group]) -> list[str]:
    """The indicators whose loss alone breaks a goal: one unit, one controller moved with
    nothing else, or one member moved while its controllers stay."""
    alone = [(u.item, u.deltas) for u in units]
    for group in groups:
        first, *rest = group.scenarios
        alone += [(u.item, u.deltas) for u in first.units]
        alone += [(s.items[0], s.deltas) for s in rest if len(s.items) == 1]
    if not alone:
        return []
    found: set[int] = set()
    # Goal by goal: a loss breaks it when it takes away more than the goal has to spare.
    for j, column in enumerate(zip(*(deltas for _, deltas in alone), strict=True)):
        goal = goals[j]
        limit, worst = -goal.value, min(column)
        if goal.strict and worst <= limit:
            found.update(n for n, d in enumerate(column) if d <= limit)
        elif not goal.strict and worst < limit:
            found.update(n for n, d in enumerate(column) if d < limit)
    return [alone[n][0] for n in sorted(found)]


def _without(group: Group, alone: set[str]) -> Group:
    """A group without the moves of the indicators that cost the level alone."""
    scenarios = tuple(
        type(s)(s.items, s.deltas, tuple(u for u in s.units if u.item not in alone))
        for s in group.scenarios
        if not alone & set(s.items)
    )
    return type(group)(scenarios, group.complete)


def _goals(terms: Sequence[Term], facts: Facts) -> list[Goal]:
    memo = facts.criteria.memo
    found = []
    for t in terms:
        key = ("goal shape", id(t))
        shape = memo.get(key)
        if shape is None:
            ranked = all(
                index in _RANKED and (index == _POSSIBLE or weight > 0)
                for index, weight in t.weights
            )
            members = frozenset(t.ids) if t.ids is not None else None
            shape = memo[key] = (members, ranked)
        found.append(Goal(t.value(facts.tally(t.ids)), t.strict, *shape))
    return found


def _category(term: Term, facts: Facts) -> str | None:
    """The category a term counts over, when it counts exactly one category's."""
    criteria = facts.criteria
    if not term.ids:
        return None
    first = criteria.indicator(term.ids[0])
    if first is None:
        return None
    return first.category if Scope(category=first.category).ids(criteria) == term.ids else None


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
