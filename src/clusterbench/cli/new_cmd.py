"""``clusterbench new ID -o assessment.yaml``"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import ClusterbenchError
from ..loader.criteria import find_criteria, load_criteria
from ..loader.library import CriteriaLibrary
from ..pipeline.files import write_atomically
from ..pipeline.questionnaire import questionnaire
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .errors import print_error


def run(args: argparse.Namespace) -> int:
    """Write the questionnaire; never overwrite a file unless --force."""
    try:
        criteria = load_criteria(find_criteria(args.criteria))
        related = CriteriaLibrary().dependencies(criteria)
    except ClusterbenchError as exc:
        print_error("new", exc)
        return EXIT_INVALID
    if args.lang is not None and args.lang not in criteria.languages:
        print(
            f"clusterbench new: {criteria.id} is written in {', '.join(criteria.languages)}, not {args.lang!r}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    text = questionnaire(criteria, language=args.lang, related=related)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output)
    if target.exists() and not args.force:
        print(
            f"clusterbench new: {os.fspath(target)} exists; use --force to overwrite it",
            file=sys.stderr,
        )
        return EXIT_USAGE
    write_atomically(target, text.encode("utf-8"))
    print(
        f"wrote {os.fspath(target)}: {len(criteria.indicators)} questions of {criteria.id} {criteria.version}"
    )
    return EXIT_OK
