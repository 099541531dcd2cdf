"""Loading assessment files: YAML → schema → answers checked against their criteria."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import (
    AssessmentError,
    ClusterbenchError,
    InputError,
    Issue,
    PathPart,
    Severity,
    quote,
)
from ..kinds.registry import required_sets
from ..models.answer_types import suggest
from ..models.assessment import Assessment, RelatedAnswers
from ..models.criteria import Criteria
from .answers import check_answers
from .dated import check_years
from .diagnostics import schema_issues, with_reader_issues
from .kinds import check_header
from .library import CriteriaLibrary
from .limits import check_limits
from .source import Document, read_document
from .versions import in_force
from .wording import split_lists, untranslated

__all__ = [
    "CheckedAssessment",
    "check_assessment_document",
    "load_assessment",
    "parse_assessment",
    "read_assessment",
]

FORMAT = 1


@dataclass(frozen=True, slots=True)
class CheckedAssessment:
    """An assessment file read and checked, with the criteria it answers (when found)."""

    assessment: Assessment | None
    document: Document
    issues: tuple[Issue, ...]
    criteria: Criteria | None
    related: Mapping[str, Criteria] = field(default_factory=dict)
    """The criteria each `related` entry's answers were checked against (score with these)."""
    previous: CheckedAssessment | None = None
    """The previous assessment file, checked (see ``loader.chain``), when there is one."""
    labels: Mapping[str, CheckedAssessment] = field(default_factory=dict)
    """The own assessment files of related sets (`related.X.assessment`), checked with
    their chains (see ``loader.chain``), by criteria id."""

    @property
    def ok(self) -> bool:
        """True when there is a model and no error (warnings allowed)."""
        return self.assessment is not None and not any(i.is_error for i in self.issues)


def check_assessment_document(
    doc: Document,
    library: CriteriaLibrary | None = None,
    *,
    base: Path | None = None,
    criteria: Criteria | None = None,
    languages: Sequence[str] = (),
) -> CheckedAssessment:
    """Validate parsed YAML as an assessment, and its answers against its criteria.

    ``criteria`` replaces the criteria the file names (a what-if, or a new version).
    ``languages`` are report languages every text should have (a warning for each text
    that lacks one, and for criteria without texts in one).
    """
    header = check_header(doc, "assessment", FORMAT)
    if header is not None:
        return CheckedAssessment(None, doc, (*doc.issues, header), None)
    check_limits(doc, Assessment, "assessment")
    try:
        assessment = Assessment.model_validate(doc.data)
    except ValidationError as exc:
        found = with_reader_issues(doc, schema_issues(exc, doc, Assessment))
        return CheckedAssessment(None, doc, tuple(found), None)
    library = library or CriteriaLibrary()
    base = base if base is not None else Path(doc.file).parent
    issues: list[Issue] = [*split_lists(assessment, doc), *untranslated(assessment, doc, languages)]
    issues += check_years(assessment, doc)
    related: dict[str, Criteria] = {}
    if criteria is None:
        criteria = _criteria(assessment, doc, library, base, issues)
    if criteria is not None:
        issues += _criteria_languages(criteria, doc, languages)
        issues += _portfolio(assessment, criteria, doc)
        issues += check_answers(
            criteria, assessment.answers, ("answers",), doc, report_missing=True
        )
        issues += _improvement_areas(assessment, criteria, doc)
        issues += _related(assessment, criteria, doc, library, base, related)
        if assessment.previous is not None:
            issues += _previous(assessment, criteria, doc)
        if assessment.decision is not None:
            issues += _decision(assessment, criteria, doc)
    issues = with_reader_issues(doc, issues)
    return CheckedAssessment(assessment, doc, tuple(issues), criteria, related)


