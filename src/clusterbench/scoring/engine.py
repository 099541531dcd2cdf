"""`score()`: a pure function from criteria, an assessment and its history to a Result."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..errors import AssessmentError, Issue, Severity
from ..models.answers import Answer
from ..models.assessment import Assessment
from ..models.criteria import Criteria
from ..models.requirements import CriteriaRequirement
from ..models.result import (
    CategoryResult,
    CriteriaRef,
    IndicatorResult,
    LevelResult,
    RelatedResult,
    Result,
    ScoreResult,
)
from .analysis import find_gap, find_margin
from .facts import Facts, Outcome, Previous
from .history import compare, validity
from .indicators import evaluate_indicators
from .requirements import explain_level, level_holds, sum_points
from .text import as_decimal
from .values import normalized_answers

__all__ = ["criteria_hash", "decide_level", "score"]


def criteria_hash(criteria: Criteria) -> str:
    """SHA-256 of the criteria's canonical JSON: the same content gives the same hash."""
    data = criteria.model_dump(mode="json", by_alias=True)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def score(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None = None,
    *,
    dependencies: Mapping[str, Criteria] | None = None,
    assume: Mapping[str, Any] | None = None,
) -> Result:
    """Score an assessment: the level, why, the gap to each higher level, the margin, validity.

    Pure and deterministic: no I/O, no clock.  ``previous`` is the Result of the previous
    assessment (else the assessment's stated `previous` date and level are used);
    ``dependencies`` are the criteria sets this one requires (eligibility), to score the
    assessment's `related` answers; ``assume`` overrides answers ("what if").

    Raises :class:`~clusterbench.AssessmentError` when an answer does not fit the
    criteria (the loaders report such problems with file positions first).
    """
    answers = dict(assessment.answers)
    for key, value in (assume or {}).items():
        answers[key] = Answer(value=value)
    normalized = normalized_answers(criteria, answers)
    results = evaluate_indicators(criteria, normalized, assessment.date)
    facts = Facts(
        criteria=criteria,
        indicators={r.id: _outcome(r) for r in results},
        date=assessment.date,
        previous=_previous(criteria, assessment, previous),
        related=_related(criteria, assessment, dependencies or {}),
        areas=tuple(
            a.indicator
            for a in assessment.improvement_areas
            if a.verified and criteria.indicator(a.indicator) is not None
        ),
    )
    held = [level_holds(level, facts) for level in criteria.levels]
    awarded = next(
        (lv.id for lv, ok in reversed(list(zip(criteria.levels, held, strict=True))) if ok), None
    )
    awarded_rank = criteria.level_rank(awarded)
    levels = tuple(
        LevelResult(
            id=level.id,
            awarded=level.id == awarded,
            held=ok,
            requirements=explain_level(level, facts),
            gap=find_gap(level, facts) if rank > awarded_rank and not ok else None,
        )
        for rank, (level, ok) in enumerate(zip(criteria.levels, held, strict=True), start=1)
    )
    earned, possible = sum_points(facts.indicators.values())
    awarded_level = criteria.level(awarded) if awarded else None
    return Result(
        criteria=CriteriaRef(
            id=criteria.id, version=criteria.version, hash=criteria_hash(criteria)
        ),
        organisation=assessment.organisation,
        assessment=assessment.assessment,
        level=awarded,
        score=ScoreResult(points=earned, max_points=possible, share=_share(earned, possible)),
        categories=_categories(criteria, facts),
        indicators=results,
        levels=levels,
        margin=find_margin(awarded_level, facts) if awarded_level is not None else None,
        validity=validity(criteria, awarded, facts),
        comparison=compare(facts),
        related=tuple(related for related, _ in facts.related.values()),
        assumptions={key: normalized[key].value for key in (assume or {}) if key in normalized},
    )


def decide_level(
    criteria: Criteria, answers: Mapping[str, Answer], on: dt.date
) -> tuple[str | None, Decimal, Decimal]:
    """Only the level and the points of a set of answers (for related criteria sets)."""
    results = evaluate_indicators(criteria, normalized_answers(criteria, answers), on)
    facts = Facts(criteria=criteria, indicators={r.id: _outcome(r) for r in results}, date=on)
    level = next((lv.id for lv in reversed(criteria.levels) if level_holds(lv, facts)), None)
    earned, possible = sum_points(facts.indicators.values())
    return level, earned, possible


def _outcome(result: IndicatorResult) -> Outcome:
    return Outcome(
        id=result.id,
        category=result.category,
        status=result.status,
        points=result.points,
        max_points=result.max_points,
        band=result.band,
        minimum=result.minimum_requirement,
    )


def _share(earned: Decimal, possible: Decimal) -> Decimal | None:
    return as_decimal(Fraction(earned) / Fraction(possible)) if possible else None


def _previous(
    criteria: Criteria, assessment: Assessment, previous: Result | None
) -> Previous | None:
    if previous is not None:
        return Previous(
            date=previous.assessment.date,
            level=previous.level,
            criteria=previous.criteria.id,
            indicators={r.id: _outcome(r) for r in previous.indicators},
            valid_until=previous.validity.valid_until if previous.validity else None,
        )
    stated = assessment.previous
    if stated is None or stated.date is None:
        return None
    return Previous(date=stated.date, level=stated.level, criteria=stated.criteria or criteria.id)


def _related(
    criteria: Criteria, assessment: Assessment, dependencies: Mapping[str, Criteria]
) -> dict[str, tuple[RelatedResult, tuple[str, ...]]]:
    wanted = [
        req.criteria
        for level in criteria.levels
        for req in level.requires
        if isinstance(req, CriteriaRequirement)
    ]
    found: dict[str, tuple[RelatedResult, tuple[str, ...]]] = {}
    for criteria_id in dict.fromkeys(wanted):
        other = dependencies.get(criteria_id)
        order = tuple(lv.id for lv in other.levels) if other is not None else ()
        entry = assessment.related.get(criteria_id)
        if entry is None:
            found[criteria_id] = (
                RelatedResult(criteria=criteria_id, level=None, source="missing"),
                order,
            )
        elif entry.answers:
            if other is None:
                raise AssessmentError(
                    [
                        Issue(
                            "<assessment>",
                            None,
                            None,
                            f"related.{criteria_id}",
                            "CB307",
                            Severity.ERROR,
                            f"the criteria {criteria_id!r} are needed to score these answers",
                        )
                    ]
                )
            level, earned, possible = decide_level(other, entry.answers, assessment.date)
            related = RelatedResult(
                criteria=criteria_id,
                level=level,
                source="answers",
                points=earned,
                max_points=possible,
            )
            found[criteria_id] = (related, order)
        else:
            found[criteria_id] = (
                RelatedResult(criteria=criteria_id, level=entry.level, source="stated"),
                order,
            )
    return found


def _categories(criteria: Criteria, facts: Facts) -> tuple[CategoryResult, ...]:
    out = []
    for category in criteria.categories:
        scope = [o for o in facts.indicators.values() if o.category == category.id]
        earned, possible = sum_points(scope)
        share = _share(earned, possible)
        floor_held = None
        if category.floor is not None:
            floor_held = not possible or earned >= category.floor * possible
        out.append(
            CategoryResult(
                id=category.id,
                points=earned,
                max_points=possible,
                share=share,
                floor=category.floor,
                floor_held=floor_held,
                met=sum(1 for o in scope if o.status == "met"),
                applicable=sum(1 for o in scope if o.applicable),
            )
        )
    return tuple(out)
