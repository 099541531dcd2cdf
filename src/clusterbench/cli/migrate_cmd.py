"""``clusterbench migrate ASSESSMENT --to ID@VERSION -o NEW``"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import AssessmentError
from ..loader.chain import AssessmentReader
from ..pipeline.files import Inputs
from ..pipeline.migrate import migrate
from .language import phrases_for
from .output import Target
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Write the assessment moved onto a later version of its criteria."""
    target = Target(args.output)
    reader = AssessmentReader()
    library = reader.library
    inputs = Inputs([args.assessment])
    target.check(inputs, force=args.force)  # before any work
    destination = library.find(args.to)  # a path, ID or ID@VERSION: the one lookup
    checked = reader.read(args.assessment)
    if not checked.ok:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    from ..report.phrases.migration import MigrationNotes  # in the assessor's language

    notes = MigrationNotes(phrases_for(destination, args.lang))
    folder = Path(args.assessment).parent if target.path is None else target.path.parent
    moved = migrate(checked, destination, library, notes, folder=folder)
    if checked.criteria is not None:
        inputs.add(library.source(checked.criteria))
    inputs.add(library.source(destination))
    written = target.write(moved.text.encode("utf-8"), inputs)
    say = target.notes
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