def _decision(assessment: Assessment, criteria: Criteria, doc: Document) -> list[Issue]:
    """What a decision must be to make sense; whether its level is reached is checked by
    scoring (:func:`clusterbench.pipeline.scoring.score_checked`)."""
    decision = assessment.decision
    assert decision is not None
    issues = []
    if decision.date is not None and decision.date < assessment.date:
        issues.append(
            doc.issue(
                ("decision", "date"),
                "CB315",
                f"the decision is dated {decision.date.isoformat()}, before the assessment "
                f"({assessment.date.isoformat()}); a body decides after it",
            )
        )
    if decision.date is None and decision.status != "recommended":
        issues.append(
            doc.issue(
                ("decision", "status"),
                "CB315",
                f"a decision {decision.status} needs its date: add `date: YYYY-MM-DD` "
                "(the register and the board's list go by it)",
            )
        )
    if decision.awarded is not None:
        if decision.status != "withdrawn":
            why = "`awarded` is for a withdrawn label (when it was awarded); an approval's day is its `date`"
        elif decision.awarded < assessment.date:
            why = f"the label was awarded before the assessment ({assessment.date.isoformat()})"
        elif decision.date is not None and decision.awarded > decision.date:
            why = f"the label was awarded after it was withdrawn ({decision.date.isoformat()})"
        else:
            why = ""
        if why:
            issues.append(doc.issue(("decision", "awarded"), "CB315", why))
    if decision.level is not None and criteria.level(decision.level) is None:
        ids = [lv.id for lv in criteria.levels]
        issues.append(
            doc.issue(
                ("decision", "level"),
                "CB315",
                f"{criteria.id} has no level {decision.level!r}{suggest(decision.level, ids)}",
            )
        )
    return issues


def _criteria(
    assessment: Assessment, doc: Document, library: CriteriaLibrary, base: Path, issues: list[Issue]
) -> Criteria | None:
    ref = assessment.criteria
    try:
        criteria = library.reference(ref.id, ref.file, base, ref.version)
    except ClusterbenchError as exc:
        where = ("criteria", "file") if ref.file else ("criteria", "id")
        hint = "" if ref.file else suggest(ref.id, library.known_ids())
        message, theirs = unusable(exc, ref.file)
        issues += [doc.issue(where, "CB307", f"{message}{hint}"), *theirs]
        return None
    if criteria.id != ref.id:
        issues.append(
            doc.issue(
                ("criteria", "id"),
                "CB307",
                f"the criteria file has id {criteria.id!r}, not {ref.id!r}",
            )
        )
    if ref.version is not None and ref.version != criteria.version:
        known = "" if ref.file else f" (known: {', '.join(library.versions(criteria.id))})"
        issues.append(
            doc.issue(
                ("criteria", "version"),
                "CB308",
                f"answers version {quote(ref.version)} of {criteria.id}; the criteria found are version "
                f"{quote(criteria.version)}{known}",
                severity=Severity.WARNING,
            )
        )
    issues += in_force(criteria, assessment.date, doc, library)
    return criteria


def _criteria_languages(criteria: Criteria, doc: Document, languages: Sequence[str]) -> list[Issue]:
    missing = [lang for lang in languages if lang not in criteria.languages]
    if not missing:
        return []
    return [
        doc.issue(
            ("criteria",),
            "CB311",
            f"the criteria {criteria.id} are written in {', '.join(criteria.languages)}: "
            f"a report in {', '.join(missing)} cannot be made",
            severity=Severity.WARNING,
        )
    ]


def _portfolio(assessment: Assessment, criteria: Criteria, doc: Document) -> list[Issue]:
    name = assessment.organisation.portfolio
    if name is None or not criteria.portfolios or criteria.portfolio(name) is not None:
        return []
    ids = [p.id for p in criteria.portfolios]
    return [
        doc.issue(
            ("organisation", "portfolio"),
            "CB313",
            f"{criteria.id} lists no portfolio {name!r}, so reports show it untranslated"
            f"{suggest(name, ids)}",
            severity=Severity.WARNING,
        )
    ]


def unusable(exc: ClusterbenchError, file: str | None) -> tuple[str, list[Issue]]:
    """Why criteria named by an assessment cannot be used, and the criteria file's errors.

    A file that is not a criteria file, or cannot be read, is said in one message that
    quotes nothing of it; a criteria file with errors brings its own located errors.
    """
    if not isinstance(exc, InputError) or file is None:
        return f"criteria not found or invalid: {exc}", []
    errors = list(exc.errors)
    if errors and errors[0].code == "CB110":
        return f"{file} is not a criteria file: {errors[0].message}", []
    if errors and errors[0].line is None:  # it could not be read at all
        return f"{file}: {errors[0].message}", []
    return f"{file} is not valid criteria; fix its errors first", errors


def _improvement_areas(assessment: Assessment, criteria: Criteria, doc: Document) -> list[Issue]:
    ids = [i.id for i in criteria.indicators]
    return [
        doc.issue(
            ("improvement_areas", n, "indicator"),
            "CB310",
            f"unknown indicator {area.indicator!r}{suggest(area.indicator, ids)}",
        )
        for n, area in enumerate(assessment.improvement_areas)
        if criteria.indicator(area.indicator) is None
    ]


