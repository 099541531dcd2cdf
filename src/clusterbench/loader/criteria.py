"""Loading criteria files: YAML → schema → semantics, every problem located."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .._resources import bundled_dir
from ..errors import CriteriaError, InputError, Issue, NotFoundError
from ..models.answer_types import suggest
from ..models.criteria import Criteria
from .diagnostics import schema_issues, with_reader_issues
from .kinds import check_header
from .limits import check_limits
from .semantics import check_criteria
from .source import Document, parse_text, read_document
from .versions import check_versioning

__all__ = [
    "FORMAT",
    "CheckedCriteria",
    "bundled_criteria",
    "bundled_versions",
    "check_criteria_document",
    "criteria_reference",
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
    check_limits(doc, Criteria, "criteria")
    try:
        criteria = Criteria.model_validate(doc.data)
    except ValidationError as exc:
        issues = with_reader_issues(doc, schema_issues(exc, doc, Criteria))
        return CheckedCriteria(None, doc, tuple(issues))
    found = (*doc.issues, *check_criteria(criteria, doc), *check_versioning(criteria, doc))
    return CheckedCriteria(criteria, doc, found)


def read_criteria(path: str | os.PathLike[str], *, display: str | None = None) -> CheckedCriteria:
    """Read and check one criteria file; raise :class:`CriteriaError` only if unreadable."""
    try:
        doc = read_document(path, display=display)
    except InputError as exc:
        raise CriteriaError(exc.issues) from None
    return check_criteria_document(doc)


_LISTED: dict[tuple[Path, int], tuple[Path, ...]] = {}


def _bundled_files() -> tuple[Path, ...]:
    """The bundled criteria files, listed again only when the folder changes (a register
    asks for them for every file it reads)."""
    folder = bundled_dir("criteria")
    key = (folder, os.stat(folder).st_mtime_ns)
    found = _LISTED.get(key)
    if found is None:
        _LISTED.clear()
        found = _LISTED[key] = tuple(sorted(folder.glob("*.yaml")))
    return found


def bundled_criteria() -> dict[str, Path]:
    """The bundled criteria files by id, each set's current version (``ID.yaml``).

    Earlier versions are bundled as ``ID@VERSION.yaml`` (see :func:`bundled_versions`).
    """
    return {p.stem: p for p in _bundled_files() if "@" not in p.stem}


def bundled_versions() -> dict[tuple[str, str], Path]:
    """The bundled earlier versions of criteria sets, by (id, version): ``ID@VERSION.yaml``."""
    found: dict[tuple[str, str], Path] = {}
    for path in _bundled_files():
        if "@" in path.stem:
            criteria_id, _, version = path.stem.rpartition("@")
            found[(criteria_id, version)] = path
    return found


def criteria_reference(source: str | os.PathLike[str]) -> Path | str:
    """What a criteria reference names: a file (a Path) or an id (``ID`` or ``ID@VERSION``).

    The one rule for every function and command that takes "an id or a path": a path
    that exists is a file, whatever it is (the reader says what is wrong with a folder or
    a FIFO), except a folder whose name is shaped like an id; a name with a path separator
    or a ``.yaml``/``.yml`` suffix is a file, and :class:`~clusterbench.NotFoundError`
    when it does not exist; anything else is an id.
    """
    text = os.fspath(source)
    path = Path(text)
    shaped_like_path = (
        path.suffix in (".yaml", ".yml")
        or os.sep in text
        or (os.altsep is not None and os.altsep in text)
    )
    try:
        info: os.stat_result | None = os.lstat(text)
    except (OSError, ValueError):  # ValueError: a NUL character, which no name can hold
        info = None
    if info is not None and (shaped_like_path or not stat.S_ISDIR(info.st_mode)):
        return path
    if shaped_like_path:
        raise NotFoundError(f"{text}: no such criteria file")
    return text


def find_criteria(source: str | os.PathLike[str]) -> Path:
    """The file for a path, or for a bundled criteria set: ``ID`` or ``ID@VERSION``
    (see :func:`criteria_reference`)."""
    found = criteria_reference(source)
    if isinstance(found, Path):
        return found
    text = found
    bundled = bundled_criteria()
    if text in bundled:
        return bundled[text]
    criteria_id, at, version = text.rpartition("@")
    if at and criteria_id in bundled:
        earlier = bundled_versions()
        if (criteria_id, version) in earlier:
            return earlier[(criteria_id, version)]
        current, _ = load_criteria_file(bundled[criteria_id])
        if current.version == version:
            return bundled[criteria_id]
        versions = sorted({current.version, *(v for i, v in earlier if i == criteria_id)})
        raise NotFoundError(
            f"no version {version!r} of {criteria_id}{suggest(version, versions)} "
            f"(bundled: {', '.join(versions)})"
        )
    known = ", ".join(bundled) or "none"
    name = criteria_id if at else text
    raise NotFoundError(f"no criteria {name!r}{suggest(name, bundled)} (bundled: {known})")


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
