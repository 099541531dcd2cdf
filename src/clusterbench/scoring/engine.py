"""`score()`: a pure function from criteria, an assessment and its history to a Result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ..kinds.facts import Facts, Measure, Outcome, Tally
from ..kinds.requirements.category_floors import floor_term
from ..models.assessment import Assessment
from ..models.cohort import Cohort
from ..models.common import construct
from ..models.criteria import Category, Criteria
from ..models.result import (
    CategoryResult,
    CriteriaRef,
    IndicatorResult,
    LevelResult,
    Result,
    ScoreResult,
)
from .analysis import find_gap, find_margin, score_threshold
from .cohort import is_number
from .context import assumed, previous_of, related_of
from .designations import designations_of
from .history import compare, validity
from .indicators import evaluate
from .moves import Moves
from .peers import compare_with_peers, peer_band, peer_group
from .requirements import explain_level, level_holds
from .values import normalized_values

__all__ = ["criteria_hash", "decide", "score", "weak_indicators"]


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
    related: Mapping[str, Result] | None = None,
    explain: bool = True,
    versions: Sequence[Criteria] | None = None,
) -> Result:
    """Score an assessment: the level, why, the gap to each higher level, the margin, validity.

    Pure and deterministic: no I/O, no clock.  ``previous`` is the Result of the previous
    assessment (else the assessment's stated `previous` date and level are used);
    ``dependencies`` are the criteria sets this one requires, directly or not
    (eligibility, a label), to score the assessment's `related` answers; ``related``
    holds the Results of the related sets' own assessments, by criteria id, for the
    `related` entries that name an `assessment` file; ``assume`` overrides answers
    ("what if": `G10` for this set's indicator, `esca-eligibility.E2` for a related
    set's, `null` for no answer), each recorded in the Result's `assumptions`; with a
    ``cohort`` the Result compares the assessment with its peer group, and indicators
    with `peer_bands` are coloured against the peers (for reading: levels are decided
    on the criteria's own bands).  A ``previous`` Result made with another version of
    the same set is compared through the indicator maps of ``versions`` (the versions
    after its own up to ``criteria``; without them, a direct supersession only): each
    indicator with its counterpart, and those without one named in the comparison.

    With ``explain=False`` the Result holds the level, the points, every indicator and the
    validity, and leaves out what explains them — the requirements of each level, gaps,
    the margin, the comparison and the categories — for callers that score thousands of
    files for their levels only (the register).

    Takes checked models, as the loaders give them (answers that fit their criteria,
    the criteria of every related answer among ``dependencies``), and does not validate
    them again: input that breaks that contract is a ValueError, never an Issue.
    """
    recorded: dict[str, Any] = {}
    if assume:
        assessment, recorded = assumed(criteria, assessment, assume, dependencies or {})
    answers = assessment.answers
    values = normalized_values(criteria, answers)
    evaluated = evaluate(criteria, answers, values, assessment.date)
    results = tuple(r for r, _, _ in evaluated)
    facts = _facts(criteria, assessment, previous, dependencies, evaluated, related, versions)
    moves = Moves(criteria, answers, values, assessment.date)
    # Explained, each requirement says whether it holds: the level is decided from that.
    explained = [explain_level(level, facts) if explain else () for level in criteria.levels]
    held = [
        all(r.held for r in found) if explain else level_holds(level, facts)
        for level, found in zip(criteria.levels, explained, strict=True)
    ]
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
            requirements=found,
            gap=find_gap(level, facts, moves)
            if explain and rank > awarded_rank and not ok
            else None,
        )
        for rank, (level, ok, found) in enumerate(
            zip(criteria.levels, held, explained, strict=True), start=1
        )
    )
    tally = facts.tally(None)
    awarded_level = criteria.level(awarded) if awarded else None
    share = tally.share()
    target, needed = score_threshold(criteria, awarded)
    valid = validity(criteria, awarded, facts)
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
            share=share[0] if share is not None else None,
            share_exact=share[1] if share is not None else None,
            target=target.id if target is not None else None,
            needed=needed,
        ),
        categories=_categories(criteria, facts) if explain else (),
        indicators=results,
        levels=levels,
        weak=weak_indicators(results) if explain else (),
        margin=find_margin(awarded_level, facts, moves)
        if explain and awarded_level is not None
        else None,
        validity=valid,
        comparison=compare(facts) if explain else None,
        related=tuple(r.result for r in facts.related.values()),
        designations=designations_of(
            criteria, facts, awarded, valid.valid_until if valid is not None else None
        ),
        assumptions=recorded,
        decision=assessment.decision,
    )
    if cohort is not None:
        # Peer colours are for reading only: the level, gaps and progress above were
        # decided on the criteria's own bands, so no cohort can change a label.
        peer_banded = _peer_bands(criteria, assessment, results, cohort)
        result = result.model_copy(
            update={
                "indicators": peer_banded,
                "weak": weak_indicators(peer_banded),
                "peers": compare_with_peers(result, cohort),
            }
        )
    return result


_URGENCY = {"red": 0, None: 1, "yellow": 2, "green": 3}


def weak_indicators(results: tuple[IndicatorResult, ...]) -> tuple[str, ...]:
    """The indicators to work on, most urgent first.

    Those not met, partly met or not answered, and those with a yellow or red light;
    minimum requirements first, then red before unanswered before yellow, each in the
    criteria's order.
    """
    weak = [
        r
        for r in results
        if r.status in ("not_met", "partly_met", "not_answered") or r.band in ("yellow", "red")
    ]
    weak.sort(key=lambda r: (not r.minimum_requirement, _URGENCY[r.band]))
    return tuple(r.id for r in weak)


def decide(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None = None,
    *,
    dependencies: Mapping[str, Criteria] | None = None,
    related: Mapping[str, Result] | None = None,
    versions: Sequence[Criteria] | None = None,
) -> tuple[str | None, Decimal, Decimal]:
    """The level and (earned, possible) points of `score()`, without explaining them.

    For checking many golden examples quickly; `score()` explains a failing one.
    """
    answers = assessment.answers
    evaluated = evaluate(criteria, answers, normalized_values(criteria, answers), assessment.date)
    facts = _facts(criteria, assessment, previous, dependencies, evaluated, related, versions)
    level = next((lv.id for lv in reversed(criteria.levels) if level_holds(lv, facts)), None)
    tally = facts.tally(None)
    return level, tally.earned, tally.possible


def _facts(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None,
    dependencies: Mapping[str, Criteria] | None,
    evaluated: list[tuple[IndicatorResult, Outcome, Measure]],
    related: Mapping[str, Result] | None,
    versions: Sequence[Criteria] | None,
) -> Facts:
    on = assessment.date
    earlier = previous_of(criteria, assessment, previous, versions, dependencies)
    facts = Facts(
        criteria=criteria,
        indicators={o.id: o for _, o, _ in evaluated},
        date=on,
        previous=earlier,
        review=assessment.assessment.type == "review",
        related=related_of(criteria, assessment.related, on, dependencies or {}, related or {}),
        areas=tuple(
            a.indicator
            for a in assessment.improvement_areas
            if a.verified and criteria.indicator(a.indicator) is not None
        ),
    )
    if earlier is None or earlier.indicators is None:  # no history: the measures are known
        facts.known({o.id: m for _, o, m in evaluated})
    return facts


def _peer_bands(
    criteria: Criteria, assessment: Assessment, results: tuple[IndicatorResult, ...], cohort: Cohort
) -> tuple[IndicatorResult, ...]:
    """Indicators that ask for it are coloured against the peer group's answers."""
    found = peer_group(criteria.id, criteria_hash(criteria), assessment.organisation, cohort)
    if found is None:
        return results
    _name, group = found
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
        out.append(result.model_copy(update={"band": band, "band_basis": "peers"}))
    return tuple(out)


def _categories(criteria: Criteria, facts: Facts) -> tuple[CategoryResult, ...]:
    out = []
    tallies = facts.by_category()
    memo = criteria.memo
    for category in criteria.categories:
        tally = tallies[category.id]
        # A category's result depends on its sums alone: made once per sums, and shared.
        key = ("category result", category.id, tally)
        found: CategoryResult | None = memo.get(key)
        if found is None:
            found = criteria.remember(key, _category(criteria, category, tally))
        out.append(found)
    return tuple(out)


def _category(criteria: Criteria, category: Category, tally: Tally) -> CategoryResult:
    share = tally.share()
    floor_held = None
    if category.floor is not None:
        term = floor_term(criteria, criteria, category.id, category.floor)
        floor_held = term.met_by(term.value(tally))
    return construct(
        CategoryResult,
        id=category.id,
        points=tally.earned,
        max_points=tally.possible,
        share=share[0] if share is not None else None,
        share_exact=share[1] if share is not None else None,
        floor=category.floor,
        floor_held=floor_held,
        met=tally.met,
        applicable=tally.applicable,
    )
