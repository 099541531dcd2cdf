"""Gaps and margins are the fewest, checked against brute force on small random schemes.

Each case is a random criteria set of a few indicators (points, partial credit, minimum
requirements, category floors and shares, counts among a list, an applicability
condition) and random answers.  Brute force tries every set of indicators, meets
them (gives each a value meeting its pass rule) or loses them (a value earning
nothing), and decides the level with the scoring core's own decision code.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterbench import score
from clusterbench.kinds.facts import Facts
from clusterbench.models import Assessment, AssessmentInfo, CriteriaReference, Organisation
from clusterbench.models.answers import Answer
from clusterbench.models.criteria import Criteria
from clusterbench.scoring.indicators import evaluate_indicators, outcome
from clusterbench.scoring.requirements import level_holds
from clusterbench.scoring.values import failing_value, normalized_values, passing_value

DATE = dt.date(2025, 6, 15)
SETTINGS = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def schemes(draw: st.DrawFn, strong: bool = False) -> tuple[Criteria, dict[str, Answer]]:
    """A small criteria set and answers to it (``strong``: mostly met, so levels are won)."""
    n = draw(st.integers(3, 7))
    floors = {c: draw(st.sampled_from([None, "30%", "50%", "70%"])) for c in ("c1", "c2")}
    indicators: list[dict[str, Any]] = []
    answers: dict[str, Answer] = {}
    controller = draw(st.sampled_from([None, *range(n)]))
    for k in range(n):
        ident = f"I{k}"
        category = draw(st.sampled_from(["c1", "c2"]))
        points = Decimal(draw(st.sampled_from(["0", "1", "2", "3", "5", "0.5", "2.5"])))
        indicator: dict[str, Any] = {"id": ident, "category": category, "title": ident}
        if k == controller or draw(st.booleans()):
            indicator |= {"answer": {"type": "boolean"}, "pass": {"is_true": True}}
            value: Any = draw(
                st.sampled_from([True, True, True, False] if strong else [True, False, None])
            )
        else:
            need = draw(st.integers(2, 8))
            indicator |= {"answer": {"type": "integer", "min": 0, "max": 10}}
            indicator["pass"] = {"at_least": need}
            if draw(st.booleans()) and points:
                share = Decimal(draw(st.sampled_from(["0.25", "0.5"])))
                indicator["partial"] = [
                    {"between": [max(need - 2, 0), need - 1], "points": points * share}
                ]
            value = draw(
                st.one_of(st.just(10), st.just(10), st.integers(0, 10))
                if strong
                else st.one_of(st.integers(0, 10), st.none())
            )
        indicator["points"] = points
        if draw(st.integers(0, 8 if strong else 4)) == 0:
            indicator["minimum_requirement"] = True
        if controller is not None and k != controller and draw(st.integers(0, 2)) == 0:
            indicator["applies_if"] = {"indicator": f"I{controller}", "is_true": True}
        indicators.append(indicator)
        if value is not None:
            answers[ident] = Answer(value=value)
    ids = [i["id"] for i in indicators]
    first: list[dict[str, Any]] = [
        {"kind": "minimums"},
        {"kind": "score", "at_least": draw(st.sampled_from(["30%", "50%"]))},
    ]
    if draw(st.booleans()):
        first.append({"kind": "answered"})
    second: list[dict[str, Any]] = [
        {"kind": "level", "level": "one"},
        {"kind": "score", "at_least": draw(st.sampled_from(["60%", "75%", "90%"]))},
    ]
    if any(floors.values()):
        second.append({"kind": "category_floors"})
    if draw(st.booleans()):
        among = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True))
        second.append({"kind": "indicators_met", "indicators": among, "at_least": 1})
    if draw(st.booleans()):
        category = draw(st.sampled_from(["c1", "c2"]))
        second.append({"kind": "score", "at_least": "50%", "category": category})
    data = {
        "kind": "criteria",
        "format": 1,
        "id": "random",
        "version": "1",
        "title": "Random",
        "provenance": {"status": "example"},
        "categories": [
            {"id": c, "title": c, **({"floor": f} if f else {})} for c, f in floors.items()
        ],
        "indicators": indicators,
        "levels": [
            {"id": "one", "title": "One", "requires": first},
            {"id": "two", "title": "Two", "requires": second},
        ],
    }
    return Criteria.model_validate(data), answers


def assess(criteria: Criteria, answers: dict[str, Answer]) -> Assessment:
    return Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Random cluster", country="NOR"),
        assessment=AssessmentInfo(date=DATE),
        criteria=CriteriaReference(id=criteria.id),
        answers=answers,
    )


def holds(criteria: Criteria, answers: dict[str, Answer], level_id: str) -> bool:
    """The scoring core's own decision, without any gap or margin analysis."""
    values = normalized_values(criteria, answers)
    results = evaluate_indicators(criteria, answers, values, DATE)
    facts = Facts(criteria, {r.id: outcome(r) for r in results}, DATE)
    level = criteria.level(level_id)
    assert level is not None
    return level_holds(level, facts)


