"""Validating many files at once, as CI does: every file checked, every Issue kept."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ClusterbenchError, InputError, Issue, Severity, capped
from ..kinds.registry import required_sets
from ..loader.assessment import CheckedAssessment
from ..loader.chain import AssessmentReader
from ..loader.cohort import check_cohort_document
from ..loader.criteria import CheckedCriteria, bundled_criteria, check_criteria_document
from ..loader.kinds import FileKind, detect_kind, unknown_kind
from ..loader.library import CriteriaLibrary
from ..loader.reader import find_files
from ..loader.semantics import check_dependencies
from ..loader.source import Document, read_document
from ..loader.versions import check_designations_related, check_lineage, check_run_versions
from ..models.criteria import Criteria
from ..scoring.examples import check_examples
from .scoring import check_decision, score_checked

__all__ = [
    "FileKind",
    "FileReport",
    "ValidationReport",
    "detect_kind",
    "expand_paths",
    "validate_paths",
]

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

    Raises :class:`~clusterbench.NotFoundError` for a path that does not exist; folders that cannot be
    searched are left out (:func:`validate_paths` reports them).
    """
    return list(find_files(paths, _SUFFIXES).files)


def validate_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    strict: bool = False,
    languages: Sequence[str] = (),
) -> ValidationReport:
    """Check every criteria, assessment and cohort file under ``paths``; collect every Issue.

    ``languages`` are the report languages the files must serve: a warning (CB311) for
    each assessment text without one of them, and for criteria not written in one.

    Criteria files are checked first, each on its own, then against each other (a set
    may require another, bundled or among the files) and by scoring their golden
    examples.  Assessment files are then checked against the criteria they answer,
    which may be among the files checked, with their previous assessments, exactly as
    ``score`` reads them.  Cohort files (JSON, given by name) are checked as ``--cohort``
    reads them.  Folders that cannot be searched are reported too.
    """
    found = find_files(paths, _SUFFIXES)
    read: list[tuple[Path, FileKind, Document | None, tuple[Issue, ...]]] = []
    for path in found.files:
        try:
            parsed = read_document(path)
        except InputError as exc:
            read.append((path, "unknown", None, exc.issues))
            continue
        read.append((path, detect_kind(parsed), parsed, ()))

    checked: dict[Path, CheckedCriteria] = {}
    library = CriteriaLibrary()
    for path, kind, doc, _ in read:
        if kind == "criteria" and doc is not None:
            checked[path] = check_criteria_document(doc)
            model = checked[path].criteria
            if model is not None and checked[path].ok:
                library.add(model)
    known: dict[str, Criteria | None] = dict.fromkeys(bundled_criteria())
    known.update({c.criteria.id: c.criteria for c in checked.values() if c.criteria is not None})
    for criteria_id in {c.criteria.id for c in checked.values() if c.ok and c.criteria}:
        known[criteria_id] = library.get(criteria_id)  # the current of the run's versions
    between = check_run_versions(
        [(c.criteria, c.document) for c in checked.values() if c.ok and c.criteria], library
    )

    reader = AssessmentReader(library, languages=languages)
    own = {os.fspath(path) for path, *_ in read}
    reports = [FileReport(issue.file, "unknown", (issue,)) for issue in found.issues]
    for path, kind, doc, issues in read:
        if kind == "criteria" and doc is not None:
            issues = _criteria_issues(checked[path], known, library, languages)
            issues = (*issues, *between.get(doc.file, ()))
        elif kind == "assessment" and doc is not None:
            read_assessment = reader.read(path, document=doc)
            issues = _with_decision(read_assessment, path, reader)
            # A previous file validated in this run reports its own problems once.
            name = os.fspath(path)
            issues = tuple(i for i in issues if i.file == name or i.file not in own)
        elif kind == "cohort" and doc is not None:
            issues = check_cohort_document(doc)[1]
        elif doc is not None:
            issues = (*doc.issues, unknown_kind(doc))
        if strict:
            issues = tuple(i.as_error() for i in issues)
        shown = sorted(capped(issues), key=Issue.sort_key)
        reports.append(FileReport(os.fspath(path), kind, tuple(shown)))
    return ValidationReport(tuple(reports))


def _criteria_issues(
    checked: CheckedCriteria,
    known: dict[str, Criteria | None],
    library: CriteriaLibrary,
    languages: Sequence[str],
) -> tuple[Issue, ...]:
    issues = checked.issues
    criteria = checked.criteria
    if criteria is None:
        return issues
    # The map against the version it supersedes: reported with the file's own errors.
    lineage = check_lineage(criteria, checked.document, library)
    if not checked.ok:
        return (*issues, *lineage)
    missing = [lang for lang in languages if lang not in criteria.languages]
    if missing:
        issues = (
            *issues,
            checked.document.issue(
                ("languages",),
                "CB311",
                f"written in {', '.join(criteria.languages)}: a report in {', '.join(missing)} "
                "cannot be made from these criteria",
                severity=Severity.WARNING,
            ),
        )
    for criteria_id in required_sets(criteria):
        if known.get(criteria_id, False) is None:  # bundled: load it to check its levels
            with contextlib.suppress(ClusterbenchError):
                known[criteria_id] = library.get(criteria_id)
    dependencies = [
        *check_dependencies(criteria, checked.document, known),
        *check_designations_related(criteria, checked.document, known),
    ]
    examples = [] if dependencies else list(check_examples(criteria, checked.document))
    return (*issues, *dependencies, *lineage, *examples)


def _with_decision(
    checked: CheckedAssessment, path: Path, reader: AssessmentReader
) -> tuple[Issue, ...]:
    """The file's Issues, and whether its decision claims a level the answers reach."""
    if not checked.ok or checked.assessment is None or checked.assessment.decision is None:
        return checked.issues
    try:
        scored = score_checked(checked, path=path, library=reader.library)
    except ClusterbenchError:
        return checked.issues  # what stops scoring is reported where it is found
    wrong = check_decision(scored, checked.document)
    return checked.issues if wrong is None else (*checked.issues, wrong)
