"""Stage two of scoring: does each requirement of each level hold, and by what numbers."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..models.common import construct
from ..models.criteria import Level
from ..models.dates import months_between
from ..models.requirements import (
    AnsweredRequirement,
    CategoryFloorsRequirement,
    CriteriaRequirement,
    ImprovedRequirement,
    IndicatorsMetRequirement,
    LevelRequirement,
    MinimumsRequirement,
    PointsRequirement,
    PreviousLevelRequirement,
    Requirement,
    ScoreRequirement,
)
from ..models.result import RequirementResult
from .facts import Facts, Outcome
from .text import as_decimal, count, percent, points, share

__all__ = [
    "candidates",
    "explain",
    "explain_level",
    "fixable",
    "holds",
    "level_holds",
    "shortfall",
    "sum_points",
]


def holds(req: Requirement, facts: Facts) -> bool:
    """Whether one requirement holds (the fast path, no explanation)."""
    return bool(_HANDLERS[type(req)](req, facts, False))


def explain(req: Requirement, facts: Facts) -> RequirementResult:
    """One requirement with its numbers and plain words."""
    result: RequirementResult = _HANDLERS[type(req)](req, facts, True)
    return result


def level_holds(level: Level, facts: Facts) -> bool:
    """Whether every requirement of ``level`` holds."""
    return all(holds(req, facts) for req in level.requires)


def explain_level(level: Level, facts: Facts) -> tuple[RequirementResult, ...]:
    """Each requirement of ``level``, explained."""
    return tuple(explain(req, facts) for req in level.requires)


def sum_points(outcomes: Iterable[Outcome]) -> tuple[Decimal, Decimal]:
    """(earned, possible) over the applicable indicators among ``outcomes``, exactly."""
    earned = possible = Decimal(0)
    for outcome in outcomes:
        if outcome.status != "not_applicable":
            earned += outcome.points
            possible += outcome.max_points
    return earned, possible


def shortfall(outcomes: Iterable[Outcome]) -> list[str]:
    """Applicable indicators not earning full points, largest possible gain first."""
    open_ = [o for o in outcomes if o.applicable and o.points < o.max_points]
    return [o.id for o in sorted(open_, key=lambda o: o.points - o.max_points)]


def _scope(facts: Facts, category: str | None) -> list[Outcome]:
    if category is None:
        return list(facts.indicators.values())
    return [o for o in facts.indicators.values() if o.category == category]


def _in(category: str | None) -> str:
    return f"{category}: " if category else ""


def _score(req: ScoreRequirement, facts: Facts, explain: bool) -> bool | RequirementResult:
    scope = _scope(facts, req.category)
    earned, possible = sum_points(scope)
    # Exact: earned / possible >= share  <=>  earned >= share * possible (Decimals, no rounding).
    held = earned >= req.at_least * possible if possible else req.at_least == 0
    if not explain:
        return held
    needed = Fraction(req.at_least)
    if possible == 0:
        text = f"{_in(req.category)}no applicable indicator carries points"
        return construct(
            RequirementResult,
            kind=req.kind,
            held=held,
            text=text,
            needed=req.at_least,
            fixable=fixable(req, facts),
        )
    achieved = Fraction(earned) / Fraction(possible)
    need_points = needed * Fraction(possible)
    text = (
        f"{_in(req.category)}{points(earned)} of {points(possible)} points = "
        f"{share(achieved, needed)} {'≥' if held else '<'} {percent(needed)}"
    )
    if not held:
        text += f" ({points(need_points)} points needed)"
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        actual=as_decimal(achieved),
        needed=req.at_least,
        indicators=() if held else tuple(shortfall(scope)),
        fixable=fixable(req, facts),
    )


def _points(req: PointsRequirement, facts: Facts, explain: bool) -> bool | RequirementResult:
    scope = _scope(facts, req.category)
    earned, _ = sum_points(scope)
    held = earned >= req.at_least
    if not explain:
        return held
    text = (
        f"{_in(req.category)}{points(earned)} points {'≥' if held else '<'} {points(req.at_least)}"
    )
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        actual=earned,
        needed=req.at_least,
        indicators=() if held else tuple(shortfall(scope)),
        fixable=fixable(req, facts),
    )


def _indicators_met(
    req: IndicatorsMetRequirement, facts: Facts, explain: bool
) -> bool | RequirementResult:
    scope = _scope(facts, req.category)
    if req.indicators is not None:
        scope = [facts.indicators[i] for i in req.indicators if i in facts.indicators]
    met = sum(1 for r in scope if r.status == "met")
    held = met >= req.at_least
    if not explain:
        return held
    text = f"{_in(req.category)}{count(met, 'indicator')} met {'≥' if held else '<'} {req.at_least}"
    unmet = [r for r in scope if r.applicable and r.status != "met"]
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        actual=met,
        needed=req.at_least,
        indicators=() if held else tuple(r.id for r in sorted(unmet, key=lambda r: -r.max_points)),
        fixable=fixable(req, facts),
    )


def _minimums(req: MinimumsRequirement, facts: Facts, explain: bool) -> bool | RequirementResult:
    if req.indicators is not None:
        scope = [facts.indicators[i] for i in req.indicators if i in facts.indicators]
    else:
        scope = [r for r in facts.indicators.values() if r.minimum]
    failing = [r.id for r in scope if r.status not in ("met", "not_applicable")]
    held = not failing
    if not explain:
        return held
    waived = [r.id for r in scope if r.status == "not_applicable"]
    if held:
        text = (
            "no minimum requirement"
            if not scope
            else f"{count(len(scope), 'minimum requirement')} met"
        )
        if waived:
            text += f" ({len(waived)} waived as not applicable: {', '.join(waived)})"
    else:
        text = f"{len(failing)} of {count(len(scope), 'minimum requirement')} not met: {', '.join(failing)}"
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        actual=len(scope) - len(failing),
        needed=len(scope),
        indicators=tuple(failing),
        fixable=fixable(req, facts),
    )


def _category_floors(
    req: CategoryFloorsRequirement, facts: Facts, explain: bool
) -> bool | RequirementResult:
    names = req.categories or tuple(c.id for c in facts.criteria.categories if c.floor is not None)
    failing: list[str] = []
    below: list[str] = []
    for name in names:
        category = facts.criteria.category(name)
        if category is None or category.floor is None:
            continue
        earned, possible = sum_points(_scope(facts, name))
        if possible and earned < category.floor * possible:
            failing.append(name)
            if explain:
                floor = Fraction(category.floor)
                achieved = Fraction(earned) / Fraction(possible)
                below.append(f"{name} {share(achieved, floor)} < {percent(floor)}")
    held = not failing
    if not explain:
        return held
    text = "every category reaches its floor" if held else "below the floor: " + "; ".join(below)
    ids: list[str] = []
    for name in failing:
        ids += shortfall(_scope(facts, name))
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        indicators=tuple(ids),
        fixable=fixable(req, facts),
    )


def _criteria(req: CriteriaRequirement, facts: Facts, explain: bool) -> bool | RequirementResult:
    found = facts.related.get(req.criteria)
    wanted = f"level {req.level}" if req.level else "a level"
    if found is None or found[0].source == "missing":
        if not explain:
            return False
        text = f"{req.criteria}: not assessed ({wanted} needed)"
        return construct(
            RequirementResult, kind=req.kind, held=False, text=text, fixable=fixable(req, facts)
        )
    related, order = found
    if related.level is None:
        held = False
    elif req.level is None:
        held = True
    elif order and related.level in order and req.level in order:
        held = order.index(related.level) >= order.index(req.level)
    else:
        held = related.level == req.level
    if not explain:
        return held
    how = "stated" if related.source == "stated" else "assessed"
    text = f"{req.criteria}: {related.level or 'no level'} ({how}; {wanted} needed)"
    return construct(
        RequirementResult, kind=req.kind, held=held, text=text, fixable=fixable(req, facts)
    )


def _answered(req: AnsweredRequirement, facts: Facts, explain: bool) -> bool | RequirementResult:
    scope = [r for r in _scope(facts, req.category) if r.applicable]
    missing = [r.id for r in scope if r.status == "not_answered"]
    held = not missing
    if not explain:
        return held
    if held:
        text = f"{_in(req.category)}all {count(len(scope), 'applicable indicator')} answered"
    else:
        text = f"{_in(req.category)}{len(missing)} of {count(len(scope), 'applicable indicator')} not answered"
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        actual=len(scope) - len(missing),
        needed=len(scope),
        indicators=tuple(missing),
        fixable=fixable(req, facts),
    )


def _previous_level(
    req: PreviousLevelRequirement, facts: Facts, explain: bool
) -> bool | RequirementResult:
    window = _window(req.months_at_least, req.months_at_most)
    previous = facts.previous
    if previous is None:
        if not explain:
            return False
        text = f"no previous assessment (a previous {req.level}{window} is needed)"
        return construct(
            RequirementResult, kind=req.kind, held=False, text=text, fixable=fixable(req, facts)
        )
    months = months_between(previous.date, facts.date)
    same = previous.criteria == facts.criteria.id
    rank_now = facts.criteria.level_rank(previous.level) if same else 0
    level_ok = previous.level == req.level or (
        same and rank_now >= facts.criteria.level_rank(req.level)
    )
    low_ok = req.months_at_least is None or months >= req.months_at_least
    high_ok = req.months_at_most is None or months <= req.months_at_most
    held = level_ok and low_ok and high_ok
    if not explain:
        return held
    text = (
        f"previous assessment {previous.date.isoformat()}: {previous.level or 'no level'}, "
        f"{months} months earlier (needs {req.level}{window})"
    )
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        actual=months,
        needed=req.months_at_least,
        fixable=fixable(req, facts),
    )


def _window(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f" {low}–{high} months earlier"
    if low is not None:
        return f" at least {low} months earlier"
    if high is not None:
        return f" at most {high} months earlier"
    return ""


def _improved(req: ImprovedRequirement, facts: Facts, explain: bool) -> bool | RequirementResult:
    if req.of == "improvement_areas":
        counted = list(facts.areas)
        text = count(len(counted), "verified improvement area")
    else:
        counted, _, _ = facts.improvements()
        if facts.previous is None or facts.previous.indicators is None:
            text = "no previous answers to compare with"
        else:
            text = f"{count(len(counted), 'indicator')} improved since {facts.previous.date.isoformat()}"
    held = len(counted) >= req.at_least
    if not explain:
        return held
    text += f" {'≥' if held else '<'} {req.at_least}"
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        actual=len(counted),
        needed=req.at_least,
        indicators=tuple(counted),
        fixable=fixable(req, facts),
    )


def _level(req: LevelRequirement, facts: Facts, explain: bool) -> bool | RequirementResult:
    level = facts.criteria.level(req.level)
    assert level is not None  # checked when the criteria were loaded
    if not explain:
        return level_holds(level, facts)
    parts = explain_level(level, facts)
    failing = [p for p in parts if not p.held]
    held = not failing
    if held:
        text = f"all requirements of {req.level} hold"
    else:
        text = f"requirements of {req.level} not held: " + "; ".join(p.text for p in failing)
    ids: list[str] = []
    for part in failing:
        ids += [i for i in part.indicators if i not in ids]
    return construct(
        RequirementResult,
        kind=req.kind,
        held=held,
        text=text,
        indicators=tuple(ids),
        fixable=all(p.fixable for p in failing),
    )


_HANDLERS: dict[type, Any] = {
    ScoreRequirement: _score,
    PointsRequirement: _points,
    IndicatorsMetRequirement: _indicators_met,
    MinimumsRequirement: _minimums,
    CategoryFloorsRequirement: _category_floors,
    CriteriaRequirement: _criteria,
    AnsweredRequirement: _answered,
    PreviousLevelRequirement: _previous_level,
    ImprovedRequirement: _improved,
    LevelRequirement: _level,
}


def fixable(req: Requirement, facts: Facts) -> bool:
    """Whether better answers in this assessment could make ``req`` hold."""
    if isinstance(req, CriteriaRequirement | PreviousLevelRequirement):
        return False
    if isinstance(req, ImprovedRequirement):
        return (
            req.of == "indicators"
            and facts.previous is not None
            and facts.previous.indicators is not None
        )
    if isinstance(req, ScoreRequirement):
        return bool(sum_points(_scope(facts, req.category))[1])
    return True


def candidates(req: Requirement, facts: Facts) -> list[str]:
    """Indicators which, met, would bring ``req`` closer to holding (best first), cheaply."""
    if isinstance(req, ScoreRequirement | PointsRequirement):
        return shortfall(_scope(facts, req.category))
    if isinstance(req, IndicatorsMetRequirement):
        scope = _scope(facts, req.category)
        if req.indicators is not None:
            scope = [facts.indicators[i] for i in req.indicators if i in facts.indicators]
        return [
            o.id
            for o in sorted(scope, key=lambda o: -o.max_points)
            if o.applicable and o.status != "met"
        ]
    if isinstance(req, MinimumsRequirement):
        if req.indicators is not None:
            scope = [facts.indicators[i] for i in req.indicators if i in facts.indicators]
        else:
            scope = [o for o in facts.indicators.values() if o.minimum]
        return [o.id for o in scope if o.status not in ("met", "not_applicable")]
    if isinstance(req, AnsweredRequirement):
        return [o.id for o in _scope(facts, req.category) if o.status == "not_answered"]
    if isinstance(req, CategoryFloorsRequirement):
        found: list[str] = []
        for name in req.categories or tuple(
            c.id for c in facts.criteria.categories if c.floor is not None
        ):
            found += shortfall(_scope(facts, name))
        return found
    if isinstance(req, ImprovedRequirement) and req.of == "indicators":
        improved = set(facts.improvements()[0])
        return [
            o.id
            for o in facts.indicators.values()
            if o.applicable and o.status != "met" and o.id not in improved
        ]
    return []
