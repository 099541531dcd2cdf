"""``clusterbench criteria diff A B``: what changed from one criteria version to another."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ReportError
from ..loader.library import CriteriaLibrary
from ..models.criteria import Criteria
from ..scoring.diff import diff_criteria
from .status import EXIT_OK, UsageError

__all__ = ["run_diff"]


def _criteria(library: CriteriaLibrary, name: str) -> Criteria:
    """A path, ``ID`` or ``ID@VERSION``."""
    if name.endswith((".yaml", ".yml")) or "/" in name:
        return library.file(name)
    return library.get(name)


def run_diff(args: argparse.Namespace) -> int:
    """Print what changed from criteria A to criteria B."""
    library = CriteriaLibrary()
    old, new = _criteria(library, args.old), _criteria(library, args.new)
    for given in (old, new):
        library.add(given)  # versions given as files count when following `supersedes`
    found = diff_criteria(old, new, library.lineage(old, new))
    if args.format == "json":
        json.dump(found.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    from ..report.i18n import choose_language  # Babel: only for the diff in words
    from ..report.phrases import Phrases
    from ..report.phrases.diff import diff_lines

    try:
        language = choose_language(new, args.lang)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    related = {**library.dependencies(old), **library.dependencies(new)}
    sys.stdout.write("\n".join(diff_lines(found, Phrases(language, new), related)) + "\n")
    return EXIT_OK
