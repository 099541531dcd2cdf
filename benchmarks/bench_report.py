"""`clusterbench report` for the demo assessment, and our own share of the time beside WeasyPrint's."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import pypdf

from clusterbench import score_file
from clusterbench.report.render import _html, _options
from clusterbench.report.templating import template_dirs

from .common import BIN, ROOT, line, time_command

DEMO = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.pdf"
        whole = time_command(
            [str(BIN / "clusterbench"), "report", str(DEMO), "-o", str(out)], repeat=5
        )
        pages = len(pypdf.PdfReader(out).pages)
    print(f"report: {DEMO.relative_to(ROOT)}, {pages} pages")
    print(line("clusterbench report (whole process, PDF)", whole))

    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    options = _options("en", "full", None, None, None, None)
    fonts = FontConfiguration()
    ours, theirs = [], []
    for _ in range(5):
        started = time.perf_counter()
        scored = score_file(DEMO)
        html, dirs = _html(scored, options)
        middle = time.perf_counter()
        document = weasyprint.HTML(
            string=html, base_url=template_dirs(None)[0].as_uri() + "/"
        ).render(font_config=fonts)
        document.write_pdf()
        done = time.perf_counter()
        ours.append(middle - started)
        theirs.append(done - middle)
    del dirs
    print(line("ours: load, score, view model, charts, templating", ours, "ms"))
    print(line("WeasyPrint: layout and PDF of the same HTML (warm)", theirs, "ms"))
    share = statistics.median(ours) / (statistics.median(ours) + statistics.median(theirs))
    print(f"{'our share of the time (median)':<58} {share:.1%}")


if __name__ == "__main__":
    main()