def changed(answers: dict[str, Answer], values: dict[str, Any]) -> dict[str, Answer]:
    return {**answers, **{key: Answer(value=value) for key, value in values.items()}}


def fewest(
    criteria: Criteria,
    answers: dict[str, Answer],
    candidates: dict[str, Any],
    wanted: bool,
    level_id: str,
) -> int | None:
    """The size of the smallest set whose moves make ``level_id`` hold (or fail)."""
    keys = list(candidates)
    for size in range(len(keys) + 1):
        for chosen in itertools.combinations(keys, size):
            moved = changed(answers, {k: candidates[k] for k in chosen})
            if holds(criteria, moved, level_id) == wanted:
                return size
    return None


def meetable(criteria: Criteria, answers: dict[str, Answer]) -> dict[str, Any]:
    result = score(criteria, assess(criteria, answers))
    found = {}
    for indicator in criteria.indicators:
        status = result.indicator(indicator.id).status  # type: ignore[union-attr]
        value = passing_value(indicator, DATE)
        if status != "met" and value is not None:
            found[indicator.id] = value
    return found


def losable(criteria: Criteria, answers: dict[str, Answer]) -> dict[str, Any]:
    result = score(criteria, assess(criteria, answers))
    found = {}
    for indicator in criteria.indicators:
        r = result.indicator(indicator.id)
        assert r is not None
        value = failing_value(indicator, DATE)
        earning = r.status in ("met", "partly_met") or r.points > 0
        if r.applicable and earning and value is not None:
            found[indicator.id] = value
    return found


def met_by(criteria: Criteria, ids: Iterable[str]) -> dict[str, Any]:
    return {i: passing_value(criteria.indicator(i), DATE) for i in ids}  # type: ignore[arg-type]


@SETTINGS
@given(schemes())
def test_the_gap_is_the_fewest(case: tuple[Criteria, dict[str, Answer]]) -> None:
    criteria, answers = case
    result = score(criteria, assess(criteria, answers))
    candidates = meetable(criteria, answers)
    for level in result.levels:
        if level.gap is None:
            continue
        gap = level.gap
        smallest = fewest(criteria, answers, candidates, True, level.id)
        assert gap.reachable == (smallest is not None), (level.id, gap, smallest)
        if smallest is None:
            continue
        assert holds(criteria, changed(answers, met_by(criteria, gap.indicators)), level.id)
        assert gap.exact
        assert len(gap.indicators) == smallest, (level.id, gap.indicators, smallest)


@SETTINGS
@given(schemes(strong=True))
def test_the_margin_is_the_fewest_and_says_which_alone(
    case: tuple[Criteria, dict[str, Answer]],
) -> None:
    criteria, answers = case
    result = score(criteria, assess(criteria, answers))
    margin = result.margin
    if margin is None:
        return
    lose = losable(criteria, answers)
    smallest = fewest(criteria, answers, lose, False, margin.level)
    assert margin.exact
    if smallest is None:
        assert margin.indicators == ()
        assert margin.singles == ()
        return
    assert len(margin.indicators) == smallest, (margin, smallest)
    assert not holds(
        criteria, changed(answers, {i: lose[i] for i in margin.indicators}), margin.level
    )
    alone = {k for k in lose if not holds(criteria, changed(answers, {k: lose[k]}), margin.level)}
    assert set(margin.singles) == alone
    for found in margin.sets:
        assert len(found.indicators) > 1
        assert not set(found.indicators) & alone
        moved = changed(answers, {i: lose[i] for i in found.indicators})
        assert not holds(criteria, moved, margin.level), found
