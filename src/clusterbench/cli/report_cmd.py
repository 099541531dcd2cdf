"""``clusterbench report ASSESSMENT -o OUT``"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .._extras import require_report
from .output import Target
from .status import EXIT_OK

if TYPE_CHECKING:
    from ..report.printer import Printer


def run(args: argparse.Namespace) -> int:
    """Score, then write the report in the format asked for (``-o -``: standard output)."""
    target = Target(args.output)
    path = target.path
    form = args.format or {".html": "html", ".htm": "html", ".json": "json"}.get(
        path.suffix.lower() if path is not None else "", "pdf"
    )
    if form != "json":
        require_report(pdf=form == "pdf")
    from ..pipeline.files import Inputs

    # A wrong -o costs nothing: checked before any work.
    target.check(
        Inputs([args.assessment, args.previous, args.cohort, args.logo]),
        binary="a PDF" if form == "pdf" else None,
    )
    if form != "pdf":
        return _write(args, target, form, None)
    # WeasyPrint is imported in a helper process while this one loads and scores.
    from ..report.printer import Printer

    printer = Printer.start()
    try:
        return _write(args, target, form, printer)
    finally:
        if printer is not None:
            printer.close()


def _write(args: argparse.Namespace, target: Target, form: str, printer: Printer | None) -> int:
    from ..pipeline.cohort import load_cohort
    from ..pipeline.files import Inputs
    from ..pipeline.scoring import score_file
    from .assumptions import parse_assumptions
    from .errors import print_peer_note
    from .language import language_for

    cohort = load_cohort(args.cohort) if args.cohort else None
    scored = score_file(
        args.assessment,
        criteria=args.criteria,
        previous=args.previous,
        assume=parse_assumptions(args.assume),
        cohort=cohort,
    )
    print_peer_note("report", cohort, scored.result)
    if form == "json":
        data = (scored.result.model_dump_json(indent=2) + "\n").encode("utf-8")
        written = target.write(data, Inputs([*scored.sources, args.cohort]))
        target.say(f"wrote {written}")
        return EXIT_OK
    # Imported here: scoring and validating never pay for Jinja2 or WeasyPrint.
    from ..report.render import pdf_report, render_html, report_inputs

    language = language_for(scored.criteria, args.lang)  # a --lang the criteria lack: usage
    inputs = report_inputs(scored, args.logo, args.cohort, templates=args.templates)
    if form == "html":
        html = render_html(
            scored,
            language=language,
            audience=args.audience,
            accent=args.accent,
            logo=args.logo,
            templates=args.templates,
        )
        target.say(f"wrote {target.write(html.encode('utf-8'), inputs)}")
        return EXIT_OK
    target.check(inputs)  # every input now known: before a second of layout
    pdf = pdf_report(
        scored,
        language=language,
        audience=args.audience,
        accent=args.accent,
        logo=args.logo,
        templates=args.templates,
        pdf_variant=args.pdf_variant,
        printer=printer,
    )
    for warning in pdf.warnings:
        print(f"clusterbench report: warning: {warning}", file=sys.stderr)
    written = target.write(pdf.data, inputs)
    target.say(f"wrote {written} ({len(pdf.data):,} bytes)")
    return EXIT_OK
