"""`clusterbench certificate`: one page for an approved label, cold and warm.

Cold is the whole process (imports, scoring, WeasyPrint's first layout); warm is one more
certificate in a process that has already made one (fonts and template loaded), as
`batch --certificates` makes them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from clusterbench.pipeline.scoring import score_file
from clusterbench.report.certificate import certificate_pdf

from .common import BIN, ROOT, line, time_call, time_command

GOLD = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"


def main() -> None:
    scored = score_file(GOLD)
    for language in ("en", "nb"):
        print(
            line(
                f"certificate_pdf: the Gold of 2021 ({language}, warm)",
                time_call(lambda lang=language: certificate_pdf(scored, language=lang), repeat=10),
                "ms",
            )
        )
    print(
        line(
            "score_file + certificate_pdf (warm)",
            time_call(lambda: certificate_pdf(score_file(GOLD), language="en"), repeat=10),
            "ms",
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "cert.pdf"
        command = [str(BIN / "clusterbench"), "certificate", str(GOLD), "-o", str(out)]
        print(line("clusterbench certificate (whole process, cold)", time_command(command)))
        print(f"  {out.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
