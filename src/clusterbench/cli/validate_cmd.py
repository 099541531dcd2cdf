"""``clusterbench validate PATH...``"""

from __future__ import annotations

import argparse
import sys

from ..pipeline.validation import validate_paths
from .reporters import REPORTERS
from .status import EXIT_INVALID, EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 0 when all are valid, 1 when any is not, 2 on a bad path."""
    report = validate_paths(args.paths, strict=args.strict, languages=args.lang)
    if not report.files:
        raise UsageError("no .yaml or .yml files found")
    REPORTERS[args.format](report, sys.stdout)
    return EXIT_OK if report.valid else EXIT_INVALID
