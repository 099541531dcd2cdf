"""What the reports say about time: the key figures' development, designations beside the
level, and comparisons across two versions of the criteria, in every report language."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterbench import score_file
from clusterbench.report import render_html

from .conftest import ROOT
from .test_report_reader import read

HEALTH = ROOT / "examples" / "fjordhelse"


def test_the_gold_report_shows_the_development_of_the_key_figures() -> None:
    html = render_html(score_file(HEALTH / "2021-gold.yaml"), language="en")
    text = read(html)["development"].replace("\xa0", " ")
    assert "Development over time" in text
    for expected in (
        "28 November 2017",
        "19 November 2019",
        "9 November 2021",  # the chain's assessments
        "Members 164 228 254 +90 (+55%)",
        "Partners 9 12 14 +5 (+56%)",
        # Money as the locale writes it, the sign before the currency; staff in % as well.
        "Budget NOK 4,900,000 NOK 7,500,000 NOK 10,200,000 +NOK 5,300,000 (+108%)",
        "Staff (full-time equivalents) 2.6 3.4 4.6 +2 (+77%)",
        "Private share of the budget 14% 26% 34% +20 percentage points",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    ("language", "heading", "members"),
    [
        ("nb", "Utvikling over tid", "Medlemmer 164 228 254 +90 (+55 %)"),
        ("nb", "Utvikling over tid", "4 900 000 kr 7 500 000 kr 10 200 000 kr +5 300 000 kr"),
        ("de", "Entwicklung im Zeitverlauf", "Mitglieder 164 228 254 +90 (+55 %)"),
        (
            "de",
            "Entwicklung im Zeitverlauf",
            "4.900.000 NOK 7.500.000 NOK 10.200.000 NOK +5.300.000 NOK",
        ),
    ],
)
def test_the_development_in_norwegian_and_german(language: str, heading: str, members: str) -> None:
    html = render_html(score_file(HEALTH / "2021-gold.yaml"), language=language)
    text = read(html)["development"].replace("\xa0", " ")
    assert heading in text
    assert members in text


def test_a_report_without_earlier_figures_has_no_development_section() -> None:
    pages = read(render_html(score_file(HEALTH / "2014-arena.yaml"), language="en"))
    assert "development" not in pages


def test_the_silver_report_names_what_the_versions_do_not_compare() -> None:
    text = read(render_html(score_file(HEALTH / "2019-silver.yaml"), language="en"))["progress"]
    assert (
        "The previous assessment answered the version used until 14 November 2019 of these "
        "criteria: each indicator is compared with its counterpart in version 2019." in text
    )
    assert (
        "Not compared, asked only in the version used until 14 November 2019: B24 Feedback on "
        "services; B29 Information to members; B35 Annual activity report." in text
    )
    # A version's label with words in it ("pre-2019") is not shown to readers as a name.
    for language in ("nb", "de"):
        other = read(render_html(score_file(HEALTH / "2019-silver.yaml"), language=language))
        assert "pre-2019" not in " ".join(v for k, v in other.items() if k != "appendix")
    assert "Not compared, new in version 2019: B37 Services for the digital transition" in text


def test_the_programme_report_says_why_nce_is_not_held() -> None:
    pages = read(render_html(score_file(HEALTH / "2019-arena-pro.yaml"), language="en"))
    summary = pages["summary"]
    assert "Designations" in summary
    assert "NCE not held · only with Arena Pro" in summary
    assert "Arena Pro NCE" not in pages["cover"]


def test_a_programme_assessment_with_a_valid_gold_reads_arena_pro_nce(tmp_path: Path) -> None:
    source = (HEALTH / "2019-arena-pro.yaml").read_text(encoding="utf-8")
    text = source.replace("  date: 2019-06-04\n", "  date: 2022-03-01\n", 1).replace(
        "answers:\n",
        "related:\n  esca-gold: {level: gold, awarded: 2021-11-30, valid_until: 2023-11-08}\nanswers:\n",
        1,
    )
    text = text.replace("N21: 2019-01-24", "N21: 2022-01-20")  # a current plan
    text = text[: text.index("previous:")] + text[text.index("strengths:") :]  # a new period
    text = text[: text.index("# The programme's")]  # no decision yet
    path = tmp_path / "2022-arena-pro.yaml"
    path.write_text(text, encoding="utf-8")
    scored = score_file(path)
    [nce] = scored.result.designations
    assert (nce.held, nce.valid_until.isoformat() if nce.valid_until else None) == (
        True,
        "2023-11-08",
    )
    pages = read(render_html(scored, language="nb"))
    assert "Arena Pro NCE" in pages["cover"]
    assert "oppnådd sammen med Arena Pro til og med 8. november 2023" in pages["summary"]


EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))


@pytest.mark.parametrize("language", ["en", "nb", "de"])
def test_every_bundled_example_renders_in_every_report_language(language: str) -> None:
    """The national programme's criteria have German texts too, and no example names the
    programme's owners in English in another language."""
    for path in EXAMPLES:
        html = render_html(score_file(path), language=language)
        assert "Research Council of Norway" not in html or language == "en", path
        assert "Innovation Norway, Siva and" not in html or language == "en", path


def test_every_bundled_criteria_set_speaks_english_norwegian_and_german() -> None:
    from clusterbench.loader.criteria import bundled_criteria, bundled_versions, load_criteria

    for path in [*bundled_criteria().values(), *bundled_versions().values()]:
        assert load_criteria(path).languages == ("en", "nb", "de"), path
