"""`score()`: a pure function from criteria, an assessment and its history to a Result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ..models.answers import Answer
from ..models.assessment import Assessment
from ..models.cohort import Cohort
from ..models.common import construct
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
from .cohort import is_number
from .facts import Facts, Outcome, Previous
from .history import compare, validity
from .indicators import evaluate_indicators
from .peers import compare_with_peers, peer_band, peer_group
from .requirements import explain_level, level_holds, sum_points
from .values import normalized_values

__all__ = ["criteria_hash", "decide", "decide_level", "score"]

_ZERO = Decimal(0)
_SIX_PLACES = Decimal("0.000001")


def criteria_hash(criteria: Criteria) -> str:
    """SHA-256 of the criteria's canonical JSON: the same content gives the same hash."""
    return criteria.content_hash


def score(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None = None,
    *,
    dependencies: Mapping[str, Criteria] | None = None,
    assume: Mapping[str, Any] | None = None,
    cohort: Cohort | None = None,
) -> Result:
    """Score an assessment: the level, why, the gap to each higher level, the margin, validity.

    Pure and deterministic: no I/O, no clock.  ``previous`` is the Result of the previous
    assessment (else the assessment's stated `previous` date and level are used);
    ``dependencies`` are the criteria sets this one requires (eligibility), to score the
    assessment's `related` answers; ``assume`` overrides answers ("what if"); with a
    ``cohort`` the Result compares the assessment with its peer group, and indicators
    with `peer_bands` are coloured against the peers (for reading: levels are decided
    on the criteria's own bands).

    Takes checked models, as the loaders give them (answers that fit their criteria,
    the criteria of every related answer among ``dependencies``), and does not validate
    them again: input that breaks that contract is a ValueError, never an Issue.
    """
    answers = dict(assessment.answers)
    for key, value in (assume or {}).items():
        answers[key] = Answer(value=value)
    values = normalized_values(criteria, answers)
    results = evaluate_indicators(criteria, answers, values, assessment.date)
    facts = _facts(criteria, assessment, previous, dependencies, results)
    held = [level_holds(level, facts) for level in criteria.levels]
    awarded = next(
        (lv.id for lv, ok in reversed(list(zip(criteria.levels, held, strict=True))) if ok), None
    )
    awarded_rank = criteria.level_rank(awarded)
    levels = tuple(
        construct(
            LevelResult,
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
    result = construct(
        Result,
        criteria=construct(
            CriteriaRef, id=criteria.id, version=criteria.version, hash=criteria_hash(criteria)
        ),
        organisation=assessment.organisation,
        assessment=assessment.assessment,
        level=awarded,
        score=construct(
            ScoreResult, points=earned, max_points=possible, share=_share(earned, possible)
        ),
        categories=_categories(criteria, facts),
        indicators=results,
        levels=levels,
        margin=find_margin(awarded_level, facts) if awarded_level is not None else None,
        validity=validity(criteria, awarded, facts),
        comparison=compare(facts),
        related=tuple(related for related, _ in facts.related.values()),
        assumptions={key: values[key] for key in (assume or {}) if key in values},
    )
    if cohort is not None:
        # Peer colours are for reading only: the level, gaps and progress above were
        # decided on the criteria's own bands, so no cohort can change a label.
        peer_banded = _peer_bands(criteria, assessment, results, cohort)
        result = result.model_copy(
            update={"indicators": peer_banded, "peers": compare_with_peers(result, cohort)}
        )
    return result


def decide_level(
    criteria: Criteria, answers: Mapping[str, Answer], on: dt.date
) -> tuple[str | None, Decimal, Decimal]:
    """Only the level and the points of a set of answers (for related criteria sets)."""
    results = evaluate_indicators(criteria, answers, normalized_values(criteria, answers), on)
    facts = Facts(criteria=criteria, indicators={r.id: _outcome(r) for r in results}, date=on)
    level = next((lv.id for lv in reversed(criteria.levels) if level_holds(lv, facts)), None)
    earned, possible = sum_points(facts.indicators.values())
    return level, earned, possible


def decide(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None = None,
    *,
    dependencies: Mapping[str, Criteria] | None = None,
) -> tuple[str | None, Decimal, Decimal]:
    """The level and (earned, possible) points of `score()`, without explaining them.

    For checking many golden examples quickly; `score()` explains a failing one.
    """
    answers = dict(assessment.answers)
    results = evaluate_indicators(
        criteria, answers, normalized_values(criteria, answers), assessment.date
    )
    facts = _facts(criteria, assessment, previous, dependencies, results)
    level = next((lv.id for lv in reversed(criteria.levels) if level_holds(lv, facts)), None)
    earned, possible = sum_points(facts.indicators.values())
    return level, earned, possible


def _facts(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None,
    dependencies: Mapping[str, Criteria] | None,
    results: tuple[IndicatorResult, ...],
) -> Facts:
    return Facts(
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


def _peer_bands(
    criteria: Criteria, assessment: Assessment, results: tuple[IndicatorResult, ...], cohort: Cohort
) -> tuple[IndicatorResult, ...]:
    """Indicators that ask for it are coloured against the peer group's answers."""
    found = peer_group(criteria.id, criteria_hash(criteria), assessment.organisation, cohort)
    if found is None:
        return results
    name, group = found
    out = []
    for result in results:
        indicator = criteria.indicator(result.id)
        peers = group.indicators.get(result.id)
        value = result.value
        if (
            indicator is None
            or indicator.peer_bands is None
            or peers is None
            or peers.values is None
            or not is_number(value)
        ):
            out.append(result)
            continue
        band = peer_band(indicator.peer_bands, Decimal(value), peers.values)
        reason = f"{result.reason}; {band} against the {name} peers (median {peers.values.median})"
        out.append(
            result.model_copy(update={"band": band, "band_basis": "peers", "reason": reason})
        )
    return tuple(out)


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
    if not possible:
        return None
    return (earned / possible).quantize(_SIX_PLACES, ROUND_HALF_EVEN)


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
                construct(RelatedResult, criteria=criteria_id, level=None, source="missing"),
                order,
            )
        elif entry.answers:
            if other is None:
                raise ValueError(
                    f"related answers to {criteria_id!r} need those criteria among "
                    "`dependencies`; the loaders give them with the assessment"
                )
            level, earned, possible = decide_level(other, entry.answers, assessment.date)
            related = construct(
                RelatedResult,
                criteria=criteria_id,
                level=level,
                source="answers",
                points=earned,
                max_points=possible,
            )
            found[criteria_id] = (related, order)
        else:
            found[criteria_id] = (
                construct(RelatedResult, criteria=criteria_id, level=entry.level, source="stated"),
                order,
            )
    return found


class _Tally:
    __slots__ = ("applicable", "earned", "met", "possible")

    def __init__(self) -> None:
        self.earned = self.possible = _ZERO
        self.met = self.applicable = 0


def _categories(criteria: Criteria, facts: Facts) -> tuple[CategoryResult, ...]:
    totals = {c.id: _Tally() for c in criteria.categories}
    for outcome in facts.indicators.values():
        tally = totals[outcome.category]
        if outcome.status != "not_applicable":
            tally.earned += outcome.points
            tally.possible += outcome.max_points
            tally.applicable += 1
            tally.met += outcome.status == "met"
    out = []
    for category in criteria.categories:
        tally = totals[category.id]
        floor_held = None
        if category.floor is not None:
            floor_held = not tally.possible or tally.earned >= category.floor * tally.possible
        out.append(
            construct(
                CategoryResult,
                id=category.id,
                points=tally.earned,
                max_points=tally.possible,
                share=_share(tally.earned, tally.possible),
                floor=category.floor,
                floor_held=floor_held,
                met=tally.met,
                applicable=tally.applicable,
            )
        )
    return tuple(out)
