"""Wholly in the reader's language, and in words a reader would write.

Norwegian that reads as written by a Norwegian (level names in lower case inside a
sentence, one word for one thing), German that does not assume one male assessor, rules
with their units, lists whose items cannot be misread, and criteria texts in plain
English.
"""

from __future__ import annotations

import re

import pytest

from clusterbench import load_criteria, score_file
from clusterbench.cli.score_cmd import summary_text
from clusterbench.report import render_html
from clusterbench.report.phrases import Phrases

from .conftest import ROOT
from .test_report_reader import BRONZE, GOLD, SILVER, everything, read

ARENA = ROOT / "examples" / "fjordhelse" / "2014-arena.yaml"
CRITERIA = ROOT / "criteria"
# no-innovation-clusters.yaml is worded in its own change (its option labels: N03).
OURS = sorted(p for p in CRITERIA.glob("*.yaml") if p.name != "no-innovation-clusters.yaml")


def test_a_portfolio_is_named_by_its_title_in_every_language() -> None:
    scored = score_file(ARENA)
    assert scored.result.organisation.portfolio == "health"
    assert "Norway · Health and life sciences" in read(render_html(scored, language="en"))["cover"]
    assert "Norge · Helse og livsvitenskap" in read(render_html(scored, language="nb"))["cover"]
    assert "Health and life sciences" in summary_text(scored, "en")


@pytest.mark.parametrize("language", ["en", "nb", "de"])
@pytest.mark.parametrize("path", [GOLD, SILVER, BRONZE], ids=lambda p: p.stem)
def test_no_markdown_no_labelling_body_no_titles_as_published(path, language: str) -> None:  # type: ignore[no-untyped-def]
    text = everything(render_html(score_file(path), language=language))
    assert "`" not in text
    for said in ("labelling body", "merkeorgan", "Label-Stelle", "titles as published"):
        assert said not in text, said


def test_norwegian_writes_level_names_in_lower_case_inside_a_sentence() -> None:
    bronze = everything(render_html(score_file(BRONZE), language="nb"))
    assert "alt som kreves for bronse" in bronze
    assert "en vurdering som ga bronse" in bronze
    gold = everything(render_html(score_file(GOLD), language="nb"))
    assert "det som kreves for gull" in gold
    for text in (bronze, gold):
        inside = re.findall(
            r"\b(?:for|som|ga|til|med|krever|mister|koster|nådde) (Bronse|Sølv|Gull)\b", text
        )
        assert inside == []
    assert "Tildelt nivå: Gull" in gold  # a title stays a title
    arena = everything(render_html(score_file(ARENA), language="nb"))
    assert "Mangler fortsatt for Norwegian Centres of Expertise" in arena  # a name stays a name


def test_norwegian_and_german_wording_the_auditors_marked() -> None:
    gold_nb = read(render_html(score_file(GOLD), language="nb"))
    assert "alle de 8 minstekravene er oppfylt" in gold_nb["summary"]
    assert "Forrige vurdering 19. november 2019: Sølv" in gold_nb["cover"]
    assert "Vurdering: forrige vurdering" not in gold_nb["cover"]
    assert "Mangler og sikkerhetsmargin" not in gold_nb["gap-margin"]  # Gold has no gap
    gold_de = everything(render_html(score_file(GOLD), language="de"))
    assert "letzte Bewertung" not in gold_de
    assert "vorige Bewertung" in gold_de
    assert "Anmerkung der Gutachter" not in gold_de
    assert "Anmerkung aus der Begutachtung:" in gold_de
    bronze_de = everything(render_html(score_file(BRONZE), language="de"))
    assert "Der Verlust eines einzelnen Indikators würde Bronze nicht kosten." in bronze_de
    assert "Kein Verlust eines Indikators" not in bronze_de


def test_a_designation_not_held_says_with_which_level_it_comes() -> None:
    path = ROOT / "examples" / "fjordhelse" / "2019-arena-pro.yaml"
    nb = read(render_html(score_file(path), language="nb"))["summary"]
    assert "Tilleggsstatus" in nb
    assert "Betegnelser" not in nb
    assert "ikke oppnådd · bare sammen med Arena Pro" in nb
    assert "VED SIDEN AV" not in nb.upper()


