"""The report read as a cluster manager, a board member or a funder would read it.

Each test renders a report and checks what its pages say against the Result: the level
on the cover, one rounding of every share, first/renewal/previous, the margin, threshold
lines, not-applicable indicators, peer ranks, and that a Norwegian or German report
holds no English.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from babel.messages.pofile import read_po
from tools.messages import LOCALE

from clusterbench import score, score_file
from clusterbench.models.answers import Answer
from clusterbench.pipeline.cohort import build_cohort_from
from clusterbench.report import render_html, render_pdf
from clusterbench.report.i18n import Formatter
from clusterbench.scoring.values import failing_value

from .conftest import FIXTURES, ROOT

EXAMPLES = ROOT / "examples"
GOLD = EXAMPLES / "fjordhelse" / "2021-gold.yaml"
SILVER = EXAMPLES / "fjordhelse" / "2019-silver.yaml"
BRONZE = EXAMPLES / "fjordhelse" / "2017-bronze.yaml"
FASHION = EXAMPLES / "young-fashion" / "2022-bronze.yaml"


class _Text(HTMLParser):
    """The text a reader sees, section by section (`<section class=...>`)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: dict[str, list[str]] = {}
        self.section = "head"
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title", "head"):
            self.skip += 1
        if tag == "section":
            self.section = (dict(attrs).get("class") or "").split()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "head"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip and data.strip():
            self.parts.setdefault(self.section, []).append(data.strip())


def read(html: str) -> dict[str, str]:
    parser = _Text()
    parser.feed(html)
    return {k: " ".join(v) for k, v in parser.parts.items()}


def everything(html: str) -> str:
    return " ".join(read(html).values())


# -- the level -------------------------------------------------------------------------
@pytest.mark.parametrize("path", [GOLD, SILVER, BRONZE, FASHION], ids=lambda p: p.stem)
@pytest.mark.parametrize("language", ["en", "nb", "de"])
def test_the_cover_names_the_results_level_as_the_decision_has_it(
    path: Path, language: str
) -> None:
    scored = score_file(path)
    if language not in scored.criteria.languages:
        pytest.skip(f"{scored.criteria.id} has no {language} texts")
    cover = read(render_html(scored, language=language))["cover"]
    level = scored.criteria.level(scored.result.level)  # type: ignore[arg-type]
    assert level is not None
    assert level.title.in_language(language) in cover
    approved = scored.assessment.decision is not None
    heading = {"en": ("Level awarded", "Recommended level"), "nb": ("Tildelt nivå", "Anbefalt nivå"),
               "de": ("Verliehene Stufe", "Empfohlene Stufe")}[language]  # fmt: skip
    assert heading[0 if approved else 1] in cover
    assert heading[1 if approved else 0] not in cover


