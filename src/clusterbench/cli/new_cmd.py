"""``clusterbench new ID -o assessment.yaml``"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..loader.criteria import find_criteria, load_criteria
from ..loader.library import CriteriaLibrary
from ..pipeline.files import STDOUT, Inputs, write_atomically
from ..pipeline.questionnaire import questionnaire
from .status import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """Write the questionnaire; never overwrite a file unless --force."""
    source = find_criteria(args.criteria)
    criteria = load_criteria(source)
    related = CriteriaLibrary().dependencies(criteria)
    if args.lang is not None and args.lang not in criteria.languages:
        raise UsageError(
            f"{criteria.id} is written in {', '.join(criteria.languages)}, not {args.lang!r}"
        )
    text = questionnaire(criteria, language=args.lang, related=related)
    if args.output is None or args.output == STDOUT:
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.output)
    if os.path.lexists(target) and not args.force:
        raise UsageError(f"{os.fspath(target)} exists; use --force to overwrite it")
    write_atomically(target, text.encode("utf-8"), inputs=Inputs([source]))
    print(
        f"wrote {os.fspath(target)}: {len(criteria.indicators)} questions of {criteria.id} {criteria.version}"
    )
    return EXIT_OK
