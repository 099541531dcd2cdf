"""``clusterbench new ID -o assessment.yaml``"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..loader.criteria import bundled_criteria, bundled_versions
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
    source = library.source(criteria)
    text = questionnaire(
        criteria,
        phrases_for(criteria, args.lang),
        library.dependencies(criteria),
        file=_reference(source, target.path),
    )
    written = target.write(text.encode("utf-8"), Inputs([source]))
    if not target.to_stdout:
        target.say(
            f"wrote {written}: {len(criteria.indicators)} questions of "
            f"{criteria.id} {criteria.version}"
        )
    return EXIT_OK


def _reference(source: Path | None, target: Path | None) -> str | None:
    """How the new file names criteria read from a file (not bundled): by their path from
    the new file, so that the assessment finds them wherever it is read from."""
    bundled = {p.resolve() for p in (*bundled_criteria().values(), *bundled_versions().values())}
    if source is None or source.resolve() in bundled:
        return None
    base = Path.cwd() if target is None else target.absolute().parent
    return Path(os.path.relpath(source.absolute(), base)).as_posix()
