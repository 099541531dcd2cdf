"""The PDF: read back with pypdf and pdftotext, checked by qpdf, reproducible, written whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from clusterbench import OutputError, ReportError, render_pdf, score_file
from clusterbench.report import render as render_module
from clusterbench.report.options import LANGUAGES

from .conftest import FIXTURES, ROOT

GOLD = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
FASHION = ROOT / "examples" / "young-fashion" / "2024-silver.yaml"


@pytest.fixture(scope="module")
def gold_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "gold.pdf"
    rendered = render_pdf(score_file(GOLD), path, language="en")
    assert rendered.warnings == ()  # WeasyPrint logged nothing
    assert rendered.refused == ()
    return path


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_text_holds_organisation_level_score_and_indicators(gold_pdf: Path) -> None:
    text = pdftotext(gold_pdf)
    assert "Fjordhelse Cluster" in text
    assert "Gold" in text
    assert "95.0%" in text
    assert "142.5 of 150 points" in text
    assert "Written strategy" in text
    assert "Page 2 of" in text


def test_pypdf_reads_pages_outline_metadata_and_attachments(gold_pdf: Path) -> None:
    reader = pypdf.PdfReader(gold_pdf)
    assert 8 <= len(reader.pages) <= 16
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Assessment report: Fjordhelse Cluster"
    assert meta.author == "Renate Oberhuber, Jonas Virtanen"
    assert meta.subject == "Gold label for cluster management excellence · version 2019"
    assert meta.creator == "clusterbench 0.1.0"
    assert str(meta.get("/CreationDate")).startswith("D:20211109")
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[:3] == ["Fjordhelse Cluster", "Summary", "Results by category"]
    assert {"Indicators", "Margin", "Recommendations", "Appendix"} <= set(top)
    assert any(isinstance(item, list) for item in reader.outline)  # second-level entries
    attachments = reader.attachments
    assert set(attachments) == {"result.json", "esca-gold.yaml"}
    result = json.loads(attachments["result.json"][0])
    assert result["level"] == "gold"
    assert attachments["esca-gold.yaml"][0] == (ROOT / "criteria" / "esca-gold.yaml").read_bytes()


def test_qpdf_finds_no_problem(gold_pdf: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(gold_pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_norwegian_pdf(tmp_path: Path) -> None:
    path = tmp_path / "nb.pdf"
    render_pdf(score_file(GOLD), path, language="nb")
    text = pdftotext(path)
    assert "Sammendrag" in text
    assert "95,0 %" in text.replace("\u00a0", " ")
    assert "9. november 2021" in text
    assert "Side 2 av" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_summary_audience_is_two_or_three_pages(tmp_path: Path, language: str) -> None:
    # A longer language must not push a few lines on to a fourth page.
    for source in (GOLD, FASHION, ROOT / "examples" / "missed-minimum" / "gold-attempt.yaml"):
        path = tmp_path / f"{source.stem}.pdf"
        render_pdf(score_file(source), path, audience="summary", language=language)
        assert 2 <= len(pypdf.PdfReader(path).pages) <= 3, (source, language)


def test_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    scored = score_file(FASHION)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_pdf(scored, first, language="nb")
    render_pdf(score_file(FASHION), second, language="nb")
    assert first.read_bytes() == second.read_bytes()


def test_same_bytes_in_a_fresh_process(tmp_path: Path) -> None:
    here = tmp_path / "here.pdf"
    render_pdf(score_file(FASHION), here, language="en")
    there = tmp_path / "there.pdf"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "clusterbench",
            "report",
            str(FASHION),
            "-o",
            str(there),
            "--lang",
            "en",
        ],
        check=True,
        capture_output=True,
    )
    assert here.read_bytes() == there.read_bytes()


def test_pdf_a_3b(tmp_path: Path) -> None:
    path = tmp_path / "archive.pdf"
    render_pdf(score_file(FASHION), path, pdf_variant="pdf/a-3b")
    root = pypdf.PdfReader(path).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp or "<pdfaid:part>3</pdfaid:part>" in xmp
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    with pytest.raises(ReportError, match="unknown PDF variant"):
        render_pdf(score_file(FASHION), tmp_path / "x.pdf", pdf_variant="pdf/x-1")


def test_a_failed_render_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the previous report")

    def broken(*args: object, **kwargs: object) -> None:
        raise ReportError("layout failed")

    monkeypatch.setattr(render_module, "html_to_pdf", broken)
    with pytest.raises(ReportError, match="layout failed"):
        render_pdf(score_file(FASHION), target)
    assert target.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"

    def full_disk(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError, match=r"report\.pdf: the disk is full"):
        render_pdf(score_file(FASHION), target)
    assert list(tmp_path.iterdir()) == []


def test_hostile_texts_are_printed_and_nothing_is_fetched(tmp_path: Path) -> None:
    from .test_report_html import hostile_assessment

    norwegian = "Blåbærsyltetøy og rømmegrøt på Ærøy, ØST-Østfold. " * 99  # the longest text
    path = hostile_assessment(tmp_path, norwegian)
    pdf = tmp_path / "hostile.pdf"
    rendered = render_pdf(score_file(path), pdf)
    assert rendered.refused == ()
    assert rendered.warnings == ()
    text = " ".join(pdftotext(pdf).split())
    assert "<script>alert('x')</script> Cluster" in text
    assert '<img src="file:///etc/passwd">' in text
    assert "url(http://evil.example/track.png)" in text
    assert text.count("Blåbærsyltetøy og rømmegrøt på Ærøy") >= 99


def test_urls_in_a_template_are_refused(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    macros = (ROOT / "templates" / "macros.html").read_text(encoding="utf-8")
    (own / "macros.html").write_text(
        macros
        + '{% macro spy() %}<img src="file:///etc/passwd"><img src="https://evil.example/x.png">{% endmacro %}'
    )
    report = (ROOT / "templates" / "report.html").read_text(encoding="utf-8")
    report = report.replace(
        '{% from "macros.html" import light, mark, said, indicator_list %}',
        '{% from "macros.html" import light, mark, said, indicator_list, spy %}',
    )
    (own / "report.html").write_text(report.replace("<body", "{{ spy() }}<body", 1))
    rendered = render_pdf(score_file(FASHION), tmp_path / "spy.pdf", templates=own)
    assert rendered.refused == ("file:///etc/passwd", "https://evil.example/x.png")


def test_cli_report_formats(tmp_path: Path) -> None:
    for suffix in ("pdf", "html", "json"):
        out = tmp_path / f"r.{suffix}"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "clusterbench",
                "report",
                str(FIXTURES / "scoring" / "gold-2023.yaml"),
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert out.exists()
    assert json.loads((tmp_path / "r.json").read_text())["level"] == "gold"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
