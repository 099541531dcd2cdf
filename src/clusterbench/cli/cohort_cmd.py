"""``clusterbench cohort build PATH... -o cohort.json``"""

from __future__ import annotations

import argparse
import sys

from ..pipeline.cohort import build_cohort_from, write_cohort
from ..pipeline.files import Inputs
from .output import Target
from .status import EXIT_INVALID, EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Build and write the cohort; list skipped files; exit 1 if any was skipped."""
    target = Target(args.output)
    target.check(Inputs(args.paths))  # a wrong -o costs nothing: checked before any work
    grouping = {"by": args.by} if args.by is not None else {}  # else the library's default
    built = build_cohort_from(args.paths, min_size=args.min_size, **grouping)
    cohort = built.cohort
    written = write_cohort(cohort, args.output, inputs=Inputs(built.sources), stdout=target.stdout)
    for path, reason in built.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    lines = [
        f"wrote {written}: {cohort.assessments} assessments, {cohort.organisations} "
        f"organisations, grouped by {cohort.by} (groups under {cohort.min_size} left out)"
    ]
    for criteria_id, section in cohort.criteria.items():
        groups = (
            ", ".join(f"{name} ({group.n})" for name, group in section.groups.items()) or "none"
        )
        lines.append(f"  {criteria_id} {section.version}: {groups}; {section.suppressed} left out")
    target.say("\n".join(lines))
    return EXIT_INVALID if built.skipped else EXIT_OK