def test_without_a_decision_the_level_is_a_recommendation(tmp_path: Path) -> None:
    text = GOLD.read_text(encoding="utf-8")
    undecided = tmp_path / "fjordhelse" / "2021-gold.yaml"
    undecided.parent.mkdir()
    for name in ("2017-bronze.yaml", "2019-silver.yaml"):
        (undecided.parent / name).write_text(
            (GOLD.parent / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    undecided.write_text(text[: text.index("\ndecision:")] + "\n", encoding="utf-8")
    pages = read(render_html(score_file(undecided), language="en"))
    assert "Recommended level Gold" in pages["cover"]
    assert (
        "none recorded yet: the level is a recommendation to EUCLES – European Clusters "
        "Labelling Excellence Structure (formerly ESCA), Brussels" in pages["cover"]
    )  # the criteria's own awarding body, never "the labelling body"
    assert "awarded" not in pages["cover"].replace("Level awarded", "")
    assert "Recommended level: Gold" in pages["summary"]


def test_no_level_reached_reads_as_such() -> None:
    scored = score_file(EXAMPLES / "not-eligible" / "gold-attempt.yaml")
    assert scored.result.level is None
    pages = read(render_html(scored, language="en"))
    assert "Result No level reached" in pages["cover"]
    assert "no level" not in pages["cover"]  # never "Level awarded: no level"
    assert "No level is reached, so no validity applies." in pages["summary"]


# -- one rounding of every share -------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "nb", "de"])
def test_every_share_is_rounded_the_same_way_everywhere(language: str) -> None:
    scored = score_file(GOLD)
    result = scored.result
    fmt = Formatter(language)
    html = render_html(scored, language=language)
    pages = read(html)
    assert result.score.share_exact is not None
    total = fmt.share(result.score.share_exact.fraction, result.score.needed)
    assert total == {"en": "95.0%", "nb": "95,0\u00a0%", "de": "95,0\u00a0%"}[language]
    for section in ("cover", "summary"):
        assert pages[section].count(total) >= 1, section
    assert fmt.percent(Fraction(19, 20), places=0) not in everything(html).replace(
        fmt.threshold(result.score.needed or 0), ""
    )  # no "95%" beside the "95.0%"
    for category in result.categories:
        assert category.share_exact is not None
        shown = fmt.share(category.share_exact.fraction)
        # The table and the chart's label say the same.
        assert pages["categories"].count(shown) >= 2, (category.id, shown)


def test_a_share_just_below_the_threshold_never_reads_as_it() -> None:
    fmt = Formatter("en")
    assert fmt.share(Fraction(1999999, 2500000), Fraction(4, 5)) == "79.99996%"
    assert fmt.share(Fraction(4, 5), Fraction(4, 5)) == "80.0%"
    assert fmt.share(Fraction(934, 1000)) == "93.4%"


# -- first, renewal, previous ----------------------------------------------------------
def test_first_renewal_and_previous_agree_with_the_facts() -> None:
    gold = read(render_html(score_file(GOLD), language="en"))["cover"]
    assert "first assessment" not in gold  # a previous assessment is on record
    assert "Previous assessment 19 November 2019: Silver (Bronze benchmarking" in gold
    silver = read(render_html(score_file(SILVER), language="en"))["cover"]
    assert "Assessment renewal of the label Previous assessment 28 November 2017: Bronze" in silver
    bronze = read(render_html(score_file(BRONZE), language="en"))["cover"]
    assert "first assessment" in bronze
    assert "previous" not in bronze


# -- the margin ------------------------------------------------------------------------
def test_the_margin_names_what_alone_and_what_only_together_would_cost_the_level() -> None:
    scored = score_file(GOLD)
    criteria, assessment, result = scored.criteria, scored.assessment, scored.result
    pages = read(render_html(scored, language="en"))
    margin = pages["gap-margin"].split("The margin of Gold")[1]
    sentence = (
        "Beside the minimum requirements, the fewest indicators whose loss would cost Gold: "
        "all of these together; no single one of them alone would."
    )
    alone, together = margin.split(sentence)

    def lost(*ids: str) -> bool:
        on = assessment.date
        worse = {
            i: Answer(value=failing_value(criteria.indicator(i), on))  # type: ignore[arg-type]
            for i in ids
        }
        changed = assessment.model_copy(update={"answers": {**assessment.answers, **worse}})
        previous = scored.previous.result if scored.previous is not None else None
        again = score(criteria, changed, previous, dependencies=scored.related)
        return again.level != result.level

    assert result.margin is not None
    for indicator in criteria.indicators:
        named_alone = re.search(rf"\b{indicator.id}\b", alone) is not None
        assert named_alone == (indicator.id in result.margin.singles), indicator.id
        if named_alone:
            assert lost(indicator.id), indicator.id
    (group,) = result.margin.sets
    for indicator_id in group.indicators:
        assert indicator_id in together
        assert not lost(indicator_id), indicator_id  # no one of them alone ...
    assert lost(*group.indicators)  # ... but all of them together


def test_an_empty_margin_says_so_instead_of_an_empty_heading() -> None:
    pages = read(render_html(score_file(BRONZE), language="en"))
    assert "The margin of Bronze No loss of an indicator would cost Bronze." in pages["gap-margin"]


# -- threshold lines -------------------------------------------------------------------
def test_no_threshold_line_where_the_criteria_state_no_floor() -> None:
    html = render_html(score_file(GOLD), language="en")
    chart = html.split('class="chart chart-categories"')[1].split("</svg>")[0]
    assert "stroke-dasharray" not in chart
    assert "#b42318" not in chart  # the threshold colour: no floor tick, no 80 % line
    assert "A red tick marks the floor" not in html


def test_a_floor_is_marked_on_its_own_category_only(tmp_path: Path) -> None:
    criteria = (FIXTURES / "scoring" / "threshold.yaml").read_text(encoding="utf-8")
    criteria = criteria.replace(
        "  - {id: core, title: Core}", "  - {id: core, title: Core, floor: 0.5}"
    )
    (tmp_path / "threshold.yaml").write_text(criteria, encoding="utf-8")
    assessment = (FIXTURES / "scoring" / "gold-2023.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(assessment, encoding="utf-8")
    for name in ("silver-2021.yaml", "bronze-2019.yaml"):
        (tmp_path / name).write_text(
            (FIXTURES / "scoring" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    html = render_html(score_file(tmp_path / "a.yaml"), language="en")
    chart = html.split('class="chart chart-categories"')[1].split("</svg>")[0]
    assert chart.count('stroke="#b42318"') == 1  # Core's floor; Extra has none
    assert "A red tick marks the floor a category must reach." in html
    assert "(floor 50%)" in read(html)["categories"]


# -- not applicable --------------------------------------------------------------------
def test_not_applicable_reads_the_same_in_every_table() -> None:
    scored = score_file(FIXTURES / "scoring" / "silver-2021.yaml")
    d = scored.result.indicator("D")
    assert d is not None
    assert d.status == "not_applicable"
    html = render_html(scored, language="en")
    row = re.search(r'<tr class="status-not_applicable">(.*?)</tr>', html, flags=re.S)
    assert row is not None
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row[1], re.S)
    ]
    assert cells[0] == "D"
    assert cells[2] == "not applicable"
    assert cells[4:] == ["–", "–"]  # no "0/30", no "none": it is not counted
    pages = read(html)
    assert "1 not applicable" in pages["categories"]
    assert "Not applicable: No international programme in the region yet" in pages["appendix"]


# -- peers -----------------------------------------------------------------------------
def test_peer_ranks_are_counted_not_interpolated(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    base = FASHION.read_text(encoding="utf-8")
    for n, members in enumerate((20, 30, 40, 50, 60)):
        text = base.replace("name: Audums Fashion Cluster", f"name: Peer {n}")
        text = text.replace("  B01:\n    value: 17", f"  B01:\n    value: {members}")
        (folder / f"peer-{n}.yaml").write_text(text, encoding="utf-8")
    cohort = build_cohort_from([folder], by="portfolio", min_size=5).cohort
    scored = score_file(FASHION, cohort=cohort)  # 17 members: below all five
    peers = scored.result.peers
    assert peers is not None
    b01 = next(i for i in peers.indicators if i.id == "B01")
    assert (b01.lower, b01.equal, b01.n) == (0, 0, 5)
    stronger = FASHION.parent / "2024-silver.yaml"  # 54 members: above four of five
    scored54 = score_file(stronger, cohort=cohort)
    assert scored54.result.peers is not None
    b01 = next(i for i in scored54.result.peers.indicators if i.id == "B01")
    assert (b01.lower, b01.n) == (4, 5)
    pages = read(render_html(scored54, language="en"))
    assert "4 of 5 clusters lower" in pages["peers"]
    nb = read(render_html(scored54, language="nb"))
    assert "4 av 5 klynger ligger lavere" in nb["peers"]


def test_peer_bars_are_drawn_on_the_answers_own_scale(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    base = GOLD.read_text(encoding="utf-8")
    for n in range(5):
        text = base.replace("name: Fjordhelse Cluster", f"name: Peer {n}").replace(
            "G07:\n    value: 4", f"G07:\n    value: {1 + n % 4}"
        )
        text = text.replace("previous: {file: 2019-silver.yaml}\n", "")
        (folder / f"peer-{n}.yaml").write_text(text, encoding="utf-8")
    built = build_cohort_from([folder], by="portfolio", min_size=5)
    assert built.skipped == ()
    html = render_html(score_file(GOLD, cohort=built.cohort), language="en")
    peers = html.split('<section class="peers">')[1].split("</section>")[0]
    row = peers.split("G07 Members involved")[1].split("G08")[0]
    ends = re.findall(r'font-size="7"[^>]*>([^<]*)</text>', row)
    # A scale of 1 to 4: its ends are labelled 1 and 4, not 0 and the larger value.
    assert ends == ["1", "4"]
    assert "peer median" in peers
    assert "threshold" in peers


# -- wholly in the reader's language ---------------------------------------------------
def english_fragments(language: str) -> list[str]:
    """The English texts of the catalog whose translation differs, as plain fragments."""
    with (LOCALE / language / "LC_MESSAGES" / "clusterbench.po").open("rb") as handle:
        found = read_po(handle)
    fragments = set()
    for message in found:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            if english in strings:
                continue  # the same word in both languages ("Status", "Id")
            for piece in re.split(r"%\(\w+\)[sd]|%%|[()•●✓✗:;,{}\[\]`]|\.(?!\w)", english):
                piece = piece.strip()
                if "/" in piece or "@" in piece:
                    continue  # an address, the same in every language
                words = re.findall(r"[A-Za-z]+", piece)
                # A fragment of one short word ("and", "all") proves nothing.
                if len(words) > 1 or (words and len(words[0]) >= 4 and piece == words[0]):
                    fragments.add(piece)
    return sorted(fragments)


def english_in(text: str, language: str) -> list[str]:
    found = []
    for fragment in english_fragments(language):
        pattern = r"(?<![\w./-])" + re.escape(fragment) + r"(?![\w/-])"  # not inside an address
        if re.search(pattern, text):
            found.append(fragment)
    return found


@pytest.mark.parametrize("language", ["nb", "de"])
@pytest.mark.parametrize("path", [GOLD, SILVER, BRONZE], ids=lambda p: p.stem)
def test_a_fully_translated_report_holds_no_english_catalog_text(path: Path, language: str) -> None:
    scored = score_file(path)
    for audience in ("full", "summary"):
        html = render_html(scored, language=language, audience=audience)  # type: ignore[arg-type]
        assert 'lang="en"' not in html  # no text shown in English, marked or not
        assert english_in(everything(html), language) == []


@pytest.mark.parametrize("language", ["nb", "de"])
def test_the_pdf_text_holds_no_english_either(language: str, tmp_path: Path) -> None:
    rendered = render_pdf(score_file(GOLD), tmp_path / "r.pdf", language=language)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(rendered.path).pages)
    assert english_in(" ".join(text.split()), language) == []


def test_the_english_check_finds_english() -> None:
    """The check itself can fail: an English report is full of catalog texts."""
    html = render_html(score_file(GOLD), language="en")
    found = english_in(everything(html), "nb")
    assert {"Summary", "Recommendations", "Strengths"} <= set(found)


def test_a_text_without_the_reports_language_is_marked_as_its_own(tmp_path: Path) -> None:
    text = FASHION.read_text(encoding="utf-8")
    start, end = text.index("\nstrengths:"), text.index("\nrecommendations:")
    path = tmp_path / "a.yaml"
    path.write_text(text[:start] + "\nstrengths: [A strong board]" + text[end:], encoding="utf-8")
    nb = render_html(score_file(path), language="nb")
    assert '<span lang="en" class="foreign">A strong board</span>' in nb
    assert "Tekster merket EN er på engelsk" in nb
    en = render_html(score_file(path), language="en")
    assert "A strong board" in en
    assert 'class="foreign"' not in en  # in its own language it is not marked


def test_dates_and_lights_in_the_readers_forms() -> None:
    scored = score_file(GOLD)
    nb = read(render_html(scored, language="nb"))
    assert "28 grønne lys" in nb["summary"]
    assert "9. november 2021" in nb["cover"]
    de = read(render_html(scored, language="de"))
    assert "28 grüne Ampeln" in de["summary"]
    assert dt.date(2021, 11, 9).strftime("%Y") in de["cover"]
    en = read(render_html(scored, language="en"))
    assert "1 project" in en["indicators"]  # G25: one, not "1 projects"
    assert "1 projects" not in en["indicators"]
