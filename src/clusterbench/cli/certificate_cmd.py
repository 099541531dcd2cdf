"""``clusterbench certificate ASSESSMENT -o cert.pdf``: one page for an approved label."""

from __future__ import annotations

import argparse

from ..pipeline.scoring import score_file
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Score the assessment, then write the certificate of its approved label."""
    from ..report.certificate import render_certificate  # WeasyPrint only when needed

    scored = score_file(args.assessment)
    written = render_certificate(scored, args.output, language=args.lang, draft=args.draft)
    print(f"wrote {written}")
    return EXIT_OK
