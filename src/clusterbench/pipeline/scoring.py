"""Scoring files: the assessment, the criteria it names, their dependencies, its history."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AssessmentError, ClusterbenchError, Issue, Severity
from ..loader.answers import check_assumptions
from ..loader.assessment import CheckedAssessment
from ..loader.chain import AssessmentReader
from ..loader.library import CriteriaLibrary
from ..loader.source import Document
from ..models.assessment import Assessment
from ..models.cohort import Cohort
from ..models.criteria import Criteria
from ..models.result import Result
from ..scoring.engine import score

__all__ = ["Scored", "check_decision", "score_checked", "score_file", "score_parsed"]


@dataclass(frozen=True, slots=True)
class Scored:
    """A scored assessment with what it was scored from: what a report is made of.

    `path` and `criteria_file` are None for objects made in memory; `related` holds
    the criteria sets this one requires (eligibility), for their titles.
    """

    assessment: Assessment
    criteria: Criteria
    result: Result
    path: Path | None = None
    criteria_file: Path | None = None
    previous: Scored | None = None
    related: Mapping[str, Criteria] = field(default_factory=dict)
    criteria_text: str | None = None
    """The criteria file's text as it was read (None for criteria made in memory)."""
    sources: tuple[Path, ...] = ()
    """Every file this was made from: the assessment, its criteria, the criteria of its
    related answers, and the same for each previous assessment (outputs never go there)."""


def score_file(
    path: str | os.PathLike[str],
    *,
    criteria: str | os.PathLike[str] | Criteria | None = None,
    previous: str | os.PathLike[str] | None = None,
    assume: Mapping[str, Any] | None = None,
    library: CriteriaLibrary | None = None,
    cohort: Cohort | None = None,
    reader: AssessmentReader | None = None,
) -> Scored:
    """Load an assessment file and score it, with everything it refers to.

    ``criteria`` overrides the criteria the file names (an id, a path or a model);
    ``previous`` overrides the file's previous assessment.  A previous assessment file is
    loaded and scored too (with its own previous, and so on), so that renewals and
    improvements are decided from real data.  Raises :class:`~clusterbench.AssessmentError`
    or :class:`~clusterbench.CriteriaError` with located Issues, or
    :class:`~clusterbench.NotFoundError`.  With a `cohort`, the Result compares the
    assessment with its peers.  Files are read and checked by the loaders (the same
    checks ``validate`` makes); scoring itself validates nothing.
    """
    reader = reader or AssessmentReader(library)
    library = reader.library
    chosen: Criteria | None = None
    if isinstance(criteria, Criteria):
        chosen = criteria
    elif criteria is not None:
        chosen = library.find(criteria)
    checked = reader.read(path, criteria=chosen, previous=previous)
    return _score_checked(checked, Path(path), library, assume, cohort)


def score_parsed(
    path: str | os.PathLike[str],
    document: Document,
    *,
    library: CriteriaLibrary | None = None,
    cohort: Cohort | None = None,
    reader: AssessmentReader | None = None,
) -> Scored:
    """:func:`score_file` for a file already parsed (to tell its kind), without reading it again."""
    reader = reader or AssessmentReader(library)
    checked = reader.read(path, document=document)
    return _score_checked(checked, Path(path), reader.library, None, cohort)


def _score_checked(
    checked: CheckedAssessment,
    path: Path,
    library: CriteriaLibrary,
    assume: Mapping[str, Any] | None,
    cohort: Cohort | None,
) -> Scored:
    if not checked.ok or checked.assessment is None or checked.criteria is None:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    if assume:
        criteria = checked.criteria
        related = {**library.dependencies(criteria), **checked.related}
        wrong = check_assumptions(criteria, assume, related, checked.assessment.related)
        if wrong:
            raise AssessmentError(wrong)
    return score_checked(checked, path=path, library=library, assume=assume, cohort=cohort)


