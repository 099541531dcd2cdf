"""The report functions are typed with the library's own choices: mypy rejects a language,
a PDF variant or an option the renderer does not know, before anything runs."""

from __future__ import annotations

import typing
from pathlib import Path

from mypy import api

from clusterbench.report import options, render

from .conftest import ROOT

CALLS = """\
import clusterbench as cb
from clusterbench.report import render_html

scored = cb.score_file("x.yaml")
cb.render_pdf(scored, "x.pdf", language="xx")
cb.render_pdf(scored, "x.pdf", pdf_variant="pdf/a-1")
render_html(scored, language="nb", audience="summary")
cb.render_html(scored, lang="nb")
cb.render_pdf(scored, "x.pdf", language="de", pdf_variant="pdf/a-3b")
"""


def test_mypy_rejects_what_the_renderer_does_not_know(tmp_path: Path) -> None:
    snippet = tmp_path / "calls.py"
    snippet.write_text(CALLS, encoding="utf-8")
    out, _err, _status = api.run(
        ["--strict", "--config-file", str(ROOT / "pyproject.toml"), str(snippet)]
    )
    errors = {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line}
    assert errors == {5, 6, 8}, out


def test_the_choices_are_defined_once() -> None:
    """The tuples the command line offers are read from the Literal types mypy checks."""
    assert options.LANGUAGES == typing.get_args(options.ReportLanguage) == ("en", "nb", "de")
    assert typing.get_args(options.PdfVariant) == options.PDF_VARIANTS
    assert typing.get_args(options.Audience) == options.AUDIENCES
    hints = typing.get_type_hints(render.render_pdf)
    assert hints["language"] == options.ReportLanguage | None
    assert hints["pdf_variant"] == options.PdfVariant | None


def test_the_package_root_gives_the_renderers_own_functions() -> None:
    """One signature: the root and `clusterbench.report` hand out the renderer's functions."""
    import clusterbench.report

    for name in ("render_html", "render_pdf"):
        assert getattr(clusterbench, name) is getattr(render, name)
        assert getattr(clusterbench.report, name) is getattr(render, name)
    assert not (ROOT / "src" / "clusterbench" / "_reports.py").exists()