def _related(
    assessment: Assessment,
    criteria: Criteria,
    doc: Document,
    library: CriteriaLibrary,
    base: Path,
    found: dict[str, Criteria],
) -> list[Issue]:
    return _related_entries(assessment.related, criteria, ("related",), doc, library, base, found)


def _related_entries(
    entries: Mapping[str, RelatedAnswers],
    criteria: Criteria,
    where: tuple[PathPart, ...],
    doc: Document,
    library: CriteriaLibrary,
    base: Path,
    found: dict[str, Criteria],
) -> list[Issue]:
    """Each related entry against its criteria; answers' own `related`, the same way."""
    required = set(required_sets(criteria))
    issues: list[Issue] = []
    for key, entry in entries.items():
        path = (*where, key)
        if key not in required:
            issues.append(
                doc.issue(
                    path,
                    "CB307",
                    f"{criteria.id} does not require {quote(key)}; these answers are not used",
                    severity=Severity.WARNING,
                    at_key=True,
                )
            )
            continue
        try:
            other = library.reference(key, entry.file, base)
        except ClusterbenchError as exc:
            message, theirs = unusable(exc, entry.file)
            issues += [doc.issue(path, "CB307", message, at_key=True), *theirs]
            continue
        found[key] = other
        if entry.level is not None and other.level(entry.level) is None:
            ids = [lv.id for lv in other.levels]
            issues.append(
                doc.issue(
                    (*path, "level"),
                    "CB213",
                    f"{key} has no level {entry.level!r}{suggest(entry.level, ids)}",
                )
            )
        issues += check_answers(
            other, entry.answers, (*path, "answers"), doc, report_missing=bool(entry.answers)
        )
        issues += _related_entries(
            entry.related, other, (*path, "related"), doc, library, base, found
        )
    return issues


def _previous(assessment: Assessment, criteria: Criteria, doc: Document) -> list[Issue]:
    """The stated previous assessment (a file is checked with its chain: ``loader.chain``)."""
    previous = assessment.previous
    assert previous is not None
    issues: list[Issue] = []
    if previous.date is not None and previous.date >= assessment.date:
        issues.append(
            doc.issue(
                ("previous", "date"),
                "CB309",
                "the previous assessment must be dated before this one",
            )
        )
    same = previous.criteria in (None, criteria.id)
    if previous.level is not None and same and criteria.level(previous.level) is None:
        ids = [lv.id for lv in criteria.levels]
        issues.append(
            doc.issue(
                ("previous", "level"),
                "CB309",
                f"{criteria.id} has no level {previous.level!r}{suggest(previous.level, ids)}",
            )
        )
    return issues


def read_assessment(
    path: str | os.PathLike[str],
    library: CriteriaLibrary | None = None,
    *,
    criteria: Criteria | None = None,
    document: Document | None = None,
    languages: Sequence[str] = (),
) -> CheckedAssessment:
    """Read and check one assessment file, not its previous chain; raise
    :class:`AssessmentError` only if unreadable.

    ``loader.chain.AssessmentReader`` reads the chain too, as ``validate`` and ``score``
    do.  ``criteria`` replaces the criteria the file names; ``document`` is the file
    already parsed (by a caller that had to look inside it first).
    """
    doc = document
    if doc is None:
        try:
            doc = read_document(path)
        except InputError as exc:
            raise AssessmentError(exc.issues) from None
    return check_assessment_document(
        doc, library, base=Path(path).parent, criteria=criteria, languages=languages
    )


def _accept(checked: CheckedAssessment) -> Assessment:
    if not checked.ok or checked.assessment is None:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    return checked.assessment


def load_assessment(
    path: str | os.PathLike[str], library: CriteriaLibrary | None = None
) -> Assessment:
    """Load an assessment file and check its answers against the criteria it names.

    Its previous assessments are checked too, as ``validate`` and ``score`` check them.
    Raises :class:`~clusterbench.AssessmentError` carrying every located error.  Warnings
    (an unanswered indicator) do not stop loading.
    """
    from .chain import AssessmentReader  # the chain reader builds on this module

    return _accept(AssessmentReader(library).read(path))


def parse_assessment(
    text: str | bytes, *, name: str = "<assessment>", library: CriteriaLibrary | None = None
) -> Assessment:
    """Parse an assessment from YAML text; raises :class:`~clusterbench.AssessmentError`.

    A `previous.file` is read relative to the current folder.
    """
    from .chain import AssessmentReader

    return _accept(AssessmentReader(library).parse(text, name=name, base=Path.cwd()))
