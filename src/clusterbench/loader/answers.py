"""Checking recorded answers against their indicators (golden examples, assessments, --assume).

This is the one place answers are checked: scoring trusts what passes here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..errors import Issue, PathPart, Severity, quote
from ..kinds.registry import answer_kind, split_assumptions
from ..models.answer_types import AnswerValueError, suggest
from ..models.answers import Answer
from ..models.assessment import RelatedAnswers
from ..models.criteria import Criteria, Indicator
from .source import Document

__all__ = ["ASSUMPTIONS", "check_answers", "check_assumptions"]

ASSUMPTIONS = "--assume"
"""The file name Issues about assumed answers carry (they come from the command line)."""


@dataclass(frozen=True, slots=True)
class _Problem:
    path: tuple[PathPart, ...]
    code: str
    message: str
    severity: Severity = Severity.ERROR
    at_key: bool = False
    value: bool = False  # located at the answer's `value` when it has one


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
    for problem in _problems(criteria, answers, base, unknown_code, report_missing):
        path = problem.path
        if problem.value and doc.position((*path, "value")) is not None:
            # Located only now: looking a position up costs more than the check itself.
            path = (*path, "value")
        yield doc.issue(
            path, problem.code, problem.message, severity=problem.severity, at_key=problem.at_key
        )


def check_assumptions(
    criteria: Criteria,
    assume: Mapping[str, Any],
    related: Mapping[str, Criteria] | None = None,
    entries: Mapping[str, RelatedAnswers] | None = None,
    prefix: str = "",
) -> list[Issue]:
    """Issues for answers assumed on the command line (``--assume ID=VALUE``).

    ``esca-eligibility.E2=0.3`` assumes an answer of a related set the assessment answers
    (``entries``), checked against that set's criteria among ``related``.
    """
    answers: dict[str, Answer] = {}
    issues: list[Issue] = []
    own, others = split_assumptions(criteria, assume)
    for key, value in own.items():
        try:
            answers[key] = Answer(value=value)
        except ValidationError:
            issues.append(
                _assumed(prefix + key, "CB302", "must be one value (or a list of option ids)")
            )
    for problem in _problems(criteria, answers, (), "CB301", False):
        issues.append(_assumed(prefix + str(problem.path[0]), problem.code, problem.message))
    for set_id, values in others.items():
        other = (related or {}).get(set_id)
        entry = (entries or {}).get(set_id)
        where = f"{prefix}{set_id}"
        if other is None:
            issues.append(_assumed(where, "CB307", f"the criteria {set_id!r} are not available"))
        elif entry is not None and (entry.level is not None or entry.assessment is not None):
            given = "a stated level" if entry.level is not None else "an assessment file"
            message = f"{set_id} is given as {given} here; answers to it cannot be assumed"
            issues.append(_assumed(where, "CB307", message))
        else:
            nested = entry.related if entry is not None else {}
            issues += check_assumptions(other, values, related, nested, f"{where}.")
    return issues


def _assumed(key: str, code: str, message: str) -> Issue:
    return Issue(ASSUMPTIONS, None, None, key, code, Severity.ERROR, message)


def _problems(
    criteria: Criteria,
    answers: Mapping[str, Answer],
    base: tuple[PathPart, ...],
    unknown_code: str,
    report_missing: bool,
) -> Iterator[_Problem]:
    ids = [i.id for i in criteria.indicators]
    for key, answer in answers.items():
        path = (*base, key)
        indicator = criteria.indicator(key)
        if indicator is None:
            message = f"unknown indicator {quote(key)}{suggest(key, ids)}"
            yield _Problem(path, unknown_code, message, at_key=True)
            continue
        if answer.not_applicable:
            if not indicator.allow_not_applicable and indicator.applies_if is None:
                yield _Problem(
                    (*path, "status"),
                    "CB305",
                    f"{key} may not be marked not applicable; answer it ({summary(indicator)})",
                )
            elif not answer.reason:
                yield _Problem(
                    path,
                    "CB305",
                    f"{key} is marked not applicable without a `reason`; say why",
                    Severity.WARNING,
                )
            continue
        if answer.value is None:
            continue
        try:
            answer_kind(indicator.answer).normalize(indicator.answer, answer.value)
        except AnswerValueError as exc:
            yield _Problem(path, exc.code, exc.message, value=True)
    if report_missing:
        for indicator in criteria.indicators:
            given = answers.get(indicator.id)
            if given is None or (given.value is None and not given.not_applicable):
                if indicator.applies_if is not None:
                    continue  # applicability is decided when scoring
                # At the indicator's own line when the file lists it (a questionnaire's
                # `G01:`), else at the `answers:` mapping that lacks it.
                yield _Problem(
                    (*base, indicator.id),
                    "CB306",
                    f"{indicator.id} ({indicator.title}) is not answered; the assessment is incomplete",
                    Severity.WARNING,
                    at_key=True,
                )


def summary(indicator: Indicator) -> str:
    """What the indicator's answer asks for, shortly."""
    return answer_kind(indicator.answer).summary(indicator.answer)
