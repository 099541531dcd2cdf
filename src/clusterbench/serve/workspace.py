"""The folder the workbench serves: what its files hold, checked and scored as `score` would.

Every file is read by the loader's own reader with a criteria library limited to the
folder (``CriteriaLibrary(roots=...)``): a criteria file, a previous assessment or a
related set's assessment outside it is refused before it is opened, and the page says
only that it leads outside.  Files are read once while they stay as they are: the
reader and the library are kept until a file they read (or a file an assessment names
but that was missing) changes on disk.  The reader keeps state while it follows a
chain, so reading and scoring run one at a time; saving is serialised per file.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClusterbenchError, InputError, Issue
from ..loader.assessment import CheckedAssessment
from ..loader.chain import AssessmentReader
from ..loader.kinds import detect_kind
from ..loader.library import CriteriaLibrary
from ..loader.source import Document, read_document
from ..models.assessment import RelatedAnswers
from ..models.criteria import Criteria
from ..pipeline.scoring import Scored, check_decision, score_checked
from .paths import N_, Folder, OutsideFolderError, relative_name, shown

__all__ = ["Entry", "Evaluation", "Workspace", "digest"]

Stamp = tuple[int, int, int] | None
"""A file's inode, modification time and size; None when it does not exist."""


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


@dataclass(frozen=True, slots=True)
class Evaluation:
    """An assessment's data checked and scored: the score (None when it has errors) and
    every problem, exactly as `validate` and `score` would find them in a file."""

    scored: Scored | None
    issues: tuple[Issue, ...]
    checked: CheckedAssessment | None

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Only the errors."""
        return tuple(i for i in self.issues if i.is_error)


class Workspace(Folder):
    """A folder of assessment files, and the criteria they are scored with."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self._reading = threading.RLock()
        self._seen: dict[Path, Stamp] = {}
        self.library = CriteriaLibrary(roots=(self.folder,))
        self._reader = AssessmentReader(self.library)
        self._entries: dict[str, tuple[dict[Path, Stamp], Entry]] = {}
        self._kinds: dict[Path, tuple[Stamp, str]] = {}
        self._opened: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._saving: dict[Path, threading.Lock] = {}
        self._saving_lock = threading.Lock()

    # ------------------------------------------------------------ reading
    def _fresh(self) -> AssessmentReader:
        """The reader, made anew (with a new library) when a file it read has changed."""
        if any(_stamp(path) != stamp for path, stamp in self._seen.items()):
            self.library = CriteriaLibrary(roots=(self.folder,))
            self._reader = AssessmentReader(self.library)
            self._seen.clear()
        return self._reader

    def _note(self, checked: CheckedAssessment, path: Path) -> dict[Path, Stamp]:
        """The files ``checked`` (at ``path``) was made from, each with its stamp now."""
        files = {path: _stamp(path)}
        files.update((f, _stamp(f)) for f in _depends(checked, path.parent, self.library))
        self._seen.update(files)
        return files

    def evaluate(self, document: Document, path: Path) -> Evaluation:
        """Check and score ``document``, a version of the file at ``path``, as `validate`
        and `score` would the file (its previous and related files read from disk)."""
        with self._reading:
            checked = self._fresh().check(document, path)
            self._note(checked, path)
            return self._score(checked, path, document)

    def _score(self, checked: CheckedAssessment, path: Path, document: Document) -> Evaluation:
        if not checked.ok:
            return Evaluation(None, checked.issues, checked)
        try:
            scored = score_checked(checked, path=path, library=self.library)
        except InputError as exc:
            return Evaluation(None, (*checked.issues, *exc.issues), checked)
        wrong = check_decision(scored, document)
        issues = checked.issues if wrong is None else (*checked.issues, wrong)
        return Evaluation(scored, issues, checked)

    def entries(self) -> list[Entry]:
        """The folder page's rows, each file scored (again only when a file it uses changed)."""
        return [self.entry(path) for path in self.assessments()]

    def entry(self, path: Path) -> Entry:
        """One file checked and scored as `validate` and `score` would."""
        name = self.name(path)
        with self._reading:
            cached = self._entries.get(name)
            if cached is not None and all(_stamp(f) == s for f, s in cached[0].items()):
                return cached[1]
            reader = self._fresh()
            try:
                checked = reader.read(path)
            except InputError as exc:
                entry = Entry(name, None, tuple(str(issue) for issue in exc.errors))
                self._entries[name] = ({path: _stamp(path)}, entry)
                return entry
            files = self._note(checked, path)
            evaluation = self._score(checked, path, checked.document)
            if evaluation.scored is None:
                entry = Entry(name, None, tuple(str(i) for i in evaluation.errors))
            else:
                warnings = tuple(str(i) for i in evaluation.issues if not i.is_error)
                entry = Entry(name, evaluation.scored, (), warnings)
            self._entries[name] = (files, entry)
            return entry

    def dependencies(self, criteria: Criteria) -> dict[str, Criteria]:
        """The criteria sets ``criteria`` requires (eligibility), as far as they are found."""
        with self._reading:
            return self._fresh().library.dependencies(criteria)

    def bundled(self, criteria_id: str) -> Criteria:
        """The bundled criteria set ``criteria_id`` (raises NotFoundError)."""
        with self._reading:
            return self._fresh().library.get(criteria_id)

    def criteria_named(self, data: object, path: Path) -> Criteria | None:
        """The criteria a file's ``criteria:`` header names, whatever the rest holds."""
        ref = data.get("criteria") if isinstance(data, dict) else None
        criteria_id = (
            ref if isinstance(ref, str) else ref.get("id") if isinstance(ref, dict) else None
        )
        file = ref.get("file") if isinstance(ref, dict) else None
        with self._reading:
            library = self._fresh().library
            try:
                if isinstance(file, str):
                    return library.file(self.inside(path.parent / file))
                if isinstance(criteria_id, str):
                    return library.get(criteria_id)
            except ClusterbenchError:
                return None
        return None

    def criteria_file(self, name: str) -> Criteria:
        """The criteria file ``name`` of the folder (raises OutsideFolderError, InputError)."""
        path = self.inside(self.folder / name) if relative_name(name) else None
        if path is None or self.name(path) != name or self._kind(path) != "criteria":
            raise OutsideFolderError(
                N_("%(name)s is not a criteria file of this folder"), name=shown(name)
            )
        with self._reading:
            return self._fresh().library.file(path)

    # ------------------------------------------------------------ files
    def _yaml_files(self) -> Iterator[tuple[Path, str]]:
        """Every YAML file below the folder by its one name (hidden folders and links to
        files listed under their own name left out), with its kind, sorted."""
        for path in sorted(self.folder.rglob("*")):
            relative = path.relative_to(self.folder)
            if relative_name(relative.as_posix()) is None:
                continue
            try:
                real = self.inside(path)
            except OutsideFolderError:
                continue
            if self.name(real) == relative.as_posix():
                yield real, self._kind(real)

    def _kind(self, path: Path) -> str:
        """What a YAML file holds (`assessment`, `criteria` ...; `unreadable`), once per version."""
        stamp = _stamp(path)
        known = self._kinds.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        try:
            kind: str = detect_kind(read_document(path))
        except InputError:
            kind = "unreadable"
        self._kinds[path] = (stamp, kind)
        return kind

    def assessments(self) -> Iterator[Path]:
        """Every assessment file below the folder (hidden folders left out), sorted."""
        return (path for path, kind in self._yaml_files() if kind == "assessment")

    def criteria_files(self) -> list[str]:
        """The names of the criteria files below the folder, sorted."""
        return [self.name(path) for path, kind in self._yaml_files() if kind == "criteria"]

    # ------------------------------------------------------------ versions and saving
    def remember(self, name: str, text: str) -> None:
        """Keep a version a page opened or saved, to show what changed since if a save
        conflicts."""
        key = (name, digest(text))
        self._opened[key] = text
        self._opened.move_to_end(key)
        while len(self._opened) > _OPENED:
            self._opened.popitem(last=False)

    def opened(self, name: str, version: str) -> str | None:
        """The text of a version a page opened or saved, if it is still remembered."""
        return self._opened.get((name, version))

    def saving(self, path: Path) -> threading.Lock:
        """The lock that one save of the file at ``path`` holds from its check to its write."""
        with self._saving_lock:
            return self._saving.setdefault(path.resolve(), threading.Lock())


_OPENED = 64
"""Versions remembered for conflict diffs (a few per open page)."""


def _depends(checked: CheckedAssessment, base: Path, library: CriteriaLibrary) -> Iterator[Path]:
    """Every file an assessment was made from, or names and lacks: criteria files, and
    previous and related assessments with theirs."""
    assessment = checked.assessment
    if assessment is None:
        return
    named = [assessment.criteria.file, assessment.previous.file if assessment.previous else None]
    named += _related_files(assessment.related.values())
    yield from (base / name for name in named if name)
    for criteria in (checked.criteria, *checked.related.values()):
        source = library.source(criteria) if criteria is not None else None
        if source is not None:
            yield source
    for other in (checked.previous, *checked.labels.values()):
        if other is not None:
            where = Path(other.document.file)
            yield where
            yield from _depends(other, where.parent, library)


def _related_files(entries: Iterable[RelatedAnswers]) -> list[str | None]:
    found: list[str | None] = []
    for entry in entries:
        found += [entry.file, entry.assessment, *_related_files(entry.related.values())]
    return found


def _stamp(path: Path) -> Stamp:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def digest(text: str) -> str:
    """The version of a file's text the pages compare before saving."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
