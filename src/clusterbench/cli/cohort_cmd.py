"""``clusterbench cohort build PATH... -o cohort.json``"""

from __future__ import annotations

import argparse
import sys

from ..errors import ClusterbenchError
from ..pipeline.cohort import build_cohort_from, write_cohort
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .errors import print_error


def run(args: argparse.Namespace) -> int:
    """Build and write the cohort; list skipped files; exit 1 if any was skipped."""
    if args.min_size < 1:
        print("clusterbench cohort build: --min-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        built = build_cohort_from(args.paths, by=args.by, min_size=args.min_size)
        write_cohort(built.cohort, args.output)
    except FileNotFoundError as exc:
        print(f"clusterbench cohort build: {exc}: no such file or directory", file=sys.stderr)
        return EXIT_USAGE
    except ClusterbenchError as exc:
        print_error("cohort build", exc)
        return EXIT_INVALID
    cohort = built.cohort
    for path, reason in built.skipped:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    print(
        f"wrote {args.output}: {cohort.assessments} assessments, {cohort.organisations} organisations, "
        f"grouped by {cohort.by} (groups under {cohort.min_size} left out)"
    )
    for criteria_id, section in cohort.criteria.items():
        groups = (
            ", ".join(f"{name} ({group.n})" for name, group in section.groups.items()) or "none"
        )
        print(f"  {criteria_id} {section.version}: {groups}; {section.suppressed} left out")
    return EXIT_INVALID if built.skipped else EXIT_OK
