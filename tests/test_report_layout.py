"""The report as laid out: charts that fit their frames, pages that are not left nearly
empty, identifiers never broken, and a text layer that says what the page shows."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest

from clusterbench import score_file
from clusterbench.report import charts, render_html, render_pdf
from clusterbench.report.charts.svg import width_of

from .conftest import ROOT
from .test_report_reader import BRONZE, GOLD, read

ARENA = ROOT / "examples" / "fjordhelse" / "2014-arena.yaml"
NS = "{http://www.w3.org/2000/svg}"


def _box(markup: str) -> tuple[ET.Element, float, float]:
    root = ET.fromstring(markup)
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    return root, width, height


def _text_extent(element: ET.Element) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a text element, by its estimated width."""
    x, y = float(element.get("x", 0)), float(element.get("y", 0))
    size = float(element.get("font-size", 11))
    width = width_of(element.text or "", size)
    anchor = element.get("text-anchor", "start")
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return left, y - size * 0.8, left + width, y + size * 0.2


# -- the gauge (C1) --------------------------------------------------------------------
@pytest.mark.parametrize("threshold", [None, 0.0, 0.3, 0.5, 0.65, 0.8, 0.95, 1.0])
@pytest.mark.parametrize("share", [0.0, 0.01, 0.3, 0.5, 0.69, 0.8, 0.95, 1.0])
def test_the_gauge_arc_stays_in_its_track_and_every_label_in_the_frame(
    share: float, threshold: float | None
) -> None:
    markup = charts.gauge(
        share, threshold, colour="#4F8FC0", value_label="100.0%", threshold_label="82.5%", title="t"
    )
    root, width, height = _box(markup)
    paths = root.findall(f"{NS}path")
    assert len(paths) == (2 if share > 0 else 1)
    for path in paths:
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", path.get("d", ""))]
        x0, y0, radius, _, _, large, sweep, x1, y1 = numbers
        assert radius == 80
        assert (large, sweep) == (0, 1)  # never the long way round, always over the top
        stroke = float(path.get("stroke-width", 0))
        for x, y in ((x0, y0), (x1, y1)):
            assert stroke / 2 <= x <= width - stroke / 2
            assert 0 <= y <= height
    if share > 0:
        *_, x1, y1 = (float(n) for n in re.findall(r"-?[\d.]+", paths[1].get("d", "")))
        angle = math.pi * (1 - share)
        cx, cy = width / 2, 118.0
        assert abs(x1 - (cx + 80 * math.cos(angle))) < 0.1
        assert abs(y1 - (cy - 80 * math.sin(angle))) < 0.1
    for element in root.findall(f"{NS}text"):
        left, top, right, bottom = _text_extent(element)
        assert left >= 0, element.text
        assert right <= width, element.text
        assert top >= 0, element.text
        assert bottom <= height, element.text


# -- bars and peers (C2, C7, C8) -------------------------------------------------------
def test_category_grid_lines_never_cross_a_category_name() -> None:
    bars = [
        charts.Bar("Structure and governance", 0.5, "50.0%"),
        charts.Bar("Strategy", 1, "100.0%"),
    ]
    ticks = [(t, f"{int(t * 100)}%") for t in (0, 0.25, 0.5, 0.75, 1)]
    root, _, _ = _box(charts.category_bars(bars, title="t", ticks=ticks))
    names = [
        t for t in root.findall(f"{NS}text") if t.text in ("Structure and governance", "Strategy")
    ]
    for line in root.findall(f"{NS}line"):
        y1, y2 = sorted((float(line.get("y1", 0)), float(line.get("y2", 0))))
        for name in names:
            _, top, _, bottom = _text_extent(name)
            assert y2 <= top or y1 >= bottom, (line.attrib, name.text)
    labels = [t.text for t in root.findall(f"{NS}text")]
    assert [x for x in labels if x and x.endswith("%")][:5] == ["0%", "25%", "50%", "75%", "100%"]
    html = render_html(score_file(GOLD), language="en")
    chart = html.split('class="chart chart-categories"')[1].split("</svg>")[0]
    sizes = set(re.findall(r'font-size="([\d.]+)"[^>]*>[A-Z][a-z]', chart))
    assert sizes == {"8"}  # category names no larger than the table's text


def test_peer_charts_keep_long_labels_whole_and_tell_median_from_threshold() -> None:
    row = charts.ScaleRow(
        "G28 Training of the staff", 0, 10, 3.5, 4.1, 5, 5,
        "3.5 days per person and year", "4.1 days per person and year (n=40)", "0", "10",
    )  # fmt: skip
    markup = charts.scale_rows([row], ("#111111", "#6b7280"), title="t")
    assert "3.5 days per person and year" in markup
    assert "4.1 days per person and year (n=40)" in markup
    root, width, _ = _box(markup)
    for element in root.findall(f"{NS}text"):
        assert _text_extent(element)[2] <= width, element.text
    # Median and threshold on the same value: a line and a triangle, both still seen.
    assert root.findall(f"{NS}path")  # the threshold's triangle
    assert any(line.get("stroke") == charts.INK for line in root.findall(f"{NS}line"))


