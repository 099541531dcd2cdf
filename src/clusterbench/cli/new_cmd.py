"""``clusterbench new ID -o assessment.yaml``"""

from __future__ import annotations

import argparse

from ..loader.library import CriteriaLibrary
from ..pipeline.files import Inputs
from .language import phrases_for
from .output import Target
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Write the questionnaire; never overwrite a file unless --force."""
    from ..report.phrases import questionnaire  # Babel: the questionnaire's words

    target = Target(args.output)
    target.check(force=args.force)  # before any work
    library = CriteriaLibrary()
    criteria = library.find(args.criteria)
    text = questionnaire(criteria, phrases_for(criteria, args.lang), library.dependencies(criteria))
    written = target.write(text.encode("utf-8"), Inputs([library.source(criteria)]))
    if not target.to_stdout:
        target.say(
            f"wrote {written}: {len(criteria.indicators)} questions of "
            f"{criteria.id} {criteria.version}"
        )
    return EXIT_OK
