"""Every sentence agrees with the Result: requirements, validity, decisions, gap and margin.

Read as a cluster manager reads the Bronze, Gold and Arena reports of the health
cluster, and the terminal summary beside them: what is missing is said as missing, a
label lapses when it lapses, the score's headline names what still blocks the next
level, and every number shown fails where the Result fails.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from clusterbench import score_file
from clusterbench.cli.score_cmd import summary_text
from clusterbench.report import render_html
from clusterbench.report.i18n import Formatter

from .conftest import ROOT
from .test_report_reader import BRONZE, GOLD, SILVER, read

ARENA = ROOT / "examples" / "fjordhelse" / "2014-arena.yaml"


# -- what is missing is said as missing (A1) -------------------------------------------
@pytest.mark.parametrize(
    ("language", "previous", "areas"),
    [
        ("en", "a Bronze assessment 18 to 24 months earlier (none recorded)",
         "at least 3 verified improvement areas (0 now)"),
        ("nb", "en vurdering som ga bronse, 18 til 24 måneder før (ingen registrert)",
         "minst 3 bekreftede forbedringsområder (nå 0)"),
        ("de", "eine Bewertung mit Bronze 18 bis 24 Monate vorher (keine verzeichnet)",
         "mindestens 3 bestätigte Verbesserungsbereiche (jetzt 0)"),
    ],
)  # fmt: skip
def test_a_missing_history_is_said_as_needed_not_as_needing_its_absence(
    language: str, previous: str, areas: str
) -> None:
    pages = read(render_html(score_file(BRONZE), language=language))
    for section in ("summary", "gap-margin"):
        assert previous in pages[section], section
        assert areas in pages[section], section
    terminal = summary_text(score_file(BRONZE), language)
    assert previous in terminal
    assert areas in terminal
    english = read(render_html(score_file(BRONZE), language="en"))
    assert "no previous assessment (needs" not in english["summary"]
    assert "0 verified improvement areas (3 needed)" not in english["gap-margin"]


def test_a_requirement_met_by_a_previous_assessment_names_it() -> None:
    summary = read(render_html(score_file(SILVER), language="en"))["summary"]
    assert (
        "a Bronze assessment 18 to 24 months earlier (previous: Bronze on 28 November 2017, "
        "23 months earlier)" in summary
    )


# -- the label lapses when it lapses (A2) ----------------------------------------------
def test_the_validity_says_when_the_label_lapses_and_what_a_late_renewal_does() -> None:
    scored = score_file(BRONZE)
    validity = scored.result.validity
    assert validity is not None
    assert validity.renew_by is not None
    assert validity.renew_by > validity.valid_until  # a late renewal is possible
    fmt = Formatter("en")
    end, by = fmt.date(validity.valid_until), fmt.date(validity.renew_by)
    level = scored.criteria.level(validity.level)
    assert level is not None
    assert level.validity is not None
    assert level.validity.renewal
    months = level.validity.renewal.extension_months
    said = read(render_html(scored, language="en"))["summary"]
    assert f"Unless it is renewed by then, the label lapses after {end}." in said
    assert (
        f"A renewal up to {by} still extends it by {months} months from {end}; "
        "until that renewal no label is held." in said
    )
    assert "without a break" not in said
    assert f"the label lapses after {end}" in summary_text(scored, "en")


def test_a_renewal_without_a_window_after_the_end_says_so() -> None:
    scored = score_file(ARENA)
    validity = scored.result.validity
    assert validity is not None
    assert validity.renew_by == validity.valid_until
    said = read(render_html(scored, language="en"))["summary"]
    assert "A renewal by 9 June 2017 extends it by 24 months; after that day it lapses." in said


# -- the method follows the criteria's facts (A3) --------------------------------------
def test_the_method_of_criteria_without_points_speaks_of_no_score() -> None:
    bronze = read(render_html(score_file(BRONZE), language="en"))["appendix"]
    method = bronze.split("Method")[1].split("How this assessment was made")[0]
    assert "give no points" in method
    assert "part of their points" not in method
    assert "The score is" not in method
    assert "Shares are compared exactly" not in method  # no share is compared
    gold = read(render_html(score_file(GOLD), language="en"))["appendix"]
    method = gold.split("Method")[1].split("How this assessment was made")[0]
    assert "part of their points" in method
    assert "The score is the points earned" in method


# -- the indicator table says what its rule and light mean (A4) -------------------------
def test_a_light_that_differs_from_the_status_carries_the_status_and_the_green_rule() -> None:
    scored = score_file(BRONZE)
    html = render_html(scored, language="en")
    rows = {
        m[1]: re.sub(r"<[^>]+>", " ", m[2])
        for m in re.finditer(
            r'<tr class="status-\w+">\s*<td class="id">(\w+)(.*?)</tr>', html, re.S
        )
    }
    derived = {"met": "green", "partly_met": "yellow", "not_met": "red"}
    for outcome in scored.result.indicators:
        if not outcome.applicable:
            continue
        row = " ".join(rows[outcome.id].split())
        apart = outcome.band != derived.get(outcome.status, outcome.band)
        assert ("green: " in row) == apart, outcome.id
        if apart:
            assert row.endswith(f"{outcome.band} {outcome.status.replace('_', ' ')}"), row
    b10 = " ".join(rows["B10"].split())
    assert "at least 2 – reviewed at least once a year green: 3 – result indicators" in b10


# -- main gaps from the Result (A5) ----------------------------------------------------
def test_the_main_gaps_of_an_unreachable_level_are_its_gap_and_the_red_lights() -> None:
    scored = score_file(BRONZE)
    gap = scored.result.level_result("silver").gap  # type: ignore[union-attr]
    assert gap is not None
    assert not gap.reachable
    summary = read(render_html(scored, language="en"))["summary"]
    gaps = summary.split("Main gaps")[1]
    red = [i.id for i in scored.result.indicators if i.band == "red"]
    assert len(red) == 5
    for indicator_id in (*gap.minimums, *red):
        assert indicator_id in gaps, indicator_id


# -- the headline names what blocks (A6, A7, A8, A9) -----------------------------------
def test_a_share_already_reached_is_not_read_as_the_next_level() -> None:
    scored = score_file(ARENA)
    result = scored.result
    target = result.level_result(result.score.target or "")
    assert target is not None
    assert not target.held
    assert result.score.share_exact is not None
    assert result.score.needed is not None
    assert result.score.share_exact.fraction >= result.score.needed
    pages = read(render_html(scored, language="en"))
    assert "Norwegian Centres of Expertise needs 65%: reached" in pages["cover"]
    assert (
        "Still missing for Norwegian Centres of Expertise: N12 Years in the programme"
        in pages["cover"]
    )
    line = (
        "(Norwegian Centres of Expertise needs 65%: reached; "
        "still missing: N12 Years in the programme)"
    )
    assert line in pages["summary"]
    assert line in summary_text(scored, "en")
    nb = read(render_html(scored, language="nb"))["cover"]
    assert "Mangler fortsatt for Norwegian Centres of Expertise (NCE): N12 År i programmet" in nb


def test_the_points_chart_measures_what_the_gap_and_the_margin_measure() -> None:
    scored = score_file(ARENA)
    html = render_html(scored, language="en")
    chart = html.split('class="chart chart-points"')[1].split("</svg>")[0]
    marks = re.findall(r'fill="#b42318"[^>]*>([^<]+)</text>', chart)
    assert marks == ["Arena: 50", "Norwegian Centres of Expertise: 65"]
    margin = scored.result.margin
    assert margin is not None
    assert margin.points == Decimal(69 - 50)
    text = read(html)["gap-margin"]
    assert "The score is 19 points above what Arena needs." in text
    assert (
        "The score already reaches what Norwegian Centres of Expertise needs (69 points; 65 needed)"
        in text
    )


def test_a_requirement_on_listed_indicators_names_those_not_met() -> None:
    pages = read(render_html(score_file(ARENA), language="en"))
    summary = pages["summary"]
    assert "1 of 2 indicators met (2 needed); not met: N12 Years in the programme" in summary
    assert (
        "0 of 3 indicators met (3 needed); not met: N09 Position of the cluster's industry, "
        "N10 International partners and N11 Exporting member companies" in summary
    )


def test_an_indicator_in_the_gap_shows_its_answer_and_rule() -> None:
    gap = read(render_html(score_file(ARENA), language="en"))["gap-margin"]
    assert "N12 Years in the programme answer: 0 years · met when: at least 3 years" in gap
    assert "met with time, not with work" in gap


def test_the_terminal_gap_shows_the_answer_and_rule_of_an_indicator_without_points() -> None:
    terminal = summary_text(score_file(ARENA), "en")
    assert "  Meet: N12 Years in the programme (0 years; met when: at least 3 years)\n" in terminal
    assert "N10 International partners (5 more points)" in terminal  # points, where it has them


# -- points from the Result, rounded on the safe side (A11, A13, A14) -------------------
def test_a_partly_met_indicator_in_the_gap_adds_the_points_it_still_lacks(tmp_path: Path) -> None:
    text = GOLD.read_text(encoding="utf-8")
    text = re.sub(r"(\n  G12:\n    value: )\d+", r"\g<1>1", text)  # partly met: 2 of 5
    path = tmp_path / "fjordhelse" / "2021-gold.yaml"
    path.parent.mkdir()
    for other in GOLD.parent.glob("*.yaml"):
        (path.parent / other.name).write_text(other.read_text(encoding="utf-8"), "utf-8")
    path.write_text(text, encoding="utf-8")
    scored = score_file(path)
    g12 = scored.result.indicator("G12")
    assert g12 is not None
    assert g12.status == "partly_met"
    assert 0 < g12.points < g12.max_points
    gap = scored.result.level_result("gold").gap  # type: ignore[union-attr]
    assert gap is not None
    assert "G12" in (*gap.indicators, *gap.minimums)
    more = Formatter("en").number(g12.max_points - g12.points)
    said = read(render_html(scored, language="en"))["gap-margin"]
    assert f"G12 Financing plan ({more} more points)" in said
    assert f"G12 Financing plan ({Formatter('en').number(g12.max_points)} points)" not in said
    assert f"G12 Financing plan ({more} more points)" in summary_text(scored, "en")


def test_the_margin_says_its_fewest_set_is_one_loss_among_others_with_its_points() -> None:
    scored = score_file(GOLD)
    margin = scored.result.margin
    assert margin is not None
    assert margin.sets
    lost = sum(scored.result.indicator(i).points for i in margin.sets[0].indicators)  # type: ignore[union-attr]
    shown = Formatter("en").number(lost)
    said = read(render_html(scored, language="en"))["gap-margin"]
    assert f"Together they earned {shown} points." in said
    assert "Only losing all of these" not in said
    terminal = summary_text(scored, "en")
    assert "Beside the minimum requirements, the fewest indicators whose loss would cost Gold" in (
        terminal
    )
    assert "Only losing all of" not in terminal


SHARE = """\
kind: criteria
format: 1
id: share-test
version: "1"
title: T
provenance: {status: example}
categories: [{id: A, title: A}]
indicators:
  - {id: I1, category: A, title: First, answer: {type: boolean}, pass: {is_true: true}, points: 7.999996}
  - {id: I2, category: A, title: Second, answer: {type: boolean}, pass: {is_true: true}, points: 2.000004}
