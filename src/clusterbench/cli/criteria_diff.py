"""``clusterbench criteria diff A B``: what changed from one criteria version to another."""

from __future__ import annotations

import argparse
import json
import sys

from ..loader.library import CriteriaLibrary
from ..scoring.diff import diff_criteria
from .console import emit
from .language import phrases_for
from .status import EXIT_OK

__all__ = ["run_diff"]


def run_diff(args: argparse.Namespace) -> int:
    """Print what changed from criteria A to criteria B (each a path, ``ID`` or ``ID@VERSION``)."""
    library = CriteriaLibrary()
    old, new = library.find(args.old), library.find(args.new)
    for given in (old, new):
        library.add(given)  # versions given as files count when following `supersedes`
    found = diff_criteria(old, new, library.lineage(old, new))
    if args.format == "json":
        emit(json.dumps(found.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from ..report.phrases.diff import diff_lines  # Babel: only for the diff in words

    say = phrases_for(new, args.lang)
    related = {**library.dependencies(old), **library.dependencies(new)}
    sys.stdout.write("\n".join(diff_lines(found, say, related)) + "\n")
    return EXIT_OK
