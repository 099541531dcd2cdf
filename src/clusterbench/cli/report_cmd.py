"""``clusterbench report ASSESSMENT -o OUT``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..pipeline.cohort import load_cohort
from ..pipeline.files import write_atomically
from ..pipeline.scoring import score_file
from .errors import print_peer_note
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Score, then write the report in the format asked for."""
    output = Path(args.output)
    form = args.format or {".html": "html", ".htm": "html", ".json": "json"}.get(
        output.suffix.lower(), "pdf"
    )
    cohort = load_cohort(args.cohort) if args.cohort else None
    scored = score_file(
        args.assessment, criteria=args.criteria, previous=args.previous, cohort=cohort
    )
    print_peer_note("report", cohort, scored.result)
    if form == "json":
        write_atomically(output, (scored.result.model_dump_json(indent=2) + "\n").encode("utf-8"))
        print(f"wrote {output}")
        return EXIT_OK
    # Imported here: scoring and validating never pay for Jinja2, Babel or WeasyPrint.
    from ..report.render import render_html, render_pdf

    if form == "html":
        html = render_html(
            scored,
            language=args.lang,
            audience=args.audience,
            accent=args.accent,
            logo=args.logo,
            templates=args.templates,
        )
        write_atomically(output, html.encode("utf-8"))
        print(f"wrote {output}")
        return EXIT_OK
    rendered = render_pdf(
        scored,
        output,
        language=args.lang,
        audience=args.audience,
        accent=args.accent,
        logo=args.logo,
        templates=args.templates,
        pdf_variant=args.pdf_variant,
    )
    for warning in rendered.warnings:
        print(f"clusterbench report: warning: {warning}", file=sys.stderr)
    print(f"wrote {rendered.path} ({rendered.size:,} bytes)")
    return EXIT_OK