levels:
  - {id: gold, title: Gold, requires: [{kind: score, at_least: 80%}]}
"""


def test_points_just_below_what_is_needed_never_read_as_enough(tmp_path: Path) -> None:
    (tmp_path / "share.yaml").write_text(SHARE, encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(
        "kind: assessment\nformat: 1\norganisation: {name: Test, country: NOR}\n"
        "assessment: {date: 2025-06-15}\ncriteria: {id: share-test, file: share.yaml}\n"
        "answers: {I1: true, I2: false}\n",
        encoding="utf-8",
    )
    scored = score_file(path)
    assert scored.result.level is None
    terminal = summary_text(scored, "en")
    assert "7.999996 of 10 points (79.99996%; 80% needed)" in terminal
    assert "0.000004 points missing." in terminal
    assert "Score: 7.999996 of 10 points" in terminal
    pages = read(render_html(scored, language="en"))
    assert "7.999996 of 10 points" in pages["cover"]
    assert "0.000004 points are missing." in pages["gap-margin"]


@pytest.mark.parametrize("missing", ["0.000004", "0.04", "2.25", "11", "0.35"])
def test_an_amount_missing_is_rounded_up_and_an_amount_to_spare_down(missing: str) -> None:
    fmt = Formatter("en")
    value = Decimal(missing)
    up, down = Decimal(fmt.missing(value)), Decimal(fmt.spare(value))
    assert value <= up <= value * Decimal("1.1")
    assert up != 0
    assert value * Decimal("0.9") <= down <= value
    assert down != 0
    assert fmt.points(Decimal("7.999996"), Decimal(8)) == "7.999996"
    assert fmt.points(Decimal("8.0000001"), Decimal(8)) != "8"
