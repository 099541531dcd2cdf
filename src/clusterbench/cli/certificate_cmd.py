"""``clusterbench certificate ASSESSMENT -o cert.pdf``: one page for an approved label."""

from __future__ import annotations

import argparse
import sys

from ..pipeline.files import STDOUT, Inputs, check_output, write_output
from ..pipeline.scoring import score_file
from .status import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """Score the assessment, then write the certificate of its approved label (``-o -``:
    standard output)."""
    from ..report.certificate import certificate_pdf  # WeasyPrint only when needed

    to_stdout = args.output == STDOUT
    if to_stdout and sys.stdout.isatty():
        raise UsageError("a PDF on a terminal is unreadable; redirect it: -o - > cert.pdf")
    if not to_stdout:
        check_output(args.output, Inputs([args.assessment]))  # before any work
    scored = score_file(args.assessment)
    data = certificate_pdf(scored, language=args.lang, draft=args.draft)
    written = write_output(
        args.output, data, stdout=sys.stdout.buffer, inputs=Inputs(scored.sources)
    )
    print(f"wrote {written}", file=sys.stderr if to_stdout else sys.stdout)
    return EXIT_OK
