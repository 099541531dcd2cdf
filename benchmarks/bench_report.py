"""`clusterbench report` for the demo assessment as a whole process, beside raw WeasyPrint.

The target: the whole `clusterbench report x.yaml -o x.pdf` (start-up, reading, scoring,
the view, the charts, templating, layout, PDF) takes no more than 1.05 times what a
process running nothing but WeasyPrint takes for the same HTML. The two are run in turn,
one of each per round, so that a busy moment of a shared machine falls on both; the
figures are medians. The helper process that imports WeasyPrint while the command scores
(:mod:`clusterbench.report.printer`) needs a free second processor to gain anything: on a
machine whose processors are busy, the wall-clock ratio tends to the processor-time
ratio, printed too. Then the page count of the demo report in every language and for
the summary audience, and our own share of the time within one warm process.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

from clusterbench import score_file
from clusterbench.report.options import LANGUAGES
from clusterbench.report.render import _html, _options

from .common import BIN, ENV, ROOT, line

DEMO = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
ROUNDS = 9
TARGET = 1.05

# WeasyPrint alone, as a process: import, layout, PDF of a finished HTML file.
RAW = """
import sys
import weasyprint
weasyprint.HTML(filename=sys.argv[1], base_url=sys.argv[2]).write_pdf(sys.argv[3])
"""


def _run(argv: list[str], cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of one process; its processor seconds (with the helper process
    it waited for) appended to ``cpu``."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, check=False, cwd=ROOT, env=ENV)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode()}")
    if cpu is not None:
        cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    return took


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        html, dirs = _html(score_file(DEMO), _options("en", "full", None, None, None, None))
        page = folder / "report.html"
        page.write_text(html, encoding="utf-8")
        ours = [str(BIN / "clusterbench"), "report", str(DEMO), "-o", str(folder / "ours.pdf")]
        raw = [
            sys.executable,
            "-c",
            RAW,
            str(page),
            dirs[0].as_uri() + "/",
            str(folder / "raw.pdf"),
        ]
        _run(ours), _run(raw)  # warm-up: the page cache, Python's bytecode, Jinja's cache
        whole, alone, whole_cpu, alone_cpu = [], [], [], []
        load = os.getloadavg()[0]
        for _ in range(ROUNDS):
            whole.append(_run(ours, whole_cpu))
            alone.append(_run(raw, alone_cpu))
        print(
            f"report: {DEMO.relative_to(ROOT)} (en), {ROUNDS} rounds, one of each in turn; "
            f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after, "
            f"{os.cpu_count()} processors"
        )
        print(line("clusterbench report (whole process, PDF)", whole))
        print(line("WeasyPrint alone (whole process, same HTML)", alone))
        ratio = statistics.median(whole) / statistics.median(alone)
        verdict = "within" if ratio <= TARGET else "ABOVE"
        print(
            f"{'ratio of the medians (wall clock)':<58} {ratio:.3f} ({verdict} the target {TARGET})"
        )
        pairs = statistics.median(a / b for a, b in zip(whole, alone, strict=True))
        print(f"{'median of the ratios of each round (wall clock)':<58} {pairs:.3f}")
        print(line("processor time, clusterbench report (with its helper)", whole_cpu))
        print(line("processor time, WeasyPrint alone", alone_cpu))
        spent = statistics.median(whole_cpu) / statistics.median(alone_cpu)
        print(f"{'ratio of the medians (processor time)':<58} {spent:.3f}")
        for language in LANGUAGES:
            for audience in ("full", "summary"):
                out = folder / f"{language}-{audience}.pdf"
                argv = [*ours[:3], "-o", str(out), "--lang", language, "--audience", audience]
                _run(argv)
                pages = len(pypdf.PdfReader(out).pages)
                print(f"{f'pages, {language}, {audience}':<58} {pages}")

    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    options = _options("en", "full", None, None, None, None)
    fonts = FontConfiguration()
    mine, theirs = [], []
    for _ in range(5):
        started = time.perf_counter()
        scored = score_file(DEMO)
        html, dirs = _html(scored, options)
        middle = time.perf_counter()
        weasyprint.HTML(string=html, base_url=dirs[0].as_uri() + "/").render(
            font_config=fonts
        ).write_pdf()
        done = time.perf_counter()
        mine.append(middle - started)
        theirs.append(done - middle)
    print(line("warm process: load, score, view, charts, templating", mine, "ms"))
    print(line("warm process: WeasyPrint layout and PDF of the same HTML", theirs, "ms"))
    share = statistics.median(mine) / (statistics.median(mine) + statistics.median(theirs))
    print(f"{'our share of a warm process (median)':<58} {share:.1%}")


if __name__ == "__main__":
    main()
