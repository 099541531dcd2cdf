"""Cohort files: built from many assessment files, read back for peer comparison."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import ClusterbenchError, CohortError, Issue, Severity, format_path
from ..loader.library import CriteriaLibrary
from ..loader.source import read_document
from ..models.cohort import Cohort
from ..models.result import Result
from ..scoring.cohort import build_cohort, single_version
from .files import write_atomically
from .scoring import score_parsed
from .validation import detect_kind, expand_paths

__all__ = ["BuiltCohort", "build_cohort_from", "load_cohort", "write_cohort"]


@dataclass(frozen=True, slots=True)
class BuiltCohort:
    """A cohort, and the files that could not be used (with why)."""

    cohort: Cohort
    skipped: tuple[tuple[str, str], ...]


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
    library = library or CriteriaLibrary()
    scored: list[tuple[str, Result]] = []
    skipped: list[tuple[str, str]] = []
    read = 0
    for path in expand_paths(paths):
        try:
            document = read_document(path)
            if detect_kind(document) != "assessment":
                continue
            read += 1
            scored.append((os.fspath(path), score_parsed(path, document, library=library).result))
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
    cohort = build_cohort(kept, by=by, min_size=min_size, assessments=read)
    return BuiltCohort(cohort, tuple(sorted(skipped)))


def write_cohort(cohort: Cohort, path: str | os.PathLike[str]) -> None:
    """Write a cohort as JSON, whole or not at all."""
    write_atomically(Path(path), (cohort.model_dump_json(indent=1) + "\n").encode("utf-8"))


def load_cohort(path: str | os.PathLike[str]) -> Cohort:
    """Read a cohort file; a CohortError says what is wrong with it."""
    name = os.fspath(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CohortError([_issue(name, "", "CB100", f"cannot read: {exc.strerror}")]) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise CohortError([_issue(name, "", "CB101", f"not a JSON cohort file: {exc}")]) from None
    try:
        return Cohort.model_validate(data)
    except ValidationError as exc:
        issues = [
            _issue(name, format_path(error["loc"]), "CB109", str(error["msg"]))
            for error in exc.errors(include_url=False)
        ]
        raise CohortError(issues) from None


def _issue(file: str, path: str, code: str, message: str) -> Issue:
    return Issue(file, None, None, path, code, Severity.ERROR, message)
