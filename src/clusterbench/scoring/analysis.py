"""Gap and margin: what is missing for a level, and what the awarded level could lose.

Both are found by simulation: indicators are assumed met (gap) or lost (margin) and the
level is decided again with the same code that decided it, so that the answer is true
by construction, not by a separate formula that could disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from ..models.criteria import Criteria, Level
from ..models.requirements import (
    AnsweredRequirement,
    CategoryFloorsRequirement,
    IndicatorsMetRequirement,
    LevelRequirement,
    MinimumsRequirement,
    PointsRequirement,
    Requirement,
    ScoreRequirement,
)
from ..models.result import Gap, Margin
from .facts import Facts
from .requirements import candidates, explain, holds, level_holds, sum_points
from .values import passing_value

__all__ = ["find_gap", "find_margin", "flat_requirements", "score_threshold"]

# Mandatory fixes first: a minimum requirement or an unanswered indicator must be fixed
# whatever else is done, and the points it brings count towards the score.
_PRIORITY: dict[type, int] = {MinimumsRequirement: 0, AnsweredRequirement: 1}
_POINTS_KINDS = (
    ScoreRequirement,
    PointsRequirement,
    IndicatorsMetRequirement,
    CategoryFloorsRequirement,
)


def flat_requirements(level: Level, criteria: Criteria) -> list[Requirement]:
    """The level's requirements with `kind: level` replaced by what that level requires."""
    found: list[Requirement] = []

    def walk(current: Level) -> Iterator[Requirement]:
        for req in current.requires:
            if isinstance(req, LevelRequirement):
                lower = criteria.level(req.level)
                if lower is not None:
                    yield from walk(lower)
            else:
                yield req

    for req in walk(level):
        if all(req is not seen for seen in found):
            found.append(req)
    return found


def find_gap(level: Level, facts: Facts) -> Gap:
    """The fewest indicators which, met, reach ``level`` (greedy, verified by re-deciding)."""
    requirements = flat_requirements(level, facts.criteria)
    failing = [(req, explain(req, facts)) for req in requirements if not holds(req, facts)]
    blocked = _unique(res.text for _, res in failing if not res.fixable)
    minimums = _unique(
        i for req, res in failing if isinstance(req, MinimumsRequirement) for i in res.indicators
    )
    unanswered = _unique(
        i for req, res in failing if isinstance(req, AnsweredRequirement) for i in res.indicators
    )
    missing = _points_missing(failing, facts)

    chosen: list[str] = []
    current = facts
    repairable = sorted(
        (req for req, res in failing if res.fixable), key=lambda r: _PRIORITY.get(type(r), 2)
    )
    for _ in range(len(facts.indicators) + 1):
        still = [req for req in repairable if not holds(req, current)]
        if not still:
            break
        candidate = _next_candidate(still, current, chosen)
        if candidate is None:
            break
        chosen.append(candidate)
        current = current.with_outcomes({candidate: current.indicators[candidate].as_met()})
        for dependent in _dependents(candidate, current):
            chosen.append(dependent)
            current = current.with_outcomes({dependent: current.indicators[dependent].as_met()})
    reachable = not blocked and all(holds(req, current) for req in repairable)
    order = list(facts.indicators)
    return Gap(
        indicators=tuple(sorted(chosen, key=order.index)),
        points=missing,
        minimums=minimums,
        unanswered=unanswered,
        blocked_by=blocked,
        reachable=reachable,
    )


def _dependents(controller: str, facts: Facts) -> list[str]:
    """Indicators that would apply, and so need meeting too, once ``controller`` is met."""
    model = facts.criteria.indicator(controller)
    value = passing_value(model, facts.date) if model is not None else None
    found = []
    for indicator in facts.criteria.indicators:
        condition = indicator.applies_if
        if condition is None or condition.indicator != controller or value is None:
            continue
        if condition.holds(value, on=facts.date) and facts.indicators[indicator.id].status != "met":
            found.append(indicator.id)
    return found


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _next_candidate(failing: list[Requirement], facts: Facts, chosen: list[str]) -> str | None:
    for req in failing:
        for candidate in candidates(req, facts):
            outcome = facts.indicators.get(candidate)
            if (
                candidate not in chosen
                and outcome is not None
                and outcome.applicable
                and outcome.status != "met"
            ):
                return candidate
    return None


def _points_missing(failing: Sequence[tuple[Requirement, object]], facts: Facts) -> Decimal | None:
    for req, _ in failing:
        if isinstance(req, ScoreRequirement | PointsRequirement):
            scope = [
                o
                for o in facts.indicators.values()
                if req.category is None or o.category == req.category
            ]
            earned, possible = sum_points(scope)
            needed = req.at_least * possible if isinstance(req, ScoreRequirement) else req.at_least
            return max(needed - earned, Decimal(0))
    return None


def find_margin(level: Level, facts: Facts) -> Margin:
    """The fewest indicators now earning points whose loss would cost ``level``."""
    requirements = flat_requirements(level, facts.criteria)
    slack: Decimal | None = None
    for req in requirements:
        if isinstance(req, ScoreRequirement | PointsRequirement):
            scope = [
                o
                for o in facts.indicators.values()
                if req.category is None or o.category == req.category
            ]
            earned, possible = sum_points(scope)
            needed = req.at_least * possible if isinstance(req, ScoreRequirement) else req.at_least
            slack = earned - needed if slack is None else min(slack, earned - needed)
    # A met minimum requirement is a single point of failure wherever the level asks for
    # every minimum (or names it): no need to simulate its loss.
    named: set[str] = set()
    every = False
    for req in requirements:
        if isinstance(req, MinimumsRequirement):
            every = every or req.indicators is None
            named.update(req.indicators or ())
    single = []
    for o in facts.indicators.values():
        if not o.minimum or o.status != "met":
            continue
        if (
            every
            or o.id in named
            or not level_holds(level, facts.with_outcomes({o.id: o.as_lost()}))
        ):
            single.append(o.id)
    order = list(facts.indicators)
    earning = sorted(
        (
            o
            for o in facts.indicators.values()
            if o.applicable and not o.minimum and (o.points > 0 or o.status == "met")
        ),
        key=lambda o: (-o.points, order.index(o.id)),
    )
    by_points: list[str] = []
    current = facts
    if not any(isinstance(r, _POINTS_KINDS) for r in requirements):
        earning = []  # nothing the level asks for depends on points or met indicators
    for outcome in earning:
        by_points.append(outcome.id)
        current = current.with_outcomes({outcome.id: outcome.as_lost()})
        if not level_holds(level, current):
            break
    else:
        by_points = []  # the level survives losing all of them
    fewest = [single[0]] if single else by_points
    return Margin(
        level=level.id,
        points=slack,
        indicators=tuple(fewest),
        minimums=tuple(single),
        by_points=tuple(sorted(by_points, key=order.index)),
    )


def score_threshold(
    criteria: Criteria, level_id: str | None
) -> tuple[Level | None, Decimal | None]:
    """The level a reader measures the score against, and the share it needs.

    That is the next level up that asks for a share of all points; or, at the top,
    the awarded level itself.
    """

    def needed(level: Level) -> Decimal | None:
        shares = [
            r.at_least
            for r in flat_requirements(level, criteria)
            if isinstance(r, ScoreRequirement) and r.category is None
        ]
        return shares[0] if shares else None

    rank = criteria.level_rank(level_id)
    for level in criteria.levels[rank:]:
        share = needed(level)
        if share is not None:
            return level, share
    current = criteria.level(level_id) if level_id else None
    return (current, needed(current)) if current is not None else (None, None)
