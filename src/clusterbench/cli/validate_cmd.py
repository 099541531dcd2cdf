"""``clusterbench validate PATH...``"""

from __future__ import annotations

import argparse
import io
import sys

from ..pipeline.validation import validate_paths
from .console import emit
from .reporters import REPORTERS
from .status import EXIT_INVALID, EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 0 when all are valid, 1 when any is not, 2 on a bad path."""
    report = validate_paths(args.paths, strict=args.strict, languages=args.lang)
    if not report.files:
        raise UsageError("no .yaml or .yml files found")
    if args.format == "text":  # for people: what the terminal cannot show gets stand-ins
        REPORTERS["text"](report, sys.stdout)
    else:  # for machines (JSON, GitHub annotations): UTF-8, unaltered
        made = io.StringIO()
        REPORTERS[args.format](report, made)
        emit(made.getvalue())
    return EXIT_OK if report.valid else EXIT_INVALID
