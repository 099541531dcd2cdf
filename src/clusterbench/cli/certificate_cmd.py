"""``clusterbench certificate ASSESSMENT -o cert.pdf``: one page for an approved label."""

from __future__ import annotations

import argparse

from .._extras import require_report
from ..pipeline.files import Inputs
from ..pipeline.scoring import score_file
from .language import language_for
from .output import Target
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Score the assessment, then write the certificate of its approved label (``-o -``:
    standard output)."""
    require_report(pdf=True)
    from ..report.certificate import certificate_pdf  # WeasyPrint only when needed

    target = Target(args.output)
    target.check(Inputs([args.assessment]), binary="a PDF certificate")  # before any work
    scored = score_file(args.assessment)
    language = language_for(scored.criteria, args.lang)  # a --lang the criteria lack: usage
    data = certificate_pdf(scored, language=language, draft=args.draft)
    target.say(f"wrote {target.write(data, Inputs(scored.sources))}")
    return EXIT_OK