def test_the_levels_of_the_peer_group_read_as_a_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from .test_report_decisions import _cohort
    from .test_report_reader import FASHION

    scored = score_file(FASHION, cohort=_cohort(tmp_path, own=False))
    en = read(render_html(scored, language="en"))["peers"]
    assert "Levels in the group: 5 reached Bronze." in en
    nb = read(render_html(scored, language="nb"))["peers"]
    assert "Nivåer i gruppen: 5 nådde bronse." in nb
    assert "ligger lavere" in nb


# -- rules and option lists ------------------------------------------------------------
@pytest.mark.parametrize("path", sorted(CRITERIA.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_rule_reads_without_nested_brackets_and_with_its_unit(path) -> None:  # type: ignore[no-untyped-def]
    criteria = load_criteria(path)
    for language in criteria.languages:
        say = Phrases(language, criteria)
        for indicator in criteria.indicators:
            rule = say.met_when(indicator)
            depth = 0
            for char in rule:
                depth += {"(": 1, ")": -1}.get(char, 0)
                assert depth <= 1, (indicator.id, language, rule)
            unit = getattr(indicator.answer, "unit", None)
            bound = indicator.pass_.at_least if indicator.pass_ is not None else None
            if unit is not None and bound is not None:
                assert say.counted(bound, unit) in rule, (indicator.id, language, rule)


def test_option_lists_that_hold_their_own_joining_word_cannot_be_misread() -> None:
    gold = load_criteria("esca-gold")
    g09 = gold.indicator("G09")
    assert g09 is not None
    # The last options of an ordered list read as a least one (B13).
    assert Phrases("en", gold).met_when(g09) == "at least every year"
    assert Phrases("nb", gold).met_when(g09) == "minst hvert år"
    assert Phrases("de", gold).met_when(g09) == "mindestens jedes Jahr"
    bronze_set = load_criteria("esca-bronze@pre-2019")
    b11 = bronze_set.indicator("B11")
    assert b11 is not None
    assert Phrases("nb", bronze_set).met_when(b11) == "minst tre eller fire ganger i året"
    # Other alternatives whose labels hold the joining word are set apart.
    assert Phrases("en", gold).options(
        ["every year", "every quarter or more often"], alternatives=True
    ) == ("“every year” or “every quarter or more often”")
    assert Phrases("nb", gold).options(
        ["hvert år", "hvert kvartal eller oftere"], alternatives=True
    ) == ("«hvert år» eller «hvert kvartal eller oftere»")
    g17 = gold.indicator("G17")
    assert g17 is not None
    assert Phrases("nb", gold).met_when(g17) == "minst 4 av alternativene"
    bronze = read(render_html(score_file(BRONZE), language="en"))["indicators"]
    assert (
        "industry; research and academia; education and training providers; public bodies" in bronze
    )


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.stem)
def test_option_labels_are_written_as_running_text(path) -> None:  # type: ignore[no-untyped-def]
    criteria = load_criteria(path)
    for indicator in criteria.indicators:
        for option in getattr(indicator.answer, "options", None) or ():
            for language in ("en", "nb"):
                if language not in criteria.languages:
                    continue
                label = option.label.in_language(language)
                # An acronym (ICT, EU) may lead; a word is in lower case, as answers read.
                assert not (label[:1].isupper() and label[1:2].islower()), (indicator.id, label)


def test_one_option_has_one_name_across_the_criteria_sets() -> None:
    seen: dict[tuple[str, str, str], set[str]] = {}
    for path in sorted(CRITERIA.glob("esca-*.yaml")):
        criteria = load_criteria(path)
        for indicator in criteria.indicators:
            for option in getattr(indicator.answer, "options", None) or ():
                english = option.label.in_language("en")
                seen.setdefault((option.id, english, "nb"), set()).add(
                    option.label.in_language("nb")
                )
    split = {k: v for k, v in seen.items() if len(v) > 1}
    assert split == {}
    assert seen[("matchmaking", "matchmaking and networking", "nb")] == {
        "matchmaking og nettverksbygging"
    }


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.stem)
def test_criteria_english_reads_as_english(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\b(?:is|was)\s+no\s+(?:minimum|member)\b", text)
    assert "generalforsamling" not in text  # a cluster's members meet at its årsmøte
