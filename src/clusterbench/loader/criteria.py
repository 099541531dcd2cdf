"""Loading criteria files: YAML → schema → semantics, every problem located."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .._resources import bundled_dir
from ..errors import CriteriaError, InputError, Issue, NotFoundError
from ..models.answer_types import suggest
from ..models.criteria import Criteria
from .diagnostics import schema_issues, with_reader_issues
from .kinds import check_header
from .semantics import check_criteria
from .source import Document, parse_text, read_document

__all__ = [
    "FORMAT",
    "CheckedCriteria",
    "bundled_criteria",
    "check_criteria_document",
    "find_criteria",
    "load_criteria",
    "load_criteria_file",
    "parse_criteria",
    "read_criteria",
]


@dataclass(frozen=True, slots=True)
class CheckedCriteria:
    """A criteria file read and checked: the model (None if invalid), its source, its Issues."""

    criteria: Criteria | None
    document: Document
    issues: tuple[Issue, ...]

    @property
    def ok(self) -> bool:
        """True when there is a model and no error (warnings allowed)."""
        return self.criteria is not None and not any(i.is_error for i in self.issues)


FORMAT = 1
"""The criteria format version this clusterbench reads."""


def check_criteria_document(doc: Document) -> CheckedCriteria:
    """Validate parsed YAML as criteria: header, schema, then the semantic checks."""
    header = check_header(doc, "criteria", FORMAT)
    if header is not None:
        return CheckedCriteria(None, doc, (*doc.issues, header))
    try:
        criteria = Criteria.model_validate(doc.data)
    except ValidationError as exc:
        issues = with_reader_issues(doc, schema_issues(exc, doc, Criteria))
        return CheckedCriteria(None, doc, tuple(issues))
    return CheckedCriteria(criteria, doc, (*doc.issues, *check_criteria(criteria, doc)))


def read_criteria(path: str | os.PathLike[str], *, display: str | None = None) -> CheckedCriteria:
    """Read and check one criteria file; raise :class:`CriteriaError` only if unreadable."""
    try:
        doc = read_document(path, display=display)
    except InputError as exc:
        raise CriteriaError(exc.issues) from None
    return check_criteria_document(doc)


def bundled_criteria() -> dict[str, Path]:
    """Bundled criteria files by id (the file name without ``.yaml``)."""
    folder = bundled_dir("criteria")
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def find_criteria(source: str | os.PathLike[str]) -> Path:
    """The file for a path, or for the id of a bundled criteria set."""
    path = Path(source)
    if os.path.lexists(path) and not path.is_dir():
        return path  # whatever it is, the reader says what is wrong with it
    text = os.fspath(source)
    bundled = bundled_criteria()
    if text in bundled:
        return bundled[text]
    if path.suffix in (".yaml", ".yml") or os.sep in text:
        raise NotFoundError(f"{text}: no such criteria file")
    known = ", ".join(bundled) or "none"
    raise NotFoundError(f"no criteria {text!r}{suggest(text, bundled)} (bundled: {known})")


def parse_criteria(text: str | bytes, *, name: str = "<criteria>") -> Criteria:
    """Parse criteria from YAML text (for criteria kept elsewhere than in a file).

    Raises :class:`~clusterbench.CriteriaError` carrying every located error; ``name``
    stands for the file name in the Issues.
    """
    try:
        doc = parse_text(text, name)
    except InputError as exc:
        raise CriteriaError(exc.issues) from None
    return _accept(check_criteria_document(doc))


def _accept(checked: CheckedCriteria) -> Criteria:
    if not checked.ok or checked.criteria is None:
        raise CriteriaError([i for i in checked.issues if i.is_error])
    return checked.criteria


def load_criteria_file(path: str | os.PathLike[str]) -> tuple[Criteria, str]:
    """Load the criteria file at ``path`` and the text it was read from.

    Raises :class:`~clusterbench.CriteriaError`.
    """
    checked = read_criteria(path)
    return _accept(checked), checked.document.text


def load_criteria(source: str | os.PathLike[str]) -> Criteria:
    """Load a criteria file by path or bundled id.

    Raises :class:`~clusterbench.NotFoundError` when there is no such file or id, and
    :class:`~clusterbench.CriteriaError` carrying every located error when it is invalid.
    Warnings do not stop loading; ``clusterbench validate --strict`` reports them.
    """
    return _accept(read_criteria(find_criteria(source)))
