"""The folder the workbench serves: which files it may read and write, and what they hold.

Every path a request names is resolved here, once, and must stay inside the folder: a
``..``, an absolute path or a symlink that leads out is refused, and only regular
``.yaml`` files are assessments.  Files an assessment refers to (its previous
assessments, a criteria or related file) must lie inside the folder too.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import AssessmentError, ClusterbenchError, InputError, Issue, Severity
from ..loader.assessment import CheckedAssessment, read_assessment
from ..loader.library import CriteriaLibrary
from ..loader.source import read_document
from ..models.criteria import Criteria
from ..pipeline.scoring import Scored, score_checked
from ..pipeline.validation import detect_kind

__all__ = ["Entry", "OutsideFolderError", "Workspace", "digest"]


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "translated later"
    """Mark a message for the catalogs; it is translated where it is shown."""
    return message


class OutsideFolderError(ClusterbenchError):
    """A path that is not a file of the workbench's folder (or not one it may touch).

    The message is kept with its parts, so that each page says it in its own language.
    """

    def __init__(self, message: str, **parts: str) -> None:
        self.message, self.parts = message, parts
        super().__init__(message % parts)

    def said(self, gettext: Callable[[str], str]) -> str:
        """The message in the language of ``gettext``."""
        return gettext(self.message) % self.parts


@dataclass(frozen=True, slots=True)
class Entry:
    """One assessment file of the folder, as the folder page lists it."""

    name: str
    scored: Scored | None
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the file scored."""
        return self.scored is not None


