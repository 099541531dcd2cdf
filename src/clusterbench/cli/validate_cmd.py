"""``clusterbench validate PATH...``"""

from __future__ import annotations

import argparse
import sys

from ..pipeline.validation import validate_paths
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .reporters import REPORTERS


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 0 when all are valid, 1 when any is not, 2 on a bad path."""
    try:
        report = validate_paths(args.paths, strict=args.strict)
    except FileNotFoundError as exc:
        print(f"clusterbench validate: {exc}: no such file or directory", file=sys.stderr)
        return EXIT_USAGE
    if not report.files:
        print("clusterbench validate: no .yaml or .yml files found", file=sys.stderr)
        return EXIT_USAGE
    REPORTERS[args.format](report, sys.stdout)
    return EXIT_OK if report.valid else EXIT_INVALID
