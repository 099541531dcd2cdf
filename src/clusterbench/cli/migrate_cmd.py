"""``clusterbench migrate ASSESSMENT --to ID@VERSION -o NEW``"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import AssessmentError, NotFoundError, ReportError
from ..loader.chain import AssessmentReader
from ..loader.criteria import find_criteria
from ..pipeline.files import STDOUT, Inputs, check_output, write_output
from ..pipeline.migrate import migrate
from .status import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """Write the assessment moved onto a later version of its criteria."""
    to_stdout = args.output == STDOUT
    reader = AssessmentReader()
    library = reader.library
    inputs = Inputs([args.assessment])
    if not to_stdout:
        if os.path.lexists(args.output) and not args.force:
            raise UsageError(f"{args.output} exists; use --force to overwrite it")
        check_output(args.output, inputs)  # before any work
    try:  # a path, or a bundled ID / ID@VERSION: the one criteria lookup
        found = find_criteria(args.to)
    except NotFoundError:
        target = library.get(args.to)  # a version the library knows otherwise
    else:
        target = library.file(found)
    checked = reader.read(args.assessment)
    if not checked.ok:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    from ..report.i18n import choose_language  # the comments are in the assessor's language
    from ..report.phrases import Phrases
    from ..report.phrases.migration import MigrationNotes

    try:
        language = choose_language(target, args.lang)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    notes = MigrationNotes(Phrases(language, target))
    folder = Path(args.assessment).parent if to_stdout else Path(args.output).parent
    moved = migrate(checked, target, library, notes, folder=folder)
    if checked.criteria is not None:
        inputs.add(library.source(checked.criteria))
    inputs.add(library.source(target))
    written = write_output(
        args.output, moved.text.encode("utf-8"), stdout=sys.stdout.buffer, inputs=inputs
    )
    say = sys.stderr if to_stdout else sys.stdout
    carried = moved.carried
    print(
        f"wrote {written}: {moved.source.reference} → {moved.target.reference}, "
        f"{len(carried.pairs)} answers carried over",
        file=say,
    )
    for new, old in moved.renamed.items():
        print(f"  renamed: {old} → {new}", file=say)
    if moved.dropped:
        print(f"  dropped (kept as comments): {', '.join(moved.dropped)}", file=say)
    if moved.questions:
        print(f"  left to answer: {', '.join(moved.questions)}", file=say)
    if moved.related:
        print(f"  also required now, under `related`: {', '.join(moved.related)}", file=say)
    if moved.recheck:
        shown = ", ".join(moved.recheck)
        print(f"  to check again (carried over, the question changed): {shown}", file=say)
    for warning in moved.warnings:
        print(f"  warning: {warning}", file=say)
    if moved.date_from is not None:
        print(
            f"  set assessment.date to the day of the new assessment, on or after "
            f"{moved.date_from.isoformat()} ({moved.target.reference} is in force from then)",
            file=say,
        )
    return EXIT_OK