def score_checked(
    checked: CheckedAssessment,
    *,
    path: Path | None = None,
    library: CriteriaLibrary | None = None,
    previous: Scored | None = None,
    assume: Mapping[str, Any] | None = None,
    cohort: Cohort | None = None,
    explain: bool = True,
) -> Scored:
    """Score an assessment the loader has checked (pure, but for bundled criteria lookups).

    Its previous assessment is ``previous`` when given (a caller that keeps it scored
    while the current one changes: the workbench re-scores on every edit), else the
    checked chain the loader read with it.  ``explain=False``: levels and validity only
    (see :func:`clusterbench.score`).  Raises AssessmentError if ``checked`` has errors.
    """
    library = library or CriteriaLibrary()
    return _score(checked, path, library, previous, assume, cohort, explain, {})


def _below(
    checked: CheckedAssessment, library: CriteriaLibrary, explain: bool, done: dict[int, Scored]
) -> Scored:
    """An assessment another stands on, scored once however many others stand on it.

    Files may share what they stand on (a file's previous assessment can also be the
    assessment of its related set): scoring each path anew would cost 2^20 scorings
    for a ladder of 20 such levels.
    """
    found = done.get(id(checked))
    if found is None:
        path = Path(checked.document.file)
        found = done[id(checked)] = _score(checked, path, library, None, None, None, explain, done)
    return found


def _score(
    checked: CheckedAssessment,
    path: Path | None,
    library: CriteriaLibrary,
    previous: Scored | None,
    assume: Mapping[str, Any] | None,
    cohort: Cohort | None,
    explain: bool,
    done: dict[int, Scored],
) -> Scored:
    if not checked.ok or checked.assessment is None or checked.criteria is None:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    assessment, criteria = checked.assessment, checked.criteria
    if previous is None and checked.previous is not None:
        previous = _below(checked.previous, library, explain, done)
    # A related set's own assessment (a Gold label under a national programme) is scored
    # with its own history and related sets, and its Result decides the requirement.
    labels = {key: _below(found, library, explain, done) for key, found in checked.labels.items()}
    # The related criteria the loader checked the answers against are the ones scored.
    dependencies = {**library.dependencies(criteria), **checked.related}
    stated = assessment.previous
    if stated is not None and stated.criteria is not None and stated.criteria not in dependencies:
        with contextlib.suppress(ClusterbenchError):  # only for the earlier level's title
            dependencies = {**dependencies, stated.criteria: library.get(stated.criteria)}
    # A previous assessment made with an earlier version is compared through the maps
    # of the versions between (each indicator with its counterpart only).
    versions = None
    if previous is not None and previous.criteria.id == criteria.id:
        versions = library.lineage(previous.criteria, criteria)
    result = score(
        criteria,
        assessment,
        previous.result if previous is not None else None,
        dependencies=dependencies,
        assume=assume,
        cohort=cohort,
        related={key: found.result for key, found in labels.items()},
        explain=explain,
        versions=versions,
    )
    files = [library.source(c) for c in (criteria, *dependencies.values())]
    sources = dict.fromkeys(
        [
            *([path] if path is not None else []),
            *(f for f in files if f is not None),
            *(previous.sources if previous else ()),
            *(f for found in labels.values() for f in found.sources),
        ]
    )
    return Scored(
        assessment,
        criteria,
        result,
        path=path,
        criteria_file=library.source(criteria),
        previous=previous,
        related=dependencies,
        criteria_text=library.text(criteria),
        sources=tuple(sources),
    )


def check_decision(scored: Scored, document: Document | None = None) -> Issue | None:
    """An Issue when the body's decision is for a level the assessment does not reach.

    Not a reason to refuse scoring (a what-if, or the workbench while an answer
    changes, must still show the level): `validate` reports it as an error, and the
    register and certificates do not count such a label.
    """
    decided = scored.assessment.decision
    if decided is None or decided.status == "rejected":
        return None
    criteria, reached = scored.criteria, scored.result.level
    wanted = decided.level or reached
    if wanted is not None and criteria.level_rank(wanted) <= criteria.level_rank(reached):
        return None
    if wanted is None and decided.status == "recommended":
        return None  # nothing is recommended, nothing is claimed
    message = (
        f"the decision is for {wanted or 'a label'}, but the assessment reaches "
        f"{reached or 'no level'}; a body may award the level reached or a lower one"
    )
    where = ("decision", "level") if decided.level else ("decision", "status")
    if document is not None:
        return document.issue(where, "CB315", message)
    name = os.fspath(scored.path) if scored.path else "<assessment>"
    return Issue(name, None, None, ".".join(where), "CB315", Severity.ERROR, message)
