"""Properties of scoring, on random assessments against several criteria sets.

- meeting one more indicator never lowers the points or the level;
- the order of indicators does not matter;
- shares stay within 0–1 and category points add up to the total;
- the gap's indicators, once met, really reach the level;
- the margin's indicators, once lost, really cost it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from clusterbench import Criteria, Result, load_criteria, score
from clusterbench.kinds.registry import answer_kind
from clusterbench.models import (
    Assessment,
    AssessmentInfo,
    BooleanAnswer,
    ChoiceAnswer,
    CriteriaReference,
    DateAnswer,
    ImprovementArea,
    IntegerAnswer,
    NumberAnswer,
    Organisation,
    PercentAnswer,
    PreviousAssessment,
    RelatedAnswers,
    ScaleAnswer,
    TextAnswer,
)
from clusterbench.models.answers import Answer
from clusterbench.models.criteria import Indicator
from clusterbench.models.dates import add_months
from clusterbench.models.schema import json_schema
from clusterbench.scoring.examples import _neutral_value
from clusterbench.scoring.values import passing_value

from .conftest import FIXTURES, ROOT

DATE = dt.date(2025, 6, 15)
SETS = [
    load_criteria(FIXTURES / "scoring" / "threshold.yaml"),
    load_criteria(FIXTURES / "criteria" / "valid" / "full-language.yaml"),
    *(load_criteria(p) for p in sorted((ROOT / "criteria").glob("*.yaml"))),
]
SCHEMA = json_schema("result")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def values_of(indicator: Indicator) -> st.SearchStrategy[Any]:
    answer = indicator.answer
    if isinstance(answer, BooleanAnswer):
        return st.booleans()
    if isinstance(answer, IntegerAnswer):
        low = answer.min if answer.min is not None else -3
        high = answer.max if answer.max is not None else max(low, 0) + 60
        return st.integers(low, high)
    if isinstance(answer, NumberAnswer):
        low = answer.min if answer.min is not None else Decimal(-3)
        high = answer.max if answer.max is not None else max(low, Decimal(0)) + 20
        return st.decimals(low, high, places=2, allow_nan=False, allow_infinity=False)
    if isinstance(answer, PercentAnswer):
        return st.decimals(0, 100, places=1)
    if isinstance(answer, ChoiceAnswer):
        ids = list(answer.option_ids())
        if answer.multiple:
            return st.lists(st.sampled_from(ids), unique=True)
        return st.sampled_from(ids)
    if isinstance(answer, ScaleAnswer):
        return st.sampled_from([s.value for s in answer.steps])
    if isinstance(answer, DateAnswer):
        low = answer.min or dt.date(2015, 1, 1)
        high = min(answer.max or DATE, DATE)
        return st.dates(low, high)
    assert isinstance(answer, TextAnswer)
    return st.text(alphabet="abcæøå ", min_size=1, max_size=8).filter(str.strip)


def answers_of(criteria: Criteria, met_weight: int = 3) -> st.SearchStrategy[dict[str, Answer]]:
    parts = {}
    for indicator in criteria.indicators:
        meets = st.just(Answer(value=meeting_value(indicator)))
        anything = values_of(indicator).map(lambda v: Answer(value=v))
        # Weighted towards met answers, so that levels are often awarded and margins exist.
        branches = [meets] * met_weight + [anything, anything, st.just(None)]
        if indicator.allow_not_applicable:
            branches.append(st.just(Answer(status="not_applicable", reason="test")))
        parts[indicator.id] = st.one_of(*branches)
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v is not None})


@st.composite
def cases(draw: st.DrawFn, met_weight: int = 3) -> tuple[Criteria, Assessment]:
    """Any criteria set, answers weighted towards met, eligibility and history at random."""
    criteria = draw(st.sampled_from(SETS))
    answers = draw(answers_of(criteria, met_weight))
    related = {}
    for level in criteria.levels:
        for req in level.requires:
            if req.kind == "criteria":
                related[req.criteria] = RelatedAnswers(
                    level=draw(st.sampled_from([req.level or "eligible", None]))
                )
    previous = None
    if draw(st.booleans()):
        level = draw(st.sampled_from([None, *(lv.id for lv in criteria.levels)]))
        previous = PreviousAssessment(date=add_months(DATE, -draw(st.integers(1, 40))), level=level)
    ids = [i.id for i in criteria.indicators]
    areas = tuple(
        ImprovementArea(indicator=i, verified=draw(st.booleans()))
        for i in draw(st.lists(st.sampled_from(ids), unique=True, max_size=5))
    )
    assessment = Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Property cluster", country="NOR"),
        assessment=AssessmentInfo(date=DATE),
        criteria=CriteriaReference(id=criteria.id),
        answers=answers,
        related=related,
        improvement_areas=areas,
        previous=previous,
    )
    return criteria, assessment


@st.composite
def near_met_cases(draw: st.DrawFn) -> tuple[Criteria, Assessment]:
    """Every indicator met except a few: levels are awarded, so margins exist."""
    criteria = draw(st.sampled_from(SETS))
    answers = {i.id: Answer(value=meeting_value(i)) for i in criteria.indicators}
    for indicator in draw(
        st.lists(st.sampled_from(criteria.indicators), max_size=3, unique_by=lambda i: i.id)
    ):
        answers[indicator.id] = Answer(value=draw(values_of(indicator)))
    related = {
        req.criteria: RelatedAnswers(level=req.level or "eligible")
        for level in criteria.levels
        for req in level.requires
        if req.kind == "criteria"
    }
    assessment = Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Property cluster", country="NOR"),
        assessment=AssessmentInfo(date=DATE),
        criteria=CriteriaReference(id=criteria.id),
        answers=answers,
        related=related,
    )
    return criteria, assessment


def rank(criteria: Criteria, result: Result) -> int:
    return criteria.level_rank(result.level)


def controllers(criteria: Criteria) -> set[str]:
    return {i.applies_if.indicator for i in criteria.indicators if i.applies_if is not None}


def with_answers(assessment: Assessment, changes: dict[str, Any]) -> Assessment:
    answers = dict(assessment.answers)
    answers.update({k: Answer(value=v) for k, v in changes.items()})
    return assessment.model_copy(update={"answers": answers})


def meeting_value(indicator: Indicator) -> Any:
    value = passing_value(indicator, DATE)
    return value if value is not None else _neutral_value(indicator)


def losing_value(indicator: Indicator) -> Any:
    """A value earning no points and not meeting the indicator (None if none is found)."""
    rng = random.Random(indicator.id)
    answer = indicator.answer
    candidates: list[Any]
    if isinstance(answer, BooleanAnswer):
        candidates = [False, True]
    elif isinstance(answer, ChoiceAnswer):
        ids = list(answer.option_ids())
        candidates = [[], *[[i] for i in ids]] if answer.multiple else ids
    elif isinstance(answer, ScaleAnswer):
        candidates = [s.value for s in answer.steps]
    elif isinstance(answer, DateAnswer):
        candidates = [answer.min or dt.date(2000, 1, 1), DATE]
    elif isinstance(answer, TextAnswer):
        candidates = ["none"]
    else:
        low = getattr(answer, "min", None)
        candidates = [
            low if low is not None else -1,
            0,
            1,
            *(rng.randint(0, 100) for _ in range(30)),
        ]
    for candidate in candidates:
        try:
            value = answer_kind(indicator.answer).normalize(indicator.answer, candidate)
        except ValueError:
            continue
        rule = indicator.pass_
        earns = any(step.holds(value, on=DATE) for step in indicator.partial)
        if rule is not None and not rule.holds(value, on=DATE) and not earns:
            return value
        if (
            rule is None
            and indicator.bands is not None
            and indicator.bands.colour_of(value, on=DATE) == "red"
        ):
            return value
    return None


@SETTINGS
@given(cases())
def test_shares_stay_within_bounds_and_categories_add_up(case: tuple[Criteria, Assessment]) -> None:
    criteria, assessment = case
    result = score(criteria, assessment)
    assert 0 <= result.score.points <= result.score.max_points
    if result.score.share is not None:
        assert 0 <= result.score.share <= 1
    assert sum(c.points for c in result.categories) == result.score.points
    assert sum(c.max_points for c in result.categories) == result.score.max_points
    for category in result.categories:
        assert category.share is None or 0 <= category.share <= 1


@SETTINGS
@given(cases())
def test_results_survive_a_json_round_trip_and_match_the_schema(
    case: tuple[Criteria, Assessment],
) -> None:
    criteria, assessment = case
    result = score(criteria, assessment)
    text = result.model_dump_json()
    assert Result.model_validate_json(text).model_dump_json() == text
    jsonschema.validate(json.loads(text), SCHEMA)


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_indicator_order_does_not_matter(
    case: tuple[Criteria, Assessment], rng: random.Random
) -> None:
    criteria, assessment = case
    shuffled = list(criteria.indicators)
    rng.shuffle(shuffled)
    reordered = Criteria.model_validate(
        {
            **criteria.model_dump(by_alias=True),
            "indicators": [i.model_dump(by_alias=True) for i in shuffled],
        }
    )
    first, second = score(criteria, assessment), score(reordered, assessment)
    assert (first.level, first.score) == (second.level, second.score)
    assert sorted(first.indicators, key=lambda i: i.id) == sorted(
        second.indicators, key=lambda i: i.id
    )
    assert [lv.held for lv in first.levels] == [lv.held for lv in second.levels]


@SETTINGS
@given(cases(), st.data())
def test_meeting_one_more_indicator_never_lowers_points_or_level(
    case: tuple[Criteria, Assessment], data: st.DataObject
) -> None:
    criteria, assessment = case
    before = score(criteria, assessment)
    open_ = [
        i
        for i in criteria.indicators
        if (r := before.indicator(i.id)) is not None
        and r.status in ("not_met", "partly_met", "not_answered")
        and i.id not in controllers(criteria)  # meeting a controller can make others apply
        and (i.pass_ is not None or i.bands is not None)
    ]
    assume(open_)
    indicator = data.draw(st.sampled_from(open_))
    after = score(criteria, with_answers(assessment, {indicator.id: meeting_value(indicator)}))
    assert after.score.points >= before.score.points
    assert rank(criteria, after) >= rank(criteria, before)


@SETTINGS
@given(cases())
def test_the_gap_once_met_reaches_the_level(case: tuple[Criteria, Assessment]) -> None:
    criteria, assessment = case
    result = score(criteria, assessment)
    checked = 0
    for level in result.levels:
        if level.gap is None or not level.gap.reachable:
            continue
        changes = {i: meeting_value(criteria.indicator(i)) for i in level.gap.indicators}  # type: ignore[arg-type]
        after = score(criteria, with_answers(assessment, changes))
        assert rank(criteria, after) >= criteria.level_rank(level.id), (
            level.id,
            level.gap,
            after.level,
        )
        checked += 1
    assume(checked)


@SETTINGS
@given(near_met_cases())
def test_the_margin_once_lost_costs_the_level(case: tuple[Criteria, Assessment]) -> None:
    criteria, assessment = case
    result = score(criteria, assessment)
    assume(result.margin is not None and result.margin.indicators)
    assert result.margin is not None
    changes = {}
    for indicator_id in result.margin.indicators:
        value = losing_value(criteria.indicator(indicator_id))  # type: ignore[arg-type]
        assume(value is not None)
        changes[indicator_id] = value
    after = score(criteria, with_answers(assessment, changes))
    assert rank(criteria, after) < rank(criteria, result), (result.margin, after.level)


@pytest.mark.parametrize("criteria", SETS, ids=lambda c: c.id)
def test_every_criteria_set_reaches_every_level_in_some_example(criteria: Criteria) -> None:
    from clusterbench.scoring.examples import score_example

    reached = {score_example(criteria, example).level for example in criteria.examples}
    assert {lv.id for lv in criteria.levels} <= reached
