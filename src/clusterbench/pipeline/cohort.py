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
from ..scoring.cohort import build_cohort
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
    results: list[Result] = []
    skipped: list[tuple[str, str]] = []
    read = 0
    for path in expand_paths(paths):
        try:
            document = read_document(path)
            if detect_kind(document) != "assessment":
                continue
            read += 1
            results.append(score_parsed(path, document, library=library).result)
        except ClusterbenchError as exc:
            skipped.append((os.fspath(path), str(exc)))
    cohort = build_cohort(results, by=by, min_size=min_size, assessments=read)
    return BuiltCohort(cohort, tuple(skipped))


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
