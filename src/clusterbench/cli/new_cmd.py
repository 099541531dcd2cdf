"""``clusterbench new ID -o assessment.yaml``"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import ReportError
from ..loader.criteria import bundled_criteria, bundled_versions, find_criteria, load_criteria
from ..loader.library import CriteriaLibrary
from ..pipeline.files import STDOUT, Inputs, write_atomically
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
    to_stdout = args.output is None or args.output == STDOUT
    target = Path("-" if to_stdout else args.output)
    # Criteria from a file (not bundled) are named by their path from the new file, so
    # that the assessment finds them wherever it is read from.
    bundled = {p.resolve() for p in (*bundled_criteria().values(), *bundled_versions().values())}
    file = None
    if source.resolve() not in bundled:
        base = Path.cwd() if to_stdout else target.absolute().parent
        file = Path(os.path.relpath(source.absolute(), base)).as_posix()
    text = questionnaire(criteria, Phrases(language, criteria), related, file=file)
    if to_stdout:
        sys.stdout.write(text)
        return EXIT_OK
    if os.path.lexists(target) and not args.force:
        raise UsageError(f"{os.fspath(target)} exists; use --force to overwrite it")
    write_atomically(target, text.encode("utf-8"), inputs=Inputs([source]))
    print(
        f"wrote {os.fspath(target)}: {len(criteria.indicators)} questions of {criteria.id} {criteria.version}"
    )
    return EXIT_OK