def test_the_peer_chapter_has_one_legend_and_means_in_their_units(tmp_path: Path) -> None:
    from .test_report_decisions import _cohort
    from .test_report_reader import FASHION

    html = render_html(score_file(FASHION, cohort=_cohort(tmp_path, own=False)), language="en")
    peers = html.split('<section class="peers">')[1].split("</section>")[0]
    assert peers.count('class="chart chart-legend') == 1
    assert peers.count("<title>Legend</title>") == 1
    assert re.search(r">\d+(\.\d)? members \(n=5\)<", peers)


# -- the PDF: text layer, footers, identifiers, fullness (C3, C5, C6, C9, C10) ----------
@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("pdf")
    found = {}
    for name, path, language in (
        ("gold-en", GOLD, "en"),
        ("gold-nb", GOLD, "nb"),
        ("gold-de", GOLD, "de"),
        ("arena-en", ARENA, "en"),
        ("bronze-de", BRONZE, "de"),
    ):
        rendered = render_pdf(score_file(path), folder / f"{name}.pdf", language=language)
        found[name] = [p.extract_text() for p in pypdf.PdfReader(rendered.path).pages]
    return found


def test_every_page_number_is_in_the_text_layer(pdfs: dict[str, list[str]]) -> None:
    words = {"gold-en": "Page {} of {}", "gold-nb": "Side {} av {}", "arena-en": "Page {} of {}",
             "bronze-de": "Seite {} von {}", "gold-de": "Seite {} von {}"}  # fmt: skip
    for name, pages in pdfs.items():
        assert "Page of" not in " ".join(pages)
        assert "Side av" not in " ".join(pages)
        for number, text in enumerate(pages[1:], start=2):
            assert words[name].format(number, len(pages)) in text, (name, number)


def test_footers_name_the_version_as_a_version(pdfs: dict[str, list[str]]) -> None:
    assert "Gold label for cluster management excellence · version 2019" in pdfs["gold-en"][1]
    assert "Gullmerket for fremragende klyngeledelse · versjon 2019" in pdfs["gold-nb"][1]


def test_identifiers_are_never_broken(pdfs: dict[str, list[str]]) -> None:
    cover = " ".join(pdfs["arena-en"][0].split())
    assert "(NIC-ARENA-2014-07)" in cover
    appendix = " ".join(" ".join(pdfs["bronze-de"]).split())
    assert "(esca-bronze@pre-2019)" in appendix


def test_a_short_list_of_sources_is_kept_on_one_page(pdfs: dict[str, list[str]]) -> None:
    urls = ("cluster-analysis.org/benchmarked-clusters", "gcenode.no", "eucles.be")
    holding = [i for i, text in enumerate(pdfs["gold-en"]) if any(u in text for u in urls)]
    assert len(set(holding)) == 1


def test_no_page_is_left_nearly_empty(pdfs: dict[str, list[str]]) -> None:
    for name, pages in pdfs.items():
        for number, text in enumerate(pages[1:-1], start=2):  # the last may be short
            lines = [line for line in text.splitlines() if line.strip()]
            assert len(lines) >= 12, (name, number, lines)


def test_a_table_never_leaves_one_or_two_rows_alone_on_the_last_page(
    pdfs: dict[str, list[str]],
) -> None:
    for name, pages in pdfs.items():
        rows = re.findall(r"(?m)^\s*[A-Z]\d\d\b", pages[-1])
        assert not rows or len(rows) >= 3, (name, pages[-1])


def test_a_label_of_the_appendix_stays_on_the_page_of_its_value(tmp_path: Path) -> None:
    vevnad = ROOT / "examples" / "vevnad" / "2019-bronze.yaml"
    rendered = render_pdf(score_file(vevnad), tmp_path / "vevnad.pdf", language="nb")
    pages = [p.extract_text() for p in pypdf.PdfReader(rendered.path).pages]
    holding = [text for text in pages if "(esca-bronze@2019)" in text]
    assert len(holding) == 1
    assert holding[0].count("Kriterier") >= 2  # the heading and the label, with the value


def test_the_summary_keeps_a_threshold_with_its_level() -> None:
    summary = read(render_html(score_file(GOLD), language="nb"))["summary"]
    assert "(Gull\xa0krever\xa080\xa0%)" in summary


def test_an_assessors_note_is_printed_once() -> None:
    scored = score_file(GOLD)
    text = " ".join(read(render_html(scored, language="en")).values())
    for answer in scored.assessment.answers.values():
        if answer.comment is not None:
            note = " ".join(answer.comment.in_language("en").split())
            assert text.count(note) == 1, note


def test_report_modules_stay_small() -> None:
    for path in (ROOT / "src" / "clusterbench" / "report").rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines < 400, (path.name, lines)
