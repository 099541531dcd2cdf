"""``clusterbench cohort build PATH... -o cohort.json``"""

from __future__ import annotations

import argparse
import sys

from ..pipeline.cohort import build_cohort_from, write_cohort
from ..pipeline.files import STDOUT, Inputs, check_output
from .status import EXIT_INVALID, EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Build and write the cohort; list skipped files; exit 1 if any was skipped."""
    if args.output != STDOUT:  # a wrong -o costs nothing: checked before any work
        check_output(args.output, Inputs(args.paths))
    built = build_cohort_from(args.paths, by=args.by, min_size=args.min_size)
    written = write_cohort(
        built.cohort, args.output, inputs=Inputs(built.sources), stdout=sys.stdout.buffer
    )
    report = sys.stderr if args.output == STDOUT else sys.stdout  # stdout may be the cohort
    cohort = built.cohort
    for path, reason in built.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    print(
        f"wrote {written}: {cohort.assessments} assessments, {cohort.organisations} organisations, "
        f"grouped by {cohort.by} (groups under {cohort.min_size} left out)",
        file=report,
    )
    for criteria_id, section in cohort.criteria.items():
        groups = (
            ", ".join(f"{name} ({group.n})" for name, group in section.groups.items()) or "none"
        )
        print(
            f"  {criteria_id} {section.version}: {groups}; {section.suppressed} left out",
            file=report,
        )
    return EXIT_INVALID if built.skipped else EXIT_OK
