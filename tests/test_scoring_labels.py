"""When a label is held and for how long: periods in whole months, and the one definition
of *held* (approved, on or after the decision) for related labels and renewals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from clusterbench import score, score_file
from clusterbench.loader.library import CriteriaLibrary
from clusterbench.models import (
    Assessment,
    AssessmentInfo,
    CriteriaReference,
    Organisation,
    PreviousAssessment,
)
from clusterbench.models.answers import Answer
from clusterbench.models.assessment import Decision
from clusterbench.models.criteria import Criteria
from clusterbench.models.dates import add_months, after, months_between, period_end
from clusterbench.models.result import Result
from clusterbench.report.phrases import Phrases, requirement

from .test_scoring_fixes import programme

DAYS = st.dates(dt.date(1900, 1, 1), dt.date(2800, 12, 31))
MONTHS = st.integers(1, 240)


# -- periods ------------------------------------------------------------------------------
def test_a_period_from_29_february_ends_on_the_last_day_of_february() -> None:
    assert period_end(dt.date(2020, 2, 29), 24) == dt.date(2022, 2, 28)
    assert period_end(dt.date(2020, 2, 29), 48) == dt.date(2024, 2, 28)
    assert period_end(dt.date(2021, 1, 31), 1) == dt.date(2021, 2, 28)
    assert period_end(dt.date(2021, 6, 15), 24) == dt.date(2023, 6, 14)


def test_a_renewal_counts_from_the_day_after_the_end() -> None:
    # A Bronze ending 28 February 2025 runs on from 1 March: 36 months end on 29 February.
    assert after(dt.date(2025, 2, 28), 36) == dt.date(2028, 2, 29)
    assert after(dt.date(2024, 6, 14), 36) == dt.date(2027, 6, 14)


@given(DAYS, MONTHS)
def test_the_day_after_a_period_is_its_start_day_or_the_next_month(
    start: dt.date, months: int
) -> None:
    end = period_end(start, months)
    following = end + dt.timedelta(days=1)
    moved = add_months(start, months)
    if moved.day == start.day:  # the month has the start's day: the period ends before it
        assert following == moved
    else:  # it has not (29 February, a 31st): the period takes the whole month
        assert (following.day, following.month) == (1, moved.month % 12 + 1)
    # Never a day shorter than the clamped date, never a month longer.
    assert add_months(start, months) - dt.timedelta(days=1) <= end
    assert months_between(start, end) in (months - 1, months)


@given(DAYS, MONTHS, MONTHS)
def test_periods_tile_when_the_start_day_is_in_every_month(
    start: dt.date, first: int, second: int
) -> None:
    """A label renewed from its end lasts as long as one label of both lengths."""
    start = start.replace(day=min(start.day, 28))
    assert after(period_end(start, first), second) == period_end(start, first + second)


@given(DAYS, DAYS, MONTHS)
def test_a_later_start_never_ends_earlier(one: dt.date, other: dt.date, months: int) -> None:
    early, late = sorted((one, other))
    assert period_end(early, months) <= period_end(late, months)
    assert after(early, months) <= after(late, months)


def criteria(validity: dict[str, Any]) -> Criteria:
    return Criteria.model_validate(
        {
            "kind": "criteria",
            "format": 1,
            "id": "periods",
            "version": "1",
            "title": "Periods",
            "provenance": {"status": "example"},
            "awarding": {"body": "A body", "approval": "required"},
            "categories": [{"id": "c", "title": "C"}],
            "indicators": [
                {
                    "id": "I1",
                    "category": "c",
                    "title": "One",
                    "answer": {"type": "boolean"},
                    "pass": {"is_true": True},
                    "points": 1,
                }
            ],
            "levels": [{"id": "bronze", "title": "Bronze", "validity": validity}],
        }
    )


def assessment(
    on: dt.date,
    *,
    previous: PreviousAssessment | None = None,
    decision: Decision | None = None,
    criteria_id: str = "periods",
) -> Assessment:
    return Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Periods cluster", country="NOR"),
        assessment=AssessmentInfo(date=on),
        criteria=CriteriaReference(id=criteria_id),
        answers={"I1": Answer(value=True)},
        previous=previous,
        decision=decision,
    )


def test_a_label_assessed_on_29_february_is_valid_to_the_end_of_february() -> None:
    scheme = criteria({"months": 24})
    result = score(scheme, assessment(dt.date(2020, 2, 29)))
    assert result.validity is not None
    assert result.validity.valid_until == dt.date(2022, 2, 28)


def test_a_renewal_from_the_end_of_february_reaches_29_february() -> None:
    scheme = criteria({"months": 36, "renewal": {"window_months": 6, "extension_months": 36}})
    # The first label: 1 March 2022 to 28 February 2025.
    stated = PreviousAssessment(date=dt.date(2022, 3, 1), level="bronze")
    result = score(scheme, assessment(dt.date(2025, 1, 15), previous=stated))
    assert result.validity is not None
    assert result.validity.renewal
    assert result.validity.extended_from == dt.date(2025, 2, 28)
    assert result.validity.valid_until == dt.date(2028, 2, 29)
    # The renewal window after it: six months from 1 March 2028, to 31 August.
    assert result.validity.renew_by == dt.date(2028, 8, 31)


# -- a label is held only once approved ---------------------------------------------------
RENEWABLE = criteria({"months": 24, "renewal": {"window_months": 6, "extension_months": 24}})


def previous_result(status: str | None, decided: dt.date | None = None) -> Result:
    decision = Decision(status=status, date=decided) if status is not None else None
    return score(RENEWABLE, assessment(dt.date(2021, 6, 15), decision=decision))


def test_a_renewal_extends_only_a_label_that_was_held() -> None:
    on = dt.date(2023, 5, 1)
    approved = score(RENEWABLE, assessment(on), previous_result("approved", dt.date(2021, 7, 1)))
    assert approved.validity is not None
    assert approved.validity.renewal
    assert approved.validity.valid_until == dt.date(2025, 6, 14)
    for status in ("rejected", "withdrawn", "recommended", None):
        never = score(RENEWABLE, assessment(on), previous_result(status, dt.date(2021, 7, 1)))
        assert never.validity is not None
        assert not never.validity.renewal, status
        assert never.validity.valid_until == dt.date(2025, 4, 30), status


def test_an_approval_after_the_renewal_date_is_not_yet_a_label() -> None:
    late = previous_result("approved", dt.date(2023, 6, 1))
    found = score(RENEWABLE, assessment(dt.date(2023, 5, 1)), late)
    assert found.validity is not None
    assert not found.validity.renewal


def test_a_label_free_of_approval_is_held_without_a_decision() -> None:
    free = RENEWABLE.model_copy(update={"awarding": None})
    first = score(free, assessment(dt.date(2021, 6, 15)))
    again = score(free, assessment(dt.date(2023, 5, 1)), first)
    assert again.validity is not None
    assert again.validity.renewal


def test_the_result_records_the_decision() -> None:
    decision = Decision(status="approved", date=dt.date(2021, 7, 1))
    result = score(RENEWABLE, assessment(dt.date(2021, 6, 15), decision=decision))
    assert result.decision == decision
    assert Result.model_validate_json(result.model_dump_json()).decision == decision


def gold_with(folder: Path, decision: str) -> Path:
    """The national programme assessment whose Gold file carries ``decision``."""
    source = programme(folder)
    gold = source.parent / "2021-gold.yaml"
    text = gold.read_text(encoding="utf-8")
    start = text.index("\ndecision:")
    gold.write_text(text[:start] + "\n" + decision, encoding="utf-8")
    return source


def test_a_rejected_or_undecided_gold_gives_no_gce(tmp_path: Path) -> None:
    cases = {
        "rejected": "decision: {status: rejected, by: EUCLES, date: 2021-11-30}\n",
        "withdrawn": "decision: {status: withdrawn, by: EUCLES, date: 2022-01-10}\n",
        "pending": "decision: {status: recommended}\n",
        "no decision": "",
    }
    for name, decision in cases.items():
        source = gold_with(tmp_path / name.replace(" ", "-"), decision)
        result = score_file(source).result
        assert result.level != "gce", name
        (gold,) = result.related
        assert (gold.source, gold.reached, gold.level) == ("file", "gold", None), name
        assert gold.decision == (name if name in ("rejected", "withdrawn") else "pending")
        gce = result.level_result("gce")
        assert gce is not None
        assert [r.kind for r in gce.requirements if not r.held] == ["criteria"], name
        assert not any(d.held for d in result.designations), name


def test_a_gold_approved_after_the_assessment_date_is_not_yet_held(tmp_path: Path) -> None:
    source = programme(tmp_path / "early")
    text = source.read_text(encoding="utf-8").replace("date: 2022-06-15", "date: 2021-11-20")
    source.write_text(text, encoding="utf-8")
    result = score_file(source).result
    (gold,) = result.related
    # Assessed 9 November, approved 30 November 2021: not held on the 20th.
    assert (gold.reached, gold.level, gold.decision) == ("gold", None, "pending")
    assert gold.awarded == dt.date(2021, 11, 30)
    assert result.level != "gce"


def stated_gold(folder: Path, awarded: str, until: str) -> Path:
    """The national programme assessment stating a Gold label awarded on ``awarded``."""
    source = programme(folder)
    text = source.read_text(encoding="utf-8")
    start, end = text.index("  esca-gold:\n"), text.index("answers:")
    stated = f"  esca-gold: {{level: gold, awarded: {awarded}, valid_until: {until}}}\n"
    source.write_text(text[:start] + stated + text[end:], encoding="utf-8")
    return source


def test_a_stated_label_awarded_after_the_assessment_date_does_not_count(
    tmp_path: Path,
) -> None:
    # The assessment is of 15 June 2022.
    held = score_file(stated_gold(tmp_path / "before", "2022-03-10", "2024-03-09")).result
    assert held.level == "gce"
    later = score_file(stated_gold(tmp_path / "after", "2022-07-10", "2024-07-09")).result
    assert later.level != "gce"
    gce = later.level_result("gce")
    assert gce is not None
    (failing,) = [r for r in gce.requirements if not r.held]
    assert failing.kind == "criteria"
    assert failing.related is not None
    assert failing.related.awarded == dt.date(2022, 7, 10)


# -- what the reports say about a related label that is not held --------------------------
def related_phrase(result: Result, language: str = "en") -> str:
    """The phrase of the top level's failing related-label requirement."""
    library = CriteriaLibrary()
    criteria = library.get(result.criteria.id)
    gce = result.level_result("gce")
    assert gce is not None
    (failing,) = [r for r in gce.requirements if r.kind == "criteria"]
    assert not failing.held
    return requirement(Phrases(language, criteria), failing, library.dependencies(criteria))


