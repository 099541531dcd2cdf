"""Validating many files at once, as CI does: every file checked, every Issue kept."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import ClusterbenchError, InputError, Issue, Severity
from ..models.criteria import Criteria
from ..models.requirements import CriteriaRequirement
from .criteria import CheckedCriteria, bundled_criteria, check_criteria_document, load_criteria
from .semantics import check_dependencies
from .source import Document, read_document

__all__ = [
    "FileKind",
    "FileReport",
    "ValidationReport",
    "detect_kind",
    "expand_paths",
    "validate_paths",
]

FileKind = Literal["criteria", "assessment", "unknown"]
_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class FileReport:
    """The outcome for one file."""

    file: str
    kind: FileKind
    issues: tuple[Issue, ...]

    @property
    def valid(self) -> bool:
        """True when the file has no error."""
        return not any(i.is_error for i in self.issues)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "file": self.file,
            "kind": self.kind,
            "valid": self.valid,
            "issues": [i.to_dict() for i in self.issues],
        }


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome for every file of a run."""

    files: tuple[FileReport, ...] = field(default_factory=tuple)

    @property
    def valid(self) -> bool:
        """True when no file has an error."""
        return all(f.valid for f in self.files)

    def count(self, severity: Severity) -> int:
        """How many Issues of this severity the run found."""
        return sum(1 for f in self.files for i in f.issues if i.severity is severity)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping with a summary."""
        return {
            "valid": self.valid,
            "summary": {
                "files": len(self.files),
                "invalid_files": sum(1 for f in self.files if not f.valid),
                "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING),
            },
            "files": [f.to_dict() for f in self.files],
        }


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given, and the ``*.yaml``/``*.yml`` files under directories, sorted.

    Raises FileNotFoundError for a path that does not exist.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in _SUFFIXES
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(os.fspath(raw))
    return found


def detect_kind(doc: Document) -> FileKind:
    """Criteria or assessment, from the ``kind`` header (or, failing that, the content)."""
    data = doc.data
    if not isinstance(data, dict):
        return "unknown"
    kind = data.get("kind")
    if kind in ("criteria", "assessment"):
        return kind  # type: ignore[no-any-return]
    if "indicators" in data and "levels" in data:
        return "criteria"
    if "answers" in data:
        return "assessment"
    return "unknown"


def _check(path: Path) -> tuple[FileKind, tuple[Issue, ...], CheckedCriteria | None]:
    try:
        doc = read_document(path)
    except InputError as exc:
        return "unknown", exc.issues, None
    kind = detect_kind(doc)
    if kind == "criteria":
        checked = check_criteria_document(doc)
        return kind, checked.issues, checked
    issue = doc.issue(
        ("kind",),
        "CB110",
        "cannot tell what this file is: start it with `kind: criteria` or `kind: assessment`",
    )
    return kind, (issue,), None


def validate_paths(
    paths: Sequence[str | os.PathLike[str]], *, strict: bool = False
) -> ValidationReport:
    """Check every criteria and assessment file under ``paths``; collect every Issue.

    Files are checked one by one, then against each other: a criteria set may require
    another (eligibility) that is bundled or among the files checked.
    """
    checked = [(path, *_check(path)) for path in expand_paths(paths)]
    known: dict[str, Criteria | None] = dict.fromkeys(bundled_criteria())
    for _, _, _, result in checked:
        if result is not None and result.criteria is not None:
            known[result.criteria.id] = result.criteria
    reports = []
    for path, kind, issues, result in checked:
        if result is not None and result.criteria is not None and result.ok:
            known_models = {**known, **_bundled_models(result.criteria, known)}
            issues = (*issues, *check_dependencies(result.criteria, result.document, known_models))
        if strict:
            issues = tuple(i.as_error() for i in issues)
        reports.append(FileReport(os.fspath(path), kind, tuple(sorted(issues, key=Issue.sort_key))))
    return ValidationReport(tuple(reports))


def _bundled_models(
    criteria: Criteria, known: dict[str, Criteria | None]
) -> dict[str, Criteria | None]:
    """Load the bundled sets this criteria file depends on (only those), to check levels."""
    wanted = {
        req.criteria
        for level in criteria.levels
        for req in level.requires
        if isinstance(req, CriteriaRequirement) and known.get(req.criteria, False) is None
    }
    loaded: dict[str, Criteria | None] = {}
    for criteria_id in wanted:
        try:
            loaded[criteria_id] = load_criteria(criteria_id)
        except ClusterbenchError:
            loaded[criteria_id] = None
    return loaded
