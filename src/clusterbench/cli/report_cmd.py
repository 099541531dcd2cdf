"""``clusterbench report ASSESSMENT -o OUT``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..pipeline.files import STDOUT
from .status import EXIT_OK, UsageError

if TYPE_CHECKING:
    from ..report.printer import Printer


def run(args: argparse.Namespace) -> int:
    """Score, then write the report in the format asked for (``-o -``: standard output)."""
    to_stdout = args.output == STDOUT
    output = Path(args.output)
    form = args.format or {".html": "html", ".htm": "html", ".json": "json"}.get(
        output.suffix.lower() if not to_stdout else "", "pdf"
    )
    if to_stdout and form == "pdf" and sys.stdout.isatty():
        raise UsageError("a PDF on a terminal is unreadable; redirect it: -o - > report.pdf")
    if form != "pdf":
        return _write(args, output, form, to_stdout, None)
    # WeasyPrint is imported in a helper process while this one loads and scores.
    from ..report.printer import Printer

    printer = Printer.start()
    try:
        return _write(args, output, form, to_stdout, printer)
    finally:
        if printer is not None:
            printer.close()


def _write(
    args: argparse.Namespace, output: Path, form: str, to_stdout: bool, printer: Printer | None
) -> int:
    from ..pipeline.cohort import load_cohort
    from ..pipeline.files import Inputs, check_output, check_stdout, write_output
    from ..pipeline.scoring import score_file
    from .assumptions import parse_assumptions
    from .errors import print_peer_note

    given = Inputs([args.assessment, args.previous, args.cohort, args.logo])
    if to_stdout:  # a wrong -o costs nothing: checked before any work
        check_stdout(sys.stdout.buffer, given)
    else:
        check_output(output, given)
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
        inputs = Inputs([*scored.sources, args.cohort])
        _say(write_output(args.output, data, stdout=sys.stdout.buffer, inputs=inputs), to_stdout)
        return EXIT_OK
    # Imported here: scoring and validating never pay for Jinja2, Babel or WeasyPrint.
    from ..report.render import pdf_report, render_html, report_inputs

    inputs = report_inputs(scored, args.logo, args.cohort, templates=args.templates)
    if form == "html":
        html = render_html(
            scored,
            language=args.lang,
            audience=args.audience,
            accent=args.accent,
            logo=args.logo,
            templates=args.templates,
        )
        written = write_output(
            args.output, html.encode("utf-8"), stdout=sys.stdout.buffer, inputs=inputs
        )
        _say(written, to_stdout)
        return EXIT_OK
    if not to_stdout:
        check_output(output, inputs)  # every input now known: before a second of layout
    pdf = pdf_report(
        scored,
        language=args.lang,
        audience=args.audience,
        accent=args.accent,
        logo=args.logo,
        templates=args.templates,
        pdf_variant=args.pdf_variant,
        printer=printer,
    )
    for warning in pdf.warnings:
        print(f"clusterbench report: warning: {warning}", file=sys.stderr)
    written = write_output(args.output, pdf.data, stdout=sys.stdout.buffer, inputs=inputs)
    _say(f"{written} ({len(pdf.data):,} bytes)", to_stdout)
    return EXIT_OK


def _say(written: str, to_stdout: bool) -> None:
    # With -o -, standard output is the report: the note goes to standard error.
    print(f"wrote {written}", file=sys.stderr if to_stdout else sys.stdout)
