"""Decisions, earlier assessments, time axes and peers, as the reports and the terminal say them.

A label the awarding body refused or withdrew states no validity; an approved one is
called awarded; a previous assessment on another criteria set is named by its level's
title and compared with nothing; a point in November 2019 sits in 2019; a cluster is
not its own peer.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from clusterbench import score_file
from clusterbench.cli.score_cmd import summary_text
from clusterbench.pipeline.cohort import build_cohort_from
from clusterbench.report import render_html

from .test_report_reader import BRONZE, FASHION, GOLD, read


def _decided(tmp_path: Path, status: str) -> Path:
    text = BRONZE.read_text(encoding="utf-8")
    path = tmp_path / "bronze.yaml"
    path.write_text(text.replace("  status: approved\n", f"  status: {status}\n"), "utf-8")
    return path


def test_an_approved_level_is_called_awarded_by_its_body_on_its_date(tmp_path: Path) -> None:
    terminal = summary_text(score_file(BRONZE), "en")
    assert "Decision: awarded by EUCLES on 6 December 2017 (EUCLES-BR-2017-0412)" in terminal
    assert "✓ bronze  Bronze  (awarded)" in terminal
    assert "(recommended)" not in terminal
    pending = tmp_path / "pending.yaml"
    text = BRONZE.read_text(encoding="utf-8")
    pending.write_text(text[: text.index("\ndecision:")] + "\n", encoding="utf-8")
    said = summary_text(score_file(pending), "en")
    assert "✓ bronze  Bronze  (recommended)" in said
    assert "Decision: none recorded yet: the level is a recommendation to EUCLES" in said


@pytest.mark.parametrize(
    ("status", "tag", "heading", "validity"),
    [
        ("rejected", "recommended, not awarded", "Recommended, not awarded",
         "EUCLES did not award the level, so no validity applies."),
        ("withdrawn", "withdrawn", "Label withdrawn",
         "The label was withdrawn on 6 December 2017: it is no longer held."),
    ],
)  # fmt: skip
def test_a_refused_or_withdrawn_label_states_no_validity(
    tmp_path: Path, status: str, tag: str, heading: str, validity: str
) -> None:
    scored = score_file(_decided(tmp_path, status))
    pages = read(render_html(scored, language="en"))
    assert f"{heading} Bronze" in pages["cover"]
    assert "Valid " not in pages["cover"]
    assert "Valid from" not in pages["summary"]
    assert "Renew" not in pages["summary"]
    assert "renewal" not in pages["summary"]
    assert validity in pages["summary"]
    assert f"✓ Bronze {tag.upper()}" not in pages["summary"]  # the tag is as written
    assert f"Bronze {tag}" in pages["summary"]
    assert "Bronze awarded" not in pages["summary"]
    terminal = summary_text(scored, "en")
    assert f"✓ bronze  Bronze  ({tag})" in terminal
    assert validity in terminal
    assert "Valid from" not in terminal


# -- the previous assessment on another criteria set (A17) ------------------------------
def test_a_previous_assessment_on_another_set_is_named_and_not_compared() -> None:
    scored = score_file(GOLD)
    comparison = scored.result.comparison
    assert comparison is not None
    assert comparison.previous_criteria == "esca-bronze"
    assert comparison.mapped is False  # no indicator of another set is compared
    terminal = summary_text(scored, "en")
    assert "Compared with 19 November 2019 (Silver, 23 months earlier)" in terminal
    assert (
        "  It was made with another criteria set (Bronze benchmarking and Silver label for "
        "cluster management excellence), so no indicator is compared." in terminal
    )
    assert "(silver," not in terminal
    norwegian = summary_text(scored, "nb")
    assert "(Sølv, 23 måneder før)" in norwegian
    assert "  Den ble gjort etter andre kriterier (" in norwegian  # a sentence, capitalised


# -- time axes (A15) -------------------------------------------------------------------
def test_each_point_of_the_development_sits_in_its_own_year() -> None:
    scored = score_file(GOLD)
    html = render_html(scored, language="en")
    chart = html.split('class="chart chart-development"')[1].split("</svg>")[0]
    # The first panel: the top left cell of the small multiple.
    years = {
        float(x): label
        for x, y, label in re.findall(
            r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>(20\d\d)</text>', chart
        )
        if float(x) < 156 and float(y) < 100
    }
    points = [
        float(x)
        for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', chart)
        if float(x) < 156 and float(y) < 100
    ]
    dates = []
    current = scored
    while current is not None:
        dates.append(current.assessment.date)
        current = current.previous
    dates.sort()
    assert len(points) == len(dates) == 3
    for x, day in zip(points, dates, strict=True):
        if str(day.year) not in years.values():  # a year the axis cuts short has no label
            assert x < min(years) if day.year < int(min(years.values())) else x > max(years)
            continue
        nearest = years[min(years, key=lambda y: abs(y - x))]
        assert nearest == str(day.year), (day, years)
    assert "2019" in years.values()
    assert "2021" in years.values()


# -- a cluster is not its own peer (A12) -----------------------------------------------
def _cohort(tmp_path: Path, *, own: bool):  # type: ignore[no-untyped-def]
    folder = tmp_path / ("with" if own else "without")
    folder.mkdir()
    base = FASHION.read_text(encoding="utf-8")
    for n, members in enumerate((20, 30, 40, 50, 60)):
        text = base.replace("name: Audums Fashion Cluster", f"name: Peer {n}")
        text = text.replace("  B01:\n    value: 17", f"  B01:\n    value: {members}")
        (folder / f"peer-{n}.yaml").write_text(text, encoding="utf-8")
    if own:
        shutil.copy(FASHION, folder / "own.yaml")
    return build_cohort_from([folder], by="portfolio", min_size=5).cohort


def test_the_assessment_itself_is_left_out_of_its_peer_ranks(tmp_path: Path) -> None:
    scored = score_file(FASHION, cohort=_cohort(tmp_path, own=True))
    peers = scored.result.peers
    assert peers is not None
    assert peers.n == 6
    b01 = next(i for i in peers.indicators if i.id == "B01")
    assert (b01.lower, b01.equal) == (0, 1)  # itself, counted by the cohort
    pages = read(render_html(scored, language="en"))
    assert "The cohort holds this assessment itself" in pages["peers"]
    assert "Compared with 5 clusters of the same comparative portfolio" in pages["peers"]
    row = pages["peers"].split("B01 Committed members")[-1]
    assert row.split("B02")[0].strip().endswith("0 of 5 clusters lower")
    assert "6 clusters" not in pages["peers"]
    assert "Levels in the group: 5 reached Bronze." in pages["peers"]
    elsewhere = score_file(FASHION, cohort=_cohort(tmp_path, own=False))
    other = read(render_html(elsewhere, language="en"))["peers"]
    assert "The cohort holds this assessment itself" not in other
    assert "Compared with 5 clusters" in other
