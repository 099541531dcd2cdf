"""Worked examples at every boundary of the scoring core."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from clusterbench import AssessmentError, Result, load_criteria, parse_assessment, score
from clusterbench.kinds.english import sentence
from clusterbench.loader.answers import check_assumptions
from clusterbench.loader.library import CriteriaLibrary
from clusterbench.models import (
    Assessment,
    AssessmentInfo,
    CriteriaReference,
    ImprovementArea,
    Organisation,
    PreviousAssessment,
    RelatedAnswers,
)
from clusterbench.models.answers import Answer

from .conftest import FIXTURES

THRESHOLD = load_criteria(FIXTURES / "scoring" / "threshold.yaml")
ELIGIBILITY = load_criteria("esca-eligibility")
ALL_MET: dict[str, Any] = {"A": True, "B": 15, "C": 3, "D": True, "E": 50}
ELIGIBLE = {"esca-eligibility": RelatedAnswers(level="eligible")}
D = Decimal


def assess(
    answers: dict[str, Any],
    *,
    date: dt.date = dt.date(2021, 11, 6),
    related: dict[str, RelatedAnswers] | None = None,
    previous: PreviousAssessment | None = None,
    areas: tuple[ImprovementArea, ...] = (),
) -> Assessment:
    return Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Test cluster", country="NOR"),
        assessment=AssessmentInfo(date=date),
        criteria=CriteriaReference(id="threshold"),
        answers={k: v if isinstance(v, Answer) else Answer(value=v) for k, v in answers.items()},
        related=ELIGIBLE if related is None else related,
        improvement_areas=areas,
        previous=previous,
    )


def run(answers: dict[str, Any], **kwargs: Any) -> Result:
    return score(THRESHOLD, assess(answers, **kwargs))


def requirement(result: Result, level: str, kind: str) -> str:
    level_result = result.level_result(level)
    assert level_result is not None
    return next(sentence(r) for r in level_result.requirements if r.kind == kind)


def test_everything_met_is_gold_with_full_points() -> None:
    result = run(ALL_MET)
    assert result.level == "gold"
    assert (result.score.points, result.score.max_points, result.score.share) == (
        D(150),
        D(150),
        D(1),
    )


def test_exactly_at_the_threshold_passes() -> None:
    result = run({**ALL_MET, "C": 1})
    assert result.level == "gold"
    assert result.score.points == 120
    assert result.score.share == D("0.8")
    assert requirement(result, "gold", "score") == "120 of 150 points = 80.0 % ≥ 80 %"
    assert result.margin is not None
    assert result.margin.points == 0


def test_half_a_point_under_fails_and_the_gap_says_why() -> None:
    result = run({**ALL_MET, "C": 1, "E": 45})  # E earns 29.5 of 30
    assert result.score.points == D("119.5")
    assert result.level == "bronze"
    assert requirement(result, "gold", "score") == (
        "119.5 of 150 points = 79.7 % < 80 % (120 points needed)"
    )
    gold = result.level_result("gold")
    assert gold is not None
    assert gold.gap is not None
    assert gold.gap.points == D("0.5")
    assert gold.gap.indicators == ("C",)  # the fewest: one indicator closes it
    assert gold.gap.reachable


def test_a_share_that_rounds_to_the_threshold_is_shown_below_it() -> None:
    from fractions import Fraction

    from clusterbench.kinds.text import share

    assert share(Fraction(79999, 100000), Fraction(4, 5)) == "79.999 %"
    assert share(Fraction(4, 5), Fraction(4, 5)) == "80.0 %"
    assert share(Fraction(827, 1000)) == "82.7 %"


def test_failed_minimum_with_full_points_elsewhere_gives_no_level() -> None:
    result = run({**ALL_MET, "A": False})
    assert result.score.points == 120
    assert result.level is None
    assert requirement(result, "bronze", "minimums") == "1 of 1 minimum requirement not met: A"
    bronze = result.level_result("bronze")
    assert bronze is not None
    assert bronze.gap is not None
    assert bronze.gap.minimums == ("A",)
    assert bronze.gap.indicators == ("A",)


def test_not_applicable_leaves_the_denominator() -> None:
    answers = {**ALL_MET, "D": Answer(status="not_applicable", reason="no programme"), "C": 1}
    result = run(answers)
    assert (result.score.points, result.score.max_points) == (D(90), D(120))
    assert result.level == "bronze"  # 75 % of the applicable points
    d = result.indicator("D")
    assert d is not None
    assert (d.status, d.points, d.band) == ("not_applicable", 0, None)


def test_not_applicable_where_the_criteria_forbid_it_is_refused_by_the_loader() -> None:
    text = (
        "kind: assessment\nformat: 1\norganisation: {name: T, country: NOR}\n"
        "assessment: {date: 2021-11-06}\ncriteria: {id: threshold}\n"
        "answers:\n  A: {status: not_applicable, reason: none}\n"
    )
    with pytest.raises(AssessmentError) as caught:
        parse_assessment(text, name="a.yaml", library=CriteriaLibrary({"threshold": THRESHOLD}))
    issue = next(i for i in caught.value.issues if i.code == "CB305")
    assert (issue.file, issue.line, issue.path) == ("a.yaml", 7, "answers.A.status")
    assert "A may not be marked not applicable" in issue.message


def test_score_does_not_validate_again() -> None:
    """score() takes checked models: what breaks the contract is a ValueError, not an Issue."""
    with pytest.raises(ValueError, match="checked against their criteria") as caught:
        run({**ALL_MET, "A": "maybe"})
    assert not isinstance(caught.value, AssessmentError)
    with pytest.raises(ValueError, match="'Z' is not an indicator"):
        run({**ALL_MET, "Z": 1})


def test_partial_credit_and_bands() -> None:
    result = run({**ALL_MET, "B": 12, "C": 2})
    b, c = result.indicator("B"), result.indicator("C")
    assert b is not None
    assert c is not None
    assert (b.status, b.points, b.band) == ("partly_met", D(15), "yellow")
    assert (c.status, c.points, c.band) == ("partly_met", D(10), "yellow")
    assert (b.step, c.step) == (0, 0)  # the first step of each partial-credit ladder
    assert result.score.points == 150 - 15 - 20


def test_unanswered_counts_against_the_score_and_completeness() -> None:
    result = run({k: v for k, v in ALL_MET.items() if k != "E"})
    e = result.indicator("E")
    assert e is not None
    assert (e.status, e.points, e.max_points) == ("not_answered", 0, 30)
    assert result.score.max_points == 150
    assert result.level is None
    assert requirement(result, "bronze", "answered") == "1 of 5 applicable indicators not answered"


def test_ineligibility_blocks_every_level() -> None:
    stated_none = run(ALL_MET, related={"esca-eligibility": RelatedAnswers()})
    missing = run(ALL_MET, related={})
    for result in (stated_none, missing):
        assert result.score.points == 150
        assert result.level is None
        assert all(not lv.held for lv in result.levels)
    assert (
        requirement(missing, "bronze", "criteria")
        == "esca-eligibility: not assessed (a level needed)"
    )
    gold = stated_none.level_result("gold")
    assert gold is not None
    assert gold.gap is not None
    assert not gold.gap.reachable
    assert [sentence(r) for r in gold.gap.blocked_by] == [
        "esca-eligibility: no level (stated; a level needed)"
    ]
    assert [(r.kind, r.criteria, r.held) for r in gold.gap.blocked_by] == [
        ("criteria", "esca-eligibility", False)
    ]


def test_eligibility_answered_in_the_same_file_is_scored() -> None:
    answers = {"E1": False, "E2": D("0.4"), "E3": 20, "E4": ["industry", "research"], "E5": True}
    related = {
        "esca-eligibility": RelatedAnswers(answers={k: Answer(value=v) for k, v in answers.items()})
    }
    with pytest.raises(ValueError, match="need those criteria among `dependencies`"):
        run(ALL_MET, related=related)
    result = score(
        THRESHOLD, assess(ALL_MET, related=related), dependencies={"esca-eligibility": ELIGIBILITY}
    )
    assert result.level is None  # 0.4 FTE < 0.5
    assert result.related[0].level is None
    assert result.related[0].source == "answers"
    answers["E2"] = D("0.5")
    related = {
        "esca-eligibility": RelatedAnswers(answers={k: Answer(value=v) for k, v in answers.items()})
    }
    result = score(
        THRESHOLD, assess(ALL_MET, related=related), dependencies={"esca-eligibility": ELIGIBILITY}
    )
    assert result.level == "gold"


# ---------------------------------------------------------------- validity
def bronze_then(date: dt.date, previous_date: dt.date = dt.date(2019, 11, 15)) -> Result:
    previous = PreviousAssessment(date=previous_date, level="bronze")
    return run({**ALL_MET, "C": 1, "E": 45}, date=date, previous=previous)


def test_first_label_is_valid_24_months() -> None:
    result = run({**ALL_MET, "C": 1, "E": 45}, date=dt.date(2019, 11, 15))
    assert result.validity is not None
    assert (result.validity.valid_from, result.validity.valid_until) == (
        dt.date(2019, 11, 15),
        dt.date(2021, 11, 14),
    )
    assert not result.validity.renewal
    assert result.validity.renew_by == dt.date(2022, 11, 14)


def test_renewal_inside_the_window_extends_from_the_previous_end() -> None:
    result = bronze_then(dt.date(2022, 6, 1))  # previous label ended 2021-11-14
    assert result.level == "bronze"
    assert result.validity is not None
    assert result.validity.renewal
    assert result.validity.extended_from == dt.date(2021, 11, 14)
    assert result.validity.valid_until == dt.date(2024, 11, 14)  # + 36 months


def test_renewal_on_the_last_day_of_the_window_still_counts() -> None:
    result = bronze_then(dt.date(2022, 11, 14))
    assert result.validity is not None
    assert result.validity.renewal


def test_renewal_outside_the_window_starts_afresh() -> None:
    result = bronze_then(dt.date(2022, 11, 15))
    assert result.validity is not None
    assert not result.validity.renewal
    assert result.validity.valid_until == dt.date(2024, 11, 14)  # 24 months from the new date


# ------------------------------------------------------------------ silver
AREAS = tuple(ImprovementArea(indicator=i, verified=True) for i in ("B", "C", "E"))


def silver(
    months_ago: int, areas: tuple[ImprovementArea, ...] = AREAS, level: str = "bronze"
) -> Result:
    date = dt.date(2021, 11, 15)
    from clusterbench.models.dates import add_months

    previous = PreviousAssessment(date=add_months(date, -months_ago), level=level)
    return run({**ALL_MET, "C": 1, "E": 45}, date=date, previous=previous, areas=areas)


@pytest.mark.parametrize(
    ("months", "level"), [(17, "bronze"), (18, "silver"), (24, "silver"), (25, "bronze")]
)
def test_silver_month_window(months: int, level: str) -> None:
    assert silver(months).level == level


def test_silver_needs_three_verified_improvement_areas() -> None:
    assert silver(20, AREAS[:2]).level == "bronze"
    unverified = (*AREAS[:2], ImprovementArea(indicator="E", verified=False))
    assert silver(20, unverified).level == "bronze"
    assert (
        requirement(silver(20, unverified), "silver", "improved")
        == "2 verified improvement areas < 3"
    )


def test_silver_needs_a_previous_bronze_or_higher() -> None:
    assert silver(20, level="silver").level == "silver"
    result = silver(20)
    assert requirement(result, "silver", "previous_level") == (
        "previous assessment 2020-03-15: bronze, 20 months earlier (needs bronze 18 to 24 months earlier)"
    )


def test_comparison_with_a_scored_previous_assessment() -> None:
    before = run({**ALL_MET, "B": 12, "C": 1, "E": 45}, date=dt.date(2019, 11, 15))
    after = score(
        THRESHOLD,
        assess({**ALL_MET, "C": 2, "E": 30}, date=dt.date(2021, 11, 15)),
        before,
    )
    assert after.comparison is not None
    assert after.comparison.months == 24
    assert after.comparison.improved == ("B", "C")
    assert after.comparison.declined == ("E",)
    assert after.comparison.unchanged == ("A", "D")
    assert after.comparison.previous_level == before.level


def test_assume_answers_what_if_without_editing() -> None:
    assessment = assess({**ALL_MET, "C": 1, "E": 45})
    assert score(THRESHOLD, assessment).level == "bronze"
    what_if = score(THRESHOLD, assessment, assume={"E": 50})
    assert what_if.level == "gold"
    assert what_if.assumptions == {"E": D(50)}
    # Assumptions come from the command line: checked there, at the boundary.
    issues = check_assumptions(THRESHOLD, {"Z": 1, "A": "maybe", "B": {"x": 1}})
    assert [(i.file, i.path, i.code) for i in issues] == [
        ("--assume", "B", "CB302"),
        ("--assume", "Z", "CB301"),
        ("--assume", "A", "CB302"),
    ]
    assert "expected true or false" in issues[2].message


def test_score_is_deterministic() -> None:
    assessment = assess({**ALL_MET, "B": 11})
    first = score(THRESHOLD, assessment).model_dump_json()
    assert all(score(THRESHOLD, assessment).model_dump_json() == first for _ in range(3))


def test_criteria_hash_follows_content_not_formatting() -> None:
    from clusterbench.loader.criteria import parse_criteria
    from clusterbench.scoring import criteria_hash

    text = (FIXTURES / "scoring" / "threshold.yaml").read_text(encoding="utf-8")
    reformatted = parse_criteria("# a comment\n" + text.replace("title: Core", "title: 'Core'"))
    changed = parse_criteria(text.replace("points: 29.5", "points: 29"))
    assert criteria_hash(reformatted) == criteria_hash(THRESHOLD)
    assert criteria_hash(changed) != criteria_hash(THRESHOLD)
