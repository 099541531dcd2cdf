"""An assessment with its previous assessments: each file read once, every link checked.

`previous.file` makes a chain (a Gold renewal stands on the Gold before it, which stands
on a Silver).  Scoring relies on every link, so ``validate`` checks each one exactly as
``score`` needs it: the previous file exists and is a regular, readable assessment file
without errors; it is dated before the one that names it; it is of the same
organisation; the chain has no loop and at most ``MAX_CHAIN`` links.  A problem is an
Issue located at the `previous` entry that leads to it, and the previous file's own
errors come with it (they name their own file).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import AssessmentError, InputError, Issue, Severity, quote
from ..models.criteria import Criteria
from ..models.domain import MAX_CHAIN
from .assessment import CheckedAssessment, check_assessment_document
from .library import OUTSIDE, CriteriaLibrary
from .source import Document, parse_text, read_document

__all__ = ["AssessmentReader"]

_Key = tuple[int, int] | str


def _key(path: Path) -> _Key:
    """What identifies a file: its device and inode, else its real path (never raises)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return os.path.realpath(path)
    return info.st_dev, info.st_ino


class AssessmentReader:
    """Reads assessments with their previous chains; each file is read and checked once.

    One reader serves a whole run (``validate`` of a folder, a batch worker): files that
    are the previous assessment of several others are not read again.
    """

    def __init__(
        self, library: CriteriaLibrary | None = None, *, languages: Sequence[str] = ()
    ) -> None:
        self.library = library or CriteriaLibrary()
        self.languages = tuple(languages)  # report languages each text should have
        self._done: dict[_Key, CheckedAssessment] = {}
        self._active: list[tuple[_Key, str]] = []  # the chain being read, root first
        self._contextual = False  # a loop or a too-long chain: true only from where we came
        self._wrappers: set[Issue] = set()  # "X is not valid": said once, not down the chain

    def read(
        self,
        path: str | os.PathLike[str],
        *,
        criteria: Criteria | None = None,
        previous: str | os.PathLike[str] | None = None,
        document: Document | None = None,
    ) -> CheckedAssessment:
        """Read and check one assessment file and its chain.

        Raises :class:`AssessmentError` only when the file itself cannot be read or parsed;
        every other problem is an Issue of the result.  ``criteria`` replaces the criteria
        the file names, ``previous`` its previous assessment (a path as given, not relative
        to the file); ``document`` is the file already parsed.
        """
        where = Path(path)
        override = criteria is not None or previous is not None
        key = _key(where)
        if not override and document is None and key in self._done:
            return self._done[key]
        if document is None:
            if not self.library.allows(where):
                issue = Issue(os.fspath(where), None, None, "", "CB100", Severity.ERROR, OUTSIDE)
                raise AssessmentError([issue])
            try:
                document = read_document(where)
            except InputError as exc:
                raise AssessmentError(exc.issues) from None
        outer, self._contextual = self._contextual, False
        checked = self._check(document, where.parent, key, criteria, previous)
        if not override and not self._contextual:
            self._done[key] = checked
        self._contextual = self._contextual or outer
        return checked

    def check(self, document: Document, path: str | os.PathLike[str]) -> CheckedAssessment:
        """Check ``document`` as the assessment file at ``path`` would be checked, with its
        chain; ``document`` is a version of that file being edited, so it is not remembered
        (the files of its chain are)."""
        where = Path(path)
        outer, self._contextual = self._contextual, False
        try:
            return self._check(document, where.parent, _key(where), None, None)
        finally:
            self._contextual = outer

    def parse(self, text: str | bytes, *, name: str, base: Path) -> CheckedAssessment:
        """Check an assessment given as text (its previous file relative to ``base``)."""
        try:
            document = parse_text(text, name)
        except InputError as exc:
            raise AssessmentError(exc.issues) from None
        return self._check(document, base, name, None, None)

    def _check(
        self,
        doc: Document,
        base: Path,
        key: _Key,
        criteria: Criteria | None,
        previous: str | os.PathLike[str] | None,
    ) -> CheckedAssessment:
        checked = check_assessment_document(
            doc, self.library, base=base, criteria=criteria, languages=self.languages
        )
        assessment = checked.assessment
        if assessment is None:
            return checked
        if previous is not None:
            target, shown = Path(previous), os.fspath(previous)
        elif assessment.previous is not None and assessment.previous.file is not None:
            target, shown = base / assessment.previous.file, assessment.previous.file
        else:
            target = None
        labelled = {k: e.assessment for k, e in assessment.related.items() if e.assessment}
        if target is None and not labelled:
            return checked
        self._active.append((key, doc.file))
        try:
            found: CheckedAssessment | None = None
            issues: list[Issue] = []
            if target is not None:
                found, issues = self._link(checked, target, shown, from_option=previous is not None)
            labels: dict[str, CheckedAssessment] = {}
            for set_id, file in labelled.items():
                label, problems = self._label(checked, set_id, base / file, file)
                issues += problems
                if label is not None:
                    labels[set_id] = label
        finally:
            self._active.pop()
        combined = tuple(dict.fromkeys((*checked.issues, *issues)))  # each problem once
        return replace(checked, issues=combined, previous=found, labels=labels)

    def _label(
        self, checked: CheckedAssessment, set_id: str, target: Path, shown: str
    ) -> tuple[CheckedAssessment | None, list[Issue]]:
        """A related set's own assessment file (`related.X.assessment`), and its Issues.

        It is scored with its own history, so it is read with its chain; it must be an
        assessment of that set, of the same organisation.
        """
        doc = checked.document
        assessment = checked.assessment
        assert assessment is not None

        def problem(message: str) -> Issue:
            return doc.issue(("related", set_id, "assessment"), "CB314", message)

        keys = [k for k, _ in self._active]
        if _key(target) in keys:
            self._contextual = True
            return None, [problem(f"{shown} leads back to this assessment; break the loop")]
        try:
            found = self.read(target)
        except AssessmentError as exc:
            why = exc.issues[0].message if exc.issues else "cannot be read"
            return None, [problem(f"{shown}: {why}")]
        other = found.assessment
        if other is None or not found.ok:
            errors = [i for i in found.issues if i.is_error]
            wrapper = problem(f"{shown} is not a valid assessment; fix its errors first")
            self._wrappers.add(wrapper)
            return None, [wrapper, *(i for i in errors if i not in self._wrappers)]
        issues = []
        if found.criteria is not None and found.criteria.id != set_id:
            issues.append(problem(f"{shown} answers {found.criteria.id}, not {set_id}"))
        mine, theirs = assessment.organisation, other.organisation
        if (mine.name.strip().casefold(), mine.country) != (
            theirs.name.strip().casefold(),
            theirs.country,
        ):
            issues.append(
                problem(
                    f"{shown} assesses another organisation ({quote(theirs.name, 60)}, "
                    f"{theirs.country}), not {quote(mine.name, 60)} ({mine.country})"
                )
            )
        return found, issues

    def _link(
        self, checked: CheckedAssessment, target: Path, shown: str, *, from_option: bool
    ) -> tuple[CheckedAssessment | None, list[Issue]]:
        """The previous assessment at `target`, and the Issues of this link."""
        doc = checked.document
        assessment = checked.assessment
        assert assessment is not None

        def problem(message: str) -> Issue:
            if from_option:
                return Issue(doc.file, None, None, "previous", "CB309", Severity.ERROR, message)
            return doc.issue(("previous", "file"), "CB309", message)

        key = _key(target)
        keys = [k for k, _ in self._active]
        if key in keys:
            self._contextual = True
            loop = " → ".join([name for _, name in self._active[keys.index(key) :]] + [shown])
            return None, [problem(f"previous assessments form a loop: {loop}; break it")]
        if len(self._active) > MAX_CHAIN:
            self._contextual = True
            message = (
                f"more than {MAX_CHAIN} previous assessments in a row; the limit is {MAX_CHAIN}"
            )
            return None, [problem(message)]
        try:
            found = self.read(target)
        except AssessmentError as exc:
            why = exc.issues[0].message if exc.issues else "cannot be read"
            return None, [problem(f"{shown}: {why}")]
        earlier = found.assessment
        if earlier is None or not found.ok:
            errors = [i for i in found.issues if i.is_error]
            header = [i for i in errors if i.code == "CB110"]
            if earlier is None and header:  # not an assessment file: nothing of it is shown
                return None, [problem(f"{shown} is not an assessment file: {header[0].message}")]
            wrapper = problem(f"{shown} is not a valid assessment; fix its errors first")
            self._wrappers.add(wrapper)
            causes = [i for i in errors if i not in self._wrappers]  # what to fix, not echoes
            return None, [wrapper, *causes]
        issues = []
        if earlier.date >= assessment.date:
            issues.append(
                problem(
                    f"{shown} is dated {earlier.date.isoformat()}, not before this assessment "
                    f"({assessment.date.isoformat()}); a previous assessment comes first"
                )
            )
        mine, theirs = assessment.organisation, earlier.organisation
        # One organisation: by its stable id when both have one (it may have been
        # renamed meanwhile), else by name and country.
        same = (
            mine.id == theirs.id
            if mine.id is not None and theirs.id is not None
            else (mine.name.strip().casefold(), mine.country)
            == (theirs.name.strip().casefold(), theirs.country)
        )
        if not same:
            issues.append(
                problem(
                    f"{shown} assesses another organisation ({quote(theirs.name, 60)}, "
                    f"{theirs.country}), not {quote(mine.name, 60)} ({mine.country})"
                )
            )
        return found, issues
