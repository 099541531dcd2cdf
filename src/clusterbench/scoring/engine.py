"""`score()`: a pure function from criteria, an assessment and its history to a Result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..kinds.facts import Facts
from ..kinds.requirements.category_floors import floor_term
from ..kinds.scope import Scope
from ..kinds.text import nearest
from ..models.answers import Answer
from ..models.assessment import Assessment
from ..models.cohort import Cohort
from ..models.common import construct
from ..models.criteria import Criteria
from ..models.result import (
    CategoryResult,
    CriteriaRef,
    IndicatorResult,
    LevelResult,
    Ratio,
    Result,
    ScoreResult,
)
from .analysis import find_gap, find_margin
from .cohort import is_number
from .context import outcome, previous_of, related_of
from .history import compare, validity
from .indicators import evaluate_indicators, outcome_of
from .moves import Moves
from .peers import compare_with_peers, peer_band, peer_group
from .requirements import explain_level, level_holds
from .values import normalized_values

__all__ = ["criteria_hash", "decide", "decide_level", "score"]


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
    moves = Moves(criteria, answers, values, assessment.date)
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
            gap=find_gap(level, facts, moves) if rank > awarded_rank and not ok else None,
        )
        for rank, (level, ok) in enumerate(zip(criteria.levels, held, strict=True), start=1)
    )
    tally = facts.tally(None)
    awarded_level = criteria.level(awarded) if awarded else None
    share, exact = _share(tally.earned, tally.possible)
    result = construct(
        Result,
        criteria=construct(
            CriteriaRef, id=criteria.id, version=criteria.version, hash=criteria_hash(criteria)
        ),
        organisation=assessment.organisation,
        assessment=assessment.assessment,
        level=awarded,
        score=construct(
            ScoreResult,
            points=tally.earned,
            max_points=tally.possible,
            share=share,
            share_exact=exact,
        ),
        categories=_categories(criteria, facts),
        indicators=results,
        levels=levels,
        margin=find_margin(awarded_level, facts, moves) if awarded_level is not None else None,
        validity=validity(criteria, awarded, facts),
        comparison=compare(facts),
        related=tuple(r.result for r in facts.related.values()),
        assumptions={key: values.get(key) for key in (assume or {})},
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
    values = normalized_values(criteria, answers)
    facts = Facts(
        criteria=criteria,
        indicators={
            i.id: outcome_of(i, answers.get(i.id), values, on) for i in criteria.indicators
        },
        date=on,
    )
    level = next((lv.id for lv in reversed(criteria.levels) if level_holds(lv, facts)), None)
    tally = facts.tally(None)
    return level, tally.earned, tally.possible


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
    tally = facts.tally(None)
    return level, tally.earned, tally.possible


def _facts(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None,
    dependencies: Mapping[str, Criteria] | None,
    results: tuple[IndicatorResult, ...],
) -> Facts:
    return Facts(
        criteria=criteria,
        indicators={r.id: outcome(r) for r in results},
        date=assessment.date,
        previous=previous_of(criteria, assessment, previous),
        related=related_of(criteria, assessment, dependencies or {}, decide_level),
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


def _share(earned: Decimal, possible: Decimal) -> tuple[Decimal | None, Ratio | None]:
    if not possible:
        return None, None
    exact = Fraction(earned) / Fraction(possible)
    return nearest(exact), Ratio.of(exact)


def _categories(criteria: Criteria, facts: Facts) -> tuple[CategoryResult, ...]:
    out = []
    for category in criteria.categories:
        tally = facts.tally(Scope(category=category.id).ids(criteria))
        share, exact = _share(tally.earned, tally.possible)
        floor_held = None
        if category.floor is not None:
            floor_held = floor_term(None, criteria, category.id, category.floor).holds(facts)
        out.append(
            construct(
                CategoryResult,
                id=category.id,
                points=tally.earned,
                max_points=tally.possible,
                share=share,
                share_exact=exact,
                floor=category.floor,
                floor_held=floor_held,
                met=tally.met,
                applicable=tally.applicable,
            )
        )
    return tuple(out)
