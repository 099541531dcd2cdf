"""An assessment with the assessments it stands on: each file read once, every link checked.

`previous.file` makes a chain (a Gold renewal stands on the Gold before it, which stands
on a Silver), and `related.X.assessment` names the assessment of a related set (a Gold
label under a national programme), scored with its own history.  Scoring relies on
every link, so ``validate`` checks each one exactly as ``score`` needs it: the file
exists and is a regular, readable assessment file without errors; a previous one is
dated before the one that names it; both are of the same organisation; the links form
no loop; and no assessment stands on more than ``MAX_CHAIN`` others in a row.

The walk is bounded in one place, :meth:`AssessmentReader._follow`, the one way from
an assessment to one it stands on (previous or related alike): it is never deeper
than ``MAX_CHAIN`` links below the file asked for, so that a chain of 400 files costs
21 reads and no recursion beyond that.  How long a chain is belongs to the file asked
for: the error "more than 20 in a row" is located at that file's own link, and a file
read once as part of a longer chain is not held to another file's limit.  What a file
stands on is kept once its whole chain is known (its height), so that reading a folder
in any order gives every file the same Issues as reading it alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import AssessmentError, InputError, Issue, Severity, quote
from ..models.assessment import Assessment
from ..models.criteria import Criteria
from ..models.domain import MAX_CHAIN
from .assessment import CheckedAssessment, check_assessment_document
from .library import OUTSIDE, CriteriaLibrary
from .source import Document, parse_text, read_document

__all__ = ["AssessmentReader"]

_Key = tuple[int, int] | str
_Problem = Callable[[str], Issue]

TOO_LONG = (
    f"more than {MAX_CHAIN} assessments stand one on another behind this one (previous and "
    f"related assessment files); the limit is {MAX_CHAIN}: give an older one's previous "
    "assessment as `date` and `level` instead of `file`"
)


def _key(path: Path) -> _Key:
    """What identifies a file: its device and inode, else its real path (never raises)."""
    try:
        info = os.stat(path)
    except ValueError:  # a NUL character: there is no such file, as the reader says
        return os.fspath(path)
    except OSError:
        return os.path.realpath(path)
    return info.st_dev, info.st_ino


@dataclass(frozen=True, slots=True)
class _Read:
    """A file checked with what it stands on, and its height: the most links in a row
    below it (None while unknown: the walk stopped at the limit, or met a loop)."""

    checked: CheckedAssessment
    height: int | None


class AssessmentReader:
    """Reads assessments with the assessments they stand on; each file is read once.

    One reader serves a whole run (``validate`` of a folder, a batch worker): files that
    several others stand on are not read again.
    """

    def __init__(
        self, library: CriteriaLibrary | None = None, *, languages: Sequence[str] = ()
    ) -> None:
        self.library = library or CriteriaLibrary()
        self.languages = tuple(languages)  # report languages each text should have
        self._documents: dict[_Key, CheckedAssessment | AssessmentError] = {}
        self._known: dict[_Key, _Read] = {}  # whole chains, valid from any file asked for
        self._wrappers: set[Issue] = set()  # "X is not valid": said once, not down the chain
        # The walk from one file asked for:
        self._seen: dict[_Key, _Read] = {}
        self._active: list[tuple[_Key, str]] = []  # the files being read, first asked first
        self._via: _Problem | None = None  # the asked file's link being followed
        self._deep: _Problem | None = None  # ...through which the limit was passed

    def read(
        self,
        path: str | os.PathLike[str],
        *,
        criteria: Criteria | None = None,
        previous: str | os.PathLike[str] | None = None,
        document: Document | None = None,
    ) -> CheckedAssessment:
        """Read and check one assessment file and what it stands on.

        Raises :class:`AssessmentError` only when the file itself cannot be read or parsed;
        every other problem is an Issue of the result.  ``criteria`` replaces the criteria
        the file names, ``previous`` its previous assessment (a path as given, not relative
        to the file); ``document`` is the file already parsed.
        """
        where = Path(path)
        key = _key(where)
        plain = criteria is None and previous is None
        if plain and document is None and key in self._known:
            return self._known[key].checked
        return self._walk(key, where.parent, where, document, criteria, previous)

    def check(self, document: Document, path: str | os.PathLike[str]) -> CheckedAssessment:
        """Check ``document`` as the assessment file at ``path`` would be checked, with its
        chain; ``document`` is a version of that file being edited, so it is not remembered
        (the files of its chain are)."""
        where = Path(path)
        # No file (``where`` None): what is checked is not kept; the key still finds a
        # loop back to the file being edited.
        return self._walk(_key(where), where.parent, None, document, None, None)

    def parse(self, text: str | bytes, *, name: str, base: Path) -> CheckedAssessment:
        """Check an assessment given as text (its previous file relative to ``base``)."""
        try:
            document = parse_text(text, name)
        except InputError as exc:
            raise AssessmentError(exc.issues) from None
        return self._walk(name, base, None, document, None, None)

    # -- the walk -------------------------------------------------------------
    def _walk(
        self,
        key: _Key,
        base: Path,
        where: Path | None,
        document: Document | None,
        criteria: Criteria | None,
        previous: str | os.PathLike[str] | None,
    ) -> CheckedAssessment:
        """The file asked for, with everything below it; its own limit checked."""
        self._seen, self._active, self._via, self._deep = {}, [], None, None
        try:
            found = self._visit(key, base, where, document, criteria, previous, MAX_CHAIN)
            if self._deep is None:
                return found.checked
            issues = (*found.checked.issues, self._deep(TOO_LONG))
            return replace(found.checked, issues=issues)
        finally:
            self._seen, self._active, self._via, self._deep = {}, [], None, None

    def _visit(
        self,
        key: _Key,
        base: Path,
        where: Path | None,
        document: Document | None,
        criteria: Criteria | None,
        previous: str | os.PathLike[str] | None,
        budget: int,
    ) -> _Read:
        """One file, with at most ``budget`` links in a row below it.

        What is found is kept (per walk, and for good once its whole chain is known)
        unless it is not plainly the file: criteria or a previous file given instead of
        the file's own, or a text without a file (``where`` None).
        """
        plain = criteria is None and previous is None and where is not None
        known = (self._known.get(key) or self._seen.get(key)) if plain else None
        if known is not None:
            if known.height is not None and known.height > budget:
                self._passed()  # its chain is longer than this walk may go
                return _Read(known.checked, None)
            return known
        checked = self._document(key, base, where, document, criteria, keep=plain)
        assessment = checked.assessment
        links = self._links(checked, base, previous) if assessment is not None else []
        if not links:
            found = _Read(checked, 0)
        elif budget == 0:
            self._passed()  # read no further: the file asked for stands on too many
            found = _Read(checked, None)
        else:
            found = self._below(key, checked, links, budget, from_option=previous is not None)
        if plain:
            self._seen[key] = found
            if found.height is not None:
                self._known[key] = found
        return found

    def _passed(self) -> None:
        if self._deep is None:
            self._deep = self._via

    def _document(
        self,
        key: _Key,
        base: Path,
        where: Path | None,
        document: Document | None,
        criteria: Criteria | None,
        *,
        keep: bool,
    ) -> CheckedAssessment:
        """The file's own checks (its links aside): read and checked once per reader."""
        cached = self._documents.get(key) if keep else None
        if isinstance(cached, AssessmentError):
            raise cached
        if cached is not None:
            return cached
        if document is None:
            assert where is not None
            if not self.library.allows(where):  # a workbench reads only inside its folder
                issue = Issue(os.fspath(where), None, None, "", "CB100", Severity.ERROR, OUTSIDE)
                raise AssessmentError([issue])
            try:
                document = read_document(where)
            except InputError as exc:
                error = AssessmentError(exc.issues)
                if keep:
                    self._documents[key] = error
                raise error from None
        checked = check_assessment_document(
            document, self.library, base=base, criteria=criteria, languages=self.languages
        )
        if keep:
            self._documents[key] = checked
        return checked

    def _links(
        self, checked: CheckedAssessment, base: Path, previous: str | os.PathLike[str] | None
    ) -> list[tuple[str | None, Path, str]]:
        """(related set or None for the previous one, path, name as written) of each file
        this one stands on.  Only sets the criteria require are read: scoring uses no other.
        """
        assessment = checked.assessment
        assert assessment is not None
        links: list[tuple[str | None, Path, str]] = []
        if previous is not None:
            links.append((None, Path(previous), os.fspath(previous)))
        elif assessment.previous is not None and assessment.previous.file is not None:
            links.append((None, base / assessment.previous.file, assessment.previous.file))
        for set_id, entry in assessment.related.items():
            if entry.assessment is not None and set_id in checked.related:
                links.append((set_id, base / entry.assessment, entry.assessment))
        return links

    def _below(
        self,
        key: _Key,
        checked: CheckedAssessment,
        links: list[tuple[str | None, Path, str]],
        budget: int,
        *,
        from_option: bool,
    ) -> _Read:
        """Follow each link of a file; the file checked with them, and its height."""
        doc = checked.document
        self._active.append((key, doc.file))
        issues: list[Issue] = []
        found: CheckedAssessment | None = None
        labels: dict[str, CheckedAssessment] = {}
        heights: list[int | None] = []
        try:
            for set_id, target, shown in links:
                if set_id is None:
                    if from_option:
                        problem = self._unlocated(doc.file, "previous", "CB309")
                    else:
                        problem = self._located(doc, ("previous", "file"), "CB309")
                else:
                    problem = self._located(doc, ("related", set_id, "assessment"), "CB314")
                if len(self._active) == 1:
                    self._via = problem  # the file asked for: a too long chain is said here
                other, said, height = self._follow(target, shown, problem, set_id, budget - 1)
                issues += said
                heights.append(height)
                if other is None:
                    continue
                if set_id is None:
                    found = other
                    issues += self._previous_fits(checked, other, shown, problem)
                else:
                    labels[set_id] = other
                    issues += self._label_fits(checked, other, set_id, shown, problem)
        finally:
            self._active.pop()
        combined = tuple(dict.fromkeys((*checked.issues, *issues)))  # each problem once
        linked = replace(checked, issues=combined, previous=found, labels=labels)
        known = [h for h in heights if h is not None]
        return _Read(linked, 1 + max(known) if len(known) == len(heights) else None)

    def _follow(
        self, target: Path, shown: str, problem: _Problem, set_id: str | None, budget: int
    ) -> tuple[CheckedAssessment | None, list[Issue], int | None]:
        """The one step from a file to a file it stands on: loops, the limit, reading.

        Returns the file read (None when it cannot be used), the Issues of this link,
        and the height below it (None when unknown).
        """
        key = _key(target)
        keys = [k for k, _ in self._active]
        if key in keys:
            if set_id is None:
                loop = " → ".join([n for _, n in self._active[keys.index(key) :]] + [shown])
                return None, [problem(f"previous assessments form a loop: {loop}; break it")], None
            return None, [problem(f"{shown} leads back to this assessment; break the loop")], None
        try:
            read = self._visit(key, target.parent, target, None, None, None, budget)
        except AssessmentError as exc:
            why = exc.issues[0].message if exc.issues else "cannot be read"
            return None, [problem(f"{shown}: {why}")], 0
        found = read.checked
        if found.assessment is None or not found.ok:
            errors = [i for i in found.issues if i.is_error]
            header = [i for i in errors if i.code == "CB110"]
            if found.assessment is None and header:  # not an assessment: nothing of it shown
                message = f"{shown} is not an assessment file: {header[0].message}"
                return None, [problem(message)], read.height
            wrapper = problem(f"{shown} is not a valid assessment; fix its errors first")
            self._wrappers.add(wrapper)
            causes = [i for i in errors if i not in self._wrappers]  # what to fix, not echoes
            return None, [wrapper, *causes], read.height
        return found, [], read.height

    # -- what each link must be ----------------------------------------------
    @staticmethod
    def _located(doc: Document, path: tuple[str, ...], code: str) -> _Problem:
        return lambda message: doc.issue(path, code, message)

    @staticmethod
    def _unlocated(file: str, path: str, code: str) -> _Problem:
        return lambda message: Issue(file, None, None, path, code, Severity.ERROR, message)

    @staticmethod
    def _previous_fits(
        checked: CheckedAssessment, earlier: CheckedAssessment, shown: str, problem: _Problem
    ) -> list[Issue]:
        """A previous assessment comes first, and is of the same organisation."""
        mine, theirs = checked.assessment, earlier.assessment
        assert mine is not None
        assert theirs is not None
        issues = []
        if theirs.date >= mine.date:
            issues.append(
                problem(
                    f"{shown} is dated {theirs.date.isoformat()}, not before this assessment "
                    f"({mine.date.isoformat()}); a previous assessment comes first"
                )
            )
        # One organisation: by its stable id when both have one (it may have been
        # renamed meanwhile), else by name and country.
        ours, other = mine.organisation, theirs.organisation
        same = (
            ours.id == other.id
            if ours.id is not None and other.id is not None
            else _same(mine, theirs)
        )
        if not same:
            issues.append(problem(_other_organisation(mine, theirs, shown)))
        return issues

    @staticmethod
    def _label_fits(
        checked: CheckedAssessment,
        label: CheckedAssessment,
        set_id: str,
        shown: str,
        problem: _Problem,
    ) -> list[Issue]:
        """A related set's own assessment answers that set, for the same organisation."""
        mine, theirs = checked.assessment, label.assessment
        assert mine is not None
        assert theirs is not None
        issues = []
        if label.criteria is not None and label.criteria.id != set_id:
            issues.append(problem(f"{shown} answers {label.criteria.id}, not {set_id}"))
        if not _same(mine, theirs):
            issues.append(problem(_other_organisation(mine, theirs, shown)))
        return issues


def _same(mine: Assessment, theirs: Assessment) -> bool:
    """Whether two assessments name the same organisation (name and country)."""
    ours, other = mine.organisation, theirs.organisation
    return (ours.name.strip().casefold(), ours.country) == (
        other.name.strip().casefold(),
        other.country,
    )


def _other_organisation(mine: Assessment, theirs: Assessment, shown: str) -> str:
    ours, other = mine.organisation, theirs.organisation
    return (
        f"{shown} assesses another organisation ({quote(other.name, 60)}, {other.country}), "
        f"not {quote(ours.name, 60)} ({ours.country})"
    )