def test_the_phrase_says_a_gold_was_rejected_never_that_it_is_valid(tmp_path: Path) -> None:
    rejected = "decision: {status: rejected, by: EUCLES, date: 2021-11-30}\n"
    result = score_file(gold_with(tmp_path / "rejected", rejected)).result
    assert related_phrase(result).endswith(": Gold, rejected by the labelling body")
    assert related_phrase(result, "nb").endswith(": gull, avslått av merkeorganet")
    assert related_phrase(result, "de").endswith(": Gold, von der Label-Stelle abgelehnt")
    pending = score_file(gold_with(tmp_path / "pending", "")).result
    assert related_phrase(pending).endswith(": Gold, not approved by the labelling body")


def test_the_phrase_gives_the_date_a_later_label_was_awarded(tmp_path: Path) -> None:
    later = score_file(stated_gold(tmp_path / "after", "2022-07-10", "2024-07-09")).result
    said = related_phrase(later)
    assert said.endswith(": Gold, awarded only on 10 July 2022")
    assert "valid" not in said
    assert related_phrase(later, "nb").endswith(": gull, først tildelt 10. juli 2022")
    early = programme(tmp_path / "early")
    text = early.read_text(encoding="utf-8").replace("date: 2022-06-15", "date: 2021-11-20")
    early.write_text(text, encoding="utf-8")
    approved_later = related_phrase(score_file(early).result)
    assert approved_later.endswith(": Gold, approved only on 30 November 2021")


def test_gold_answers_without_their_eligibility_name_what_is_missing(tmp_path: Path) -> None:
    source = programme(tmp_path / "answers")
    gold = yaml.safe_load((source.parent / "2021-gold.yaml").read_text(encoding="utf-8"))
    text = source.read_text(encoding="utf-8")
    start, end = text.index("  esca-gold:\n"), text.index("answers:")
    given = yaml.safe_dump(
        {"esca-gold": {"answers": gold["answers"]}}, allow_unicode=True, sort_keys=False
    )
    indented = "".join(f"  {line}\n" for line in given.splitlines())
    source.write_text(text[:start] + indented + text[end:], encoding="utf-8")
    result = score_file(source).result
    said = related_phrase(result)
    assert said.endswith(
        ": not reached (Eligibility for the cluster management excellence labels: not assessed)"
    ), said
