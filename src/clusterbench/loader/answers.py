"""Checking recorded answers against their indicators (golden examples and assessments)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..errors import Issue, PathPart, Severity
from ..models.answer_types import AnswerValueError, suggest
from ..models.answers import Answer
from ..models.criteria import Criteria
from .source import Document

__all__ = ["check_answers"]


def check_answers(
    criteria: Criteria,
    answers: Mapping[str, Answer],
    base: tuple[PathPart, ...],
    doc: Document,
    *,
    unknown_code: str = "CB301",
    report_missing: bool = False,
) -> Iterator[Issue]:
    """Located Issues for answers that do not fit their indicators.

    Unknown indicator ids get a suggestion; values of the wrong type, out of bounds or
    naming an unknown option are errors; ``not_applicable`` where the criteria forbid
    it is an error; with ``report_missing``, each unanswered indicator is a warning.
    """
    ids = [i.id for i in criteria.indicators]
    for key, answer in answers.items():
        path = (*base, key)
        indicator = criteria.indicator(key)
        if indicator is None:
            yield doc.issue(
                path, unknown_code, f"unknown indicator {key!r}{suggest(key, ids)}", at_key=True
            )
            continue
        if answer.not_applicable:
            if not indicator.allow_not_applicable and indicator.applies_if is None:
                yield doc.issue(
                    (*path, "status"),
                    "CB305",
                    f"{key} may not be marked not applicable; answer it ({indicator.answer.describe()})",
                )
            elif not answer.reason:
                yield doc.issue(
                    path,
                    "CB305",
                    f"{key} is marked not applicable without a `reason`; say why",
                    severity=Severity.WARNING,
                )
            continue
        if answer.value is None:
            continue
        try:
            indicator.answer.normalize(answer.value)
        except AnswerValueError as exc:
            # Located only now: looking a position up costs more than the check itself.
            value_path = (*path, "value") if doc.position((*path, "value")) is not None else path
            yield doc.issue(value_path, exc.code, exc.message)
    if report_missing:
        for indicator in criteria.indicators:
            given = answers.get(indicator.id)
            if given is None or (given.value is None and not given.not_applicable):
                if indicator.applies_if is not None:
                    continue  # applicability is decided when scoring
                yield doc.issue(
                    base,
                    "CB306",
                    f"{indicator.id} ({indicator.title}) is not answered; the assessment is incomplete",
                    severity=Severity.WARNING,
                )
