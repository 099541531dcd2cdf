"""Scoring files: the assessment, the criteria it names, their dependencies, its history."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AssessmentError, ClusterbenchError, InputError, Issue, Severity
from ..loader.answers import check_assumptions
from ..loader.assessment import CheckedAssessment, read_assessment
from ..loader.library import CriteriaLibrary
from ..loader.source import Document
from ..models.assessment import Assessment
from ..models.cohort import Cohort
from ..models.criteria import Criteria
from ..models.result import Result
from ..scoring.engine import score

__all__ = ["Scored", "score_checked", "score_file", "score_parsed"]

_MAX_HISTORY = 20


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


def score_file(
    path: str | os.PathLike[str],
    *,
    criteria: str | os.PathLike[str] | Criteria | None = None,
    previous: str | os.PathLike[str] | None = None,
    assume: Mapping[str, Any] | None = None,
    library: CriteriaLibrary | None = None,
    cohort: Cohort | None = None,
) -> Scored:
    """Load an assessment file and score it, with everything it refers to.

    ``criteria`` overrides the criteria the file names (an id, a path or a model);
    ``previous`` overrides the file's previous assessment.  A previous assessment file is
    loaded and scored too (with its own previous, and so on), so that renewals and
    improvements are decided from real data.  Raises :class:`~clusterbench.AssessmentError`
    or :class:`~clusterbench.CriteriaError` with located Issues, or
    :class:`~clusterbench.NotFoundError`.  With a `cohort`, the Result compares the
    assessment with its peers.
    """
    library = library or CriteriaLibrary()
    chosen: Criteria | None = None
    if isinstance(criteria, Criteria):
        chosen = criteria
    elif criteria is not None:
        text = os.fspath(criteria)
        chosen = library.file(text) if Path(text).is_file() else library.get(text)
    return _score_chain(Path(path), library, chosen, previous, assume, [], cohort)


def score_parsed(
    path: str | os.PathLike[str],
    document: Document,
    *,
    library: CriteriaLibrary | None = None,
    cohort: Cohort | None = None,
) -> Scored:
    """:func:`score_file` for a file already parsed (to tell its kind), without reading it again."""
    library = library or CriteriaLibrary()
    return _score_chain(Path(path), library, None, None, None, [], cohort, document)


def _score_chain(
    path: Path,
    library: CriteriaLibrary,
    criteria_override: Criteria | None,
    previous_override: str | os.PathLike[str] | None,
    assume: Mapping[str, Any] | None,
    seen: list[Path],
    cohort: Cohort | None = None,
    document: Document | None = None,
) -> Scored:
    resolved = path.resolve()
    if resolved in seen or len(seen) > _MAX_HISTORY:
        chain = " → ".join(p.name for p in [*seen, resolved])
        raise AssessmentError(
            [_issue(path, f"previous assessments form a loop or are too many: {chain}")]
        )
    checked = read_assessment(path, library, criteria=criteria_override, document=document)
    if not checked.ok or checked.assessment is None or checked.criteria is None:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    assessment, criteria = checked.assessment, checked.criteria
    if assume:
        wrong = check_assumptions(criteria, assume)
        if wrong:
            raise AssessmentError(wrong)
    previous: Scored | None = None
    previous_file = previous_override or (assessment.previous.file if assessment.previous else None)
    if previous_file is not None:
        previous_path = Path(previous_file) if previous_override else path.parent / previous_file
        try:
            previous = _score_chain(previous_path, library, None, None, None, [*seen, resolved])
        except InputError as exc:
            # Keep the previous file's own located issues rather than flattening them
            # into one long message; the first issue says why that file matters here.
            why = f"its previous assessment {previous_file} cannot be scored; fix it first"
            raise AssessmentError([_issue(path, why), *exc.issues]) from None
        except ClusterbenchError as exc:
            raise AssessmentError(
                [_issue(path, f"previous assessment {previous_file}: {exc}")]
            ) from None
    return score_checked(
        checked, path=path, library=library, previous=previous, assume=assume, cohort=cohort
    )


def score_checked(
    checked: CheckedAssessment,
    *,
    path: Path | None = None,
    library: CriteriaLibrary | None = None,
    previous: Scored | None = None,
    assume: Mapping[str, Any] | None = None,
    cohort: Cohort | None = None,
) -> Scored:
    """Score an assessment the loader has checked, with its previous assessment scored.

    For callers that keep a previous assessment scored while the current one changes
    (the workbench re-scores on every edit).  Raises AssessmentError if ``checked`` has
    errors.
    """
    if not checked.ok or checked.assessment is None or checked.criteria is None:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    library = library or CriteriaLibrary()
    assessment, criteria = checked.assessment, checked.criteria
    # The related criteria the loader checked the answers against are the ones scored.
    dependencies = {**library.dependencies(criteria), **checked.related}
    stated = assessment.previous
    if stated is not None and stated.criteria is not None and stated.criteria not in dependencies:
        with contextlib.suppress(ClusterbenchError):  # only for the earlier level's title
            dependencies = {**dependencies, stated.criteria: library.get(stated.criteria)}
    result = score(
        criteria,
        assessment,
        previous.result if previous is not None else None,
        dependencies=dependencies,
        assume=assume,
        cohort=cohort,
    )
    return Scored(
        assessment,
        criteria,
        result,
        path=path,
        criteria_file=library.source(criteria),
        previous=previous,
        related=dependencies,
    )


def _issue(path: Path, message: str) -> Issue:
    return Issue(os.fspath(path), None, None, "previous", "CB309", Severity.ERROR, message)
