"""Cohort files: built from many assessment files, read back for peer comparison."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import ClusterbenchError, CohortError, InputError
from ..loader.chain import AssessmentReader
from ..loader.cohort import check_cohort_document
from ..loader.kinds import detect_kind
from ..loader.library import CriteriaLibrary
from ..loader.reader import find_files
from ..loader.source import read_document
from ..models.cohort import Cohort
from ..models.result import Result
from ..scoring.cohort import build_cohort, single_version
from .files import Inputs, write_atomically, write_output
from .scoring import score_parsed

__all__ = ["BuiltCohort", "build_cohort_from", "load_cohort", "write_cohort"]


@dataclass(frozen=True, slots=True)
class BuiltCohort:
    """A cohort, and the files that could not be used (with why)."""

    cohort: Cohort
    skipped: tuple[tuple[str, str], ...]
    sources: tuple[Path, ...] = ()
    """Every file read: the cohort file must not be written over one of them."""


def build_cohort_from(
    paths: Sequence[str | os.PathLike[str]],
    *,
    by: str = "portfolio",
    min_size: int = 5,
    library: CriteriaLibrary | None = None,
) -> BuiltCohort:
    """Score every assessment file under `paths` and summarise them anonymously.

    Criteria files among them are ignored; assessments that cannot be scored are
    skipped and listed, never fatal.
    """
    reader = AssessmentReader(library)
    scored: list[tuple[str, Result]] = []
    found = find_files(paths, (".yaml", ".yml"))
    skipped = [(issue.file, issue.message) for issue in found.issues]
    sources: dict[Path, None] = dict.fromkeys(found.files)
    for path in found.files:
        try:
            document = read_document(path)
            if detect_kind(document) != "assessment":
                continue
            done = score_parsed(path, document, reader=reader)
            sources.update(dict.fromkeys(done.sources))
            scored.append((os.fspath(path), done.result))
        except ClusterbenchError as exc:
            skipped.append((os.fspath(path), str(exc)))
    kept, left = single_version(result for _, result in scored)
    used = {result.criteria.id: result.criteria for result in kept}
    versions_left = {id(result) for result in left}
    for name, result in scored:
        if id(result) in versions_left:
            other, ours = result.criteria, used[result.criteria.id]
            skipped.append(
                (
                    name,
                    f"scored with another version of {other.id} ({other.version}, content "
                    f"{other.hash[:12]}) than the cohort's ({ours.version}, content "
                    f"{ours.hash[:12]}); a cohort holds one version of each criteria set",
                )
            )
    # `assessments` counts what the statistics are made of: files skipped are listed apart.
    cohort = build_cohort(kept, by=by, min_size=min_size)
    return BuiltCohort(cohort, tuple(sorted(skipped)), tuple(sources))


def write_cohort(
    cohort: Cohort,
    path: str | os.PathLike[str],
    *,
    inputs: Inputs | None = None,
    stdout: BinaryIO | None = None,
) -> str:
    """Write a cohort as JSON, whole or not at all, never over one of ``inputs``.

    ``-`` writes it to ``stdout``.  Returns where it was written.
    """
    data = (cohort.model_dump_json(indent=1) + "\n").encode("utf-8")
    if stdout is not None:
        return write_output(path, data, stdout=stdout, inputs=inputs)
    return str(write_atomically(path, data, inputs=inputs))


def load_cohort(path: str | os.PathLike[str]) -> Cohort:
    """Read a cohort file; a CohortError says what is wrong with it, located."""
    try:
        doc = read_document(path)
    except InputError as exc:
        raise CohortError(exc.issues) from None
    cohort, issues = check_cohort_document(doc)
    if cohort is None:
        raise CohortError([i for i in issues if i.is_error])
    return cohort
