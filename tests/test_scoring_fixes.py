"""The wrong answers the scoring core used to give at the edges, each pinned by a test."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from clusterbench import load_criteria, score, score_file
from clusterbench.cli import main
from clusterbench.kinds.english import sentence
from clusterbench.models import (
    Assessment,
    AssessmentInfo,
    CriteriaReference,
    Organisation,
    PreviousAssessment,
    RelatedAnswers,
)
from clusterbench.models.answers import Answer
from clusterbench.models.criteria import Criteria
from clusterbench.scoring.analysis import score_threshold
from clusterbench.scoring.examples import example_assessment

from .conftest import FIXTURES, ROOT

EXAMPLES = ROOT / "examples"
PROGRAMME = FIXTURES / "assessments" / "valid" / "national-programme-gce.yaml"


def programme(folder: Path) -> Path:
    """The national programme assessment beside a copy of the Fjordhelse history."""
    shutil.copytree(EXAMPLES / "fjordhelse", folder)
    text = PROGRAMME.read_text(encoding="utf-8")
    path = folder / "2022-national-programme.yaml"
    path.write_text(text.replace("../../../../examples/fjordhelse/", ""), encoding="utf-8")
    return path


NIC = load_criteria("no-innovation-clusters")
GOLD = load_criteria("esca-gold")
ELIGIBILITY = load_criteria("esca-eligibility")
THRESHOLD = load_criteria(FIXTURES / "scoring" / "threshold.yaml")


def assess(
    criteria: Criteria,
    answers: dict[str, Any],
    *,
    date: dt.date = dt.date(2024, 3, 1),
    related: dict[str, RelatedAnswers] | None = None,
    previous: PreviousAssessment | None = None,
) -> Assessment:
    return Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Test cluster", country="NOR"),
        assessment=AssessmentInfo(date=date),
        criteria=CriteriaReference(id=criteria.id),
        answers={k: v if isinstance(v, Answer) else Answer(value=v) for k, v in answers.items()},
        related=related or {},
        previous=previous,
    )


def criteria(data: dict[str, Any]) -> Criteria:
    base = {
        "kind": "criteria",
        "format": 1,
        "id": "edge",
        "version": "1",
        "title": "Edge cases",
        "provenance": {"status": "example"},
    }
    return Criteria.model_validate(base | data)


# -- the gap is the fewest, not greedy --------------------------------------------------
FLOORS = criteria(
    {
        "categories": [
            {"id": "c1", "title": "One", "floor": "50%"},
            {"id": "c2", "title": "Two", "floor": "50%"},
        ],
        "indicators": [
            {
                "id": f"{n}",
                "category": c,
                "title": n,
                "answer": {"type": "boolean"},
                "points": p,
                "pass": {"is_true": True},
            }
            for n, c, p in (("A", "c1", 10), ("B", "c1", 10), ("C", "c2", 4), ("D", "c2", 2))
        ],
        "levels": [
            {
                "id": "top",
                "title": "Top",
                "requires": [{"kind": "score", "at_least": "60%"}, {"kind": "category_floors"}],
            }
        ],
    }
)


def test_with_floors_the_gap_names_the_one_indicator_that_suffices() -> None:
    # c1 sits at its floor (10 of 20), c2 is under it (2 of 6); 12 of 26 points overall.
    # Meeting B (10 points) reaches 60 % but leaves c2 under its floor; meeting C alone
    # (4 points) reaches both: 16 of 26 = 61.5 % and c2 at 6 of 6.
    result = score(FLOORS, assess(FLOORS, {"A": True, "B": False, "C": False, "D": True}))
    top = result.level_result("top")
    assert top is not None
    assert top.gap is not None
    assert top.gap.indicators == ("C",)
    assert top.gap.exact


# -- a previous assessment dated after the current one --------------------------------
def test_a_previous_assessment_dated_after_this_one_is_no_renewal() -> None:
    answers = {"A": True, "B": 15, "C": 3, "D": True, "E": 50}
    eligible = {"esca-eligibility": RelatedAnswers(level="eligible")}
    later = PreviousAssessment(date=dt.date(2023, 12, 1), level="bronze")
    result = score(
        THRESHOLD,
        assess(THRESHOLD, answers, date=dt.date(2023, 6, 1), related=eligible, previous=later),
    )
    assert result.validity is not None
    assert not result.validity.renewal
    assert result.validity.extended_from is None
    assert result.comparison is None
    silver = result.level_result("silver")
    assert silver is not None
    assert not silver.held  # no previous bronze "months earlier"


def test_a_previous_result_dated_after_this_one_is_no_renewal_either() -> None:
    answers = {"A": True, "B": 15, "C": 3, "D": True, "E": 50}
    eligible = {"esca-eligibility": RelatedAnswers(level="eligible")}
    later = score(
        THRESHOLD, assess(THRESHOLD, answers, date=dt.date(2024, 1, 10), related=eligible)
    )
    result = score(
        THRESHOLD, assess(THRESHOLD, answers, date=dt.date(2023, 6, 1), related=eligible), later
    )
    assert result.validity is not None
    assert not result.validity.renewal
    assert result.comparison is None


# -- the headline quotes the level's own threshold ------------------------------------
def test_the_threshold_of_a_level_is_its_own_not_the_lowest_levels() -> None:
    level, share = score_threshold(NIC, "arena_pro")
    assert level is not None
    assert (level.id, share) == ("gce", Decimal("0.8"))
    assert score_threshold(NIC, "gce")[1] == Decimal("0.8")
    assert score_threshold(NIC, None)[1] == Decimal("0.5")


def test_the_score_line_quotes_the_next_levels_own_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = programme(tmp_path / "fjordhelse")
    source.write_text(source.read_text().replace("N10: {value: 14", "N10: {value: 6"))
    assert main(["score", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Level: Arena Pro" in out
    assert "(Global Centres of Expertise needs 80%: reached; still missing: N10 " in out


# -- --assume null is an assumption ----------------------------------------------------
def test_assuming_no_answer_is_recorded_and_said(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "fjordhelse" / "2021-gold.yaml"
    scored = score_file(path, assume={"G10": None})
    assert scored.result.assumptions == {"G10": None}
    assert scored.result.indicator("G10").status == "not_answered"  # type: ignore[union-attr]
    assert main(["score", str(path), "--assume", "G10=null", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["assumptions"] == {"G10": None}
    assert main(["score", str(path), "--assume", "G10=null"]) == 0
    assert "Assuming: G10=null" in capsys.readouterr().out


# -- exact shares in the JSON Result ---------------------------------------------------
def test_a_share_just_under_the_threshold_never_reads_as_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 1,999,999 of 2,500,000 points is 0.7999996: six decimals would round it to 0.8.
    edge = criteria(
        {
            "categories": [{"id": "c", "title": "C"}],
            "indicators": [
                {
                    "id": "A",
                    "category": "c",
                    "title": "A",
                    "answer": {"type": "boolean"},
                    "points": 1999999,
                    "pass": {"is_true": True},
                },
                {
                    "id": "B",
                    "category": "c",
                    "title": "B",
                    "answer": {"type": "boolean"},
                    "points": 500001,
                    "pass": {"is_true": True},
                },
            ],
            "levels": [
                {"id": "top", "title": "Top", "requires": [{"kind": "score", "at_least": "80%"}]}
            ],
        }
    )
    result = score(edge, assess(edge, {"A": True, "B": False}))
    data = json.loads(result.model_dump_json())
    assert data["level"] is None
    assert data["score"]["share"] != 0.8
    assert data["score"]["share"] < 0.8
    assert data["score"]["share_exact"] == {"numerator": 1999999, "denominator": 2500000}
    (requirement,) = data["levels"][0]["requirements"]
    assert requirement["held"] is False
    assert requirement["actual"] < 0.8
    assert requirement["actual_exact"] == {"numerator": 1999999, "denominator": 2500000}


# -- assumed answers of a related set --------------------------------------------------
def test_eligibility_answers_can_be_assumed(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "not-eligible" / "gold-attempt.yaml"
    # Too few committed members (E3) and no English website (E5): no eligibility, no Gold.
    assert score_file(path).result.level is None
    fixed = {"esca-eligibility.E3": 20, "esca-eligibility.E5": True}
    what_if = score_file(path, assume=fixed).result
    assert what_if.level == "gold"
    assert what_if.assumptions == {"esca-eligibility.E3": Decimal(20), "esca-eligibility.E5": True}
    both = ["--assume", "esca-eligibility.E3=20", "--assume", "esca-eligibility.E5=true"]
    assert main(["score", str(path), *both]) == 0
    out = capsys.readouterr().out
    assert "Level: Gold" in out
    assert "Assuming: esca-eligibility.E3=20, esca-eligibility.E5=true" in out
    assert main(["score", str(path), *both, "--assume", "esca-eligibility.E2=0.3"]) == 0
    assert "Level: no level" in capsys.readouterr().out


def test_an_unknown_related_indicator_is_a_located_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = EXAMPLES / "not-eligible" / "gold-attempt.yaml"
    code = main(["score", str(path), "--assume", "esca-eligibility.E9=1"])
    err = capsys.readouterr().err
    assert code != 0
    assert "esca-eligibility.E9" in err
    assert "Traceback" not in err


# -- related labels with their validity -----------------------------------------------
def _all_met(criteria: Criteria) -> dict[str, Answer]:
    example = next(e for e in criteria.examples if e.start == "all_met")
    current, _ = example_assessment(criteria, example)
    return dict(current.answers)


def test_an_expired_gold_label_gives_no_gce_and_the_trail_says_so_with_dates() -> None:
    answers = _all_met(NIC)
    expired = RelatedAnswers(
        level="gold", awarded=dt.date(2021, 11, 9), valid_until=dt.date(2023, 11, 8)
    )
    result = score(
        NIC, assess(NIC, answers, date=dt.date(2026, 1, 15), related={"esca-gold": expired})
    )
    assert result.level == "arena_pro"
    gce = result.level_result("gce")
    assert gce is not None
    (gold,) = [r for r in gce.requirements if r.kind == "criteria"]
    assert not gold.held
    assert gold.valid_on == dt.date(2026, 1, 15)
    assert gold.related is not None
    assert (gold.related.level, gold.related.valid_until) == ("gold", dt.date(2023, 11, 8))
    assert "expired after 2023-11-08" in sentence(gold)
    assert "valid on 2026-01-15" in sentence(gold)
    assert gce.gap is not None
    assert [r.kind for r in gce.gap.blocked_by] == ["criteria"]


def test_a_gold_assessment_file_is_scored_with_its_own_history(tmp_path: Path) -> None:
    source = programme(tmp_path / "fjordhelse")
    folder = source.parent
    scored = score_file(source)
    assert scored.result.level == "gce"
    (gold,) = scored.result.related
    assert (gold.source, gold.level, gold.file) == ("file", "gold", "2021-gold.yaml")
    # awarded on the day EUCLES approved it, valid from the assessment
    assert (gold.awarded, gold.valid_until) == (dt.date(2021, 11, 30), dt.date(2023, 11, 8))
    assert [r.criteria for r in gold.related] == ["esca-eligibility"]
    # Two years later the same Gold has expired: no GCE, and the trail says when.
    later = folder / "2024-national-programme.yaml"
    text = (folder / "2022-national-programme.yaml").read_text()
    for old, new in (
        ("2022-06-15", "2024-03-01"),
        ("2022-01-20", "2024-01-20"),
        ("2021-09-15", "2023-09-15"),
    ):
        text = text.replace(old, new)
    later.write_text(text)
    result = score_file(later).result
    assert result.level == "arena_pro"
    gce = result.level_result("gce")
    assert gce is not None
    texts = [sentence(r) for r in gce.requirements if not r.held]
    assert texts == [
        "esca-gold: gold (assessed 2021-11-09, awarded 2021-11-30, expired after 2023-11-08; "
        "level gold valid on 2024-03-01 needed)"
    ]


def test_related_answers_are_scored_with_their_own_dependencies() -> None:
    gold_answers = _all_met(GOLD)
    eligible = {"E1": True, "E4": ["industry", "research"], "E5": True}
    nested = RelatedAnswers(
        answers=gold_answers, related={"esca-eligibility": RelatedAnswers(answers=eligible)}
    )
    deps = {"esca-gold": GOLD, "esca-eligibility": ELIGIBILITY}
    answers = _all_met(NIC)
    on = dt.date(2026, 1, 15)
    result = score(
        NIC, assess(NIC, answers, date=on, related={"esca-gold": nested}), dependencies=deps
    )
    assert result.level == "gce"
    (gold,) = result.related
    assert (gold.source, gold.level, gold.awarded) == ("answers", "gold", on)
    assert gold.valid_until == dt.date(2028, 1, 14)
    assert [(r.criteria, r.level) for r in gold.related] == [("esca-eligibility", "eligible")]
    # Without its eligibility, Gold is not reached, so neither is GCE.
    bare = RelatedAnswers(answers=gold_answers)
    result = score(
        NIC, assess(NIC, answers, date=on, related={"esca-gold": bare}), dependencies=deps
    )
    assert result.level == "arena_pro"
    assert result.related[0].level is None