@dataclass
class Workspace:
    """A folder of assessment files, and the criteria they are scored with."""

    folder: Path
    library: CriteriaLibrary = field(default_factory=CriteriaLibrary)
    _entries: dict[str, tuple[tuple[int, int], Entry]] = field(default_factory=dict)
    _opened: OrderedDict[tuple[str, str], str] = field(default_factory=OrderedDict)

    def __post_init__(self) -> None:
        self.folder = self.folder.resolve(strict=True)
        if not self.folder.is_dir():
            raise OutsideFolderError(N_("%(folder)s is not a folder"), folder=str(self.folder))

    # ------------------------------------------------------------ paths
    def path(self, name: str) -> Path:
        """The file ``name`` (a POSIX path relative to the folder), checked.

        Raises :class:`OutsideFolderError` for anything but a regular ``.yaml`` file inside.
        """
        relative = _relative(name)
        if relative is None:
            raise OutsideFolderError(
                N_("%(name)s is not an assessment file of this folder"), name=repr(name)
            )
        candidate = self.folder.joinpath(*relative.parts)
        self.inside(candidate)
        return candidate

    def inside(self, path: Path) -> Path:
        """``path`` resolved; OutsideFolderError if it leads out of the folder or is not a file."""
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError):  # missing, or a symlink loop
            raise OutsideFolderError(
                N_("%(name)s: no such file in this folder"), name=self.name(path)
            ) from None
        if not resolved.is_relative_to(self.folder):
            raise OutsideFolderError(N_("%(name)s leads outside the folder"), name=self.name(path))
        if not stat.S_ISREG(resolved.stat().st_mode):
            raise OutsideFolderError(N_("%(name)s is not a regular file"), name=self.name(path))
        return resolved

    def name(self, path: Path) -> str:
        """``path`` as the pages show it: relative to the folder, POSIX style."""
        try:
            return path.relative_to(self.folder).as_posix()
        except ValueError:
            return os.fspath(path)

    def new_path(self, name: str) -> Path:
        """Where a new assessment ``name`` would be written; OutsideFolderError if not allowed."""
        relative = _relative(name)
        if relative is None:
            raise OutsideFolderError(
                N_("%(name)s: name the file like fjord-cluster/2026-gold.yaml"), name=repr(name)
            )
        target = self.folder.joinpath(*relative.parts)
        parent = target.parent.resolve()
        if not parent.is_relative_to(self.folder):
            raise OutsideFolderError(N_("%(name)s leads outside the folder"), name=repr(name))
        if target.exists() or target.is_symlink():
            raise OutsideFolderError(N_("%(name)s exists already; choose another name"), name=name)
        return target

    # ------------------------------------------------------------ files
    def assessments(self) -> Iterator[Path]:
        """Every assessment file below the folder (hidden folders left out), sorted."""
        for path in sorted(self.folder.rglob("*")):
            relative = path.relative_to(self.folder)
            if path.suffix not in (".yaml", ".yml") or any(
                part.startswith(".") for part in relative.parts
            ):
                continue
            try:
                self.inside(path)
                document = read_document(path)
            except (OutsideFolderError, InputError):
                continue
            if detect_kind(document) == "assessment":
                yield path

    def entries(self) -> list[Entry]:
        """The folder page's rows, each file scored (again only when it changed)."""
        return [self.entry(path) for path in self.assessments()]

    def entry(self, path: Path) -> Entry:
        """One file checked and scored as `validate` and `score` would (again only when it
        changed), every file it uses checked to be inside the folder before it is read."""
        name = self.name(path)
        key = _stamp(path)
        cached = self._entries.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]
        try:
            checked = read_assessment(path, self.library)
            warnings = tuple(str(i) for i in checked.issues if not i.is_error)
            previous = self.previous_of(path, checked)
            scored = score_checked(checked, path=path, library=self.library, previous=previous)
            entry = Entry(name, scored, (), warnings)
        except InputError as exc:
            entry = Entry(name, None, tuple(str(issue) for issue in exc.errors))
        except ClusterbenchError as exc:
            entry = Entry(name, None, (str(exc),))
        self._entries[name] = (key, entry)
        return entry

    def previous_of(self, path: Path, checked: CheckedAssessment) -> Scored | None:
        """The previous assessment ``checked`` names, scored (once per version of its file).

        Raises AssessmentError when it cannot be scored, and OutsideFolderError when it lies
        outside the folder: a renewal is never decided without the assessment it renews.
        """
        stated = checked.assessment.previous if checked.assessment is not None else None
        if stated is None or stated.file is None:
            return None
        previous = path.parent / stated.file
        try:
            self.inside(previous)
        except OutsideFolderError as exc:
            raise AssessmentError([_issue(self.name(path), str(exc))]) from None
        entry = self.entry(previous)
        if entry.scored is None:
            why = f"its previous assessment {stated.file} cannot be scored; fix it first"
            raise AssessmentError([_issue(self.name(path), why)])
        return entry.scored

    def criteria_named(self, data: object, path: Path) -> Criteria | None:
        """The criteria a file's ``criteria:`` header names, whatever the rest holds."""
        ref = data.get("criteria") if isinstance(data, dict) else None
        criteria_id = (
            ref if isinstance(ref, str) else ref.get("id") if isinstance(ref, dict) else None
        )
        file = ref.get("file") if isinstance(ref, dict) else None
        try:
            if isinstance(file, str):
                return self.library.file(self.inside(path.parent / file))
            if isinstance(criteria_id, str):
                return self.library.get(criteria_id)
        except ClusterbenchError:
            return None
        return None

    def remember(self, name: str, text: str) -> None:
        """Keep a version a page opened, to show what changed since if a save conflicts."""
        self._opened[(name, digest(text))] = text
        self._opened.move_to_end((name, digest(text)))
        while len(self._opened) > _OPENED:
            self._opened.popitem(last=False)

    def opened(self, name: str, version: str) -> str | None:
        """The text of a version a page opened, if it is still remembered."""
        return self._opened.get((name, version))


_OPENED = 64
"""Versions remembered for conflict diffs (a few per open page)."""


def _issue(file: str, message: str) -> Issue:
    return Issue(file, None, None, "previous.file", "CB309", Severity.ERROR, message)


def _relative(name: str) -> PurePosixPath | None:
    """``name`` as a path below the folder, if it may name an assessment file there:
    relative, without `..` or hidden parts, ending in `.yaml` or `.yml`."""
    relative = PurePosixPath(name)
    if (
        not name
        or relative.is_absolute()
        or ".." in relative.parts
        or relative.suffix not in (".yaml", ".yml")
        or any(part.startswith(".") for part in relative.parts)
    ):
        return None
    return relative


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_mtime_ns, info.st_size


def digest(text: str) -> str:
    """The version of a file's text the pages compare before saving."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
