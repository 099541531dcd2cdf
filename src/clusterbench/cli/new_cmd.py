"""``clusterbench new ID -o assessment.yaml``"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import ReportError
from ..loader.criteria import find_criteria, load_criteria
from ..loader.library import CriteriaLibrary
from ..pipeline.files import STDOUT, Inputs, write_atomically, write_output
from .status import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """Write the questionnaire; never overwrite a file unless --force."""
    # Imported here: the questionnaire's words need Babel, validating does not.
    from ..report.i18n import choose_language
    from ..report.phrases import Phrases, questionnaire

    source = find_criteria(args.criteria)
    criteria = load_criteria(source)
    related = CriteriaLibrary().dependencies(criteria)
    try:
        language = choose_language(criteria, args.lang)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    text = questionnaire(criteria, Phrases(language, criteria), related)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if args.output == STDOUT:  # standard output must not be the criteria file read
        sys.stdout.flush()
        write_output(
            STDOUT, text.encode("utf-8"), stdout=sys.stdout.buffer, inputs=Inputs([source])
        )
        return EXIT_OK
    target = Path(args.output)
    if os.path.lexists(target) and not args.force:
        raise UsageError(f"{os.fspath(target)} exists; use --force to overwrite it")
    write_atomically(target, text.encode("utf-8"), inputs=Inputs([source]))
    print(
        f"wrote {os.fspath(target)}: {len(criteria.indicators)} questions of {criteria.id} {criteria.version}"
    )
    return EXIT_OK
