"""Golden examples: each scored, each checked against the level it must get (CB217)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any

from ..errors import InputError, Issue
from ..loader.source import Document
from ..models.answer_types import BooleanAnswer, ChoiceAnswer, DateAnswer, ScaleAnswer, TextAnswer
from ..models.answers import Answer
from ..models.assessment import (
    Assessment,
    AssessmentInfo,
    CriteriaReference,
    ImprovementArea,
    Organisation,
    PreviousAssessment,
    RelatedAnswers,
)
from ..models.criteria import Criteria, Example, Indicator
from ..models.dates import add_months
from ..models.result import Result
from .engine import score
from .values import passing_value

__all__ = ["EXAMPLE_DATE", "check_examples", "example_assessment", "score_example"]

EXAMPLE_DATE = dt.date(2026, 1, 15)
"""The date golden examples are scored on (rules such as `within_months` need one)."""


def example_assessment(
    criteria: Criteria, example: Example
) -> tuple[Assessment, Assessment | None]:
    """The assessment an example stands for, and its previous assessment when it has answers."""
    answers: dict[str, Answer] = {}
    if example.start == "all_met":
        for indicator in criteria.indicators:
            value = passing_value(indicator, EXAMPLE_DATE)
            if value is None:
                value = _neutral_value(indicator)
            if value is not None:
                answers[indicator.id] = Answer(value=value)
    answers.update(example.answers)
    previous_assessment = None
    stated_previous = None
    if example.previous is not None:
        date = add_months(EXAMPLE_DATE, -example.previous.months_ago)
        if example.previous.answers:
            previous_assessment = _assessment(
                criteria, example.previous.answers, date, {}, (), None
            )
        else:
            stated_previous = PreviousAssessment(date=date, level=example.previous.level)
    related = {key: RelatedAnswers(level=level) for key, level in example.criteria_levels.items()}
    areas = tuple(ImprovementArea(indicator=i, verified=True) for i in example.improvement_areas)
    current = _assessment(criteria, answers, EXAMPLE_DATE, related, areas, stated_previous)
    return current, previous_assessment


def score_example(criteria: Criteria, example: Example) -> Result:
    """Score one golden example."""
    current, previous_assessment = example_assessment(criteria, example)
    previous = None
    if previous_assessment is not None and example.previous is not None:
        previous = score(criteria, previous_assessment).model_copy(
            update={"level": example.previous.level}
        )
    return score(criteria, current, previous)


def check_examples(criteria: Criteria, doc: Document) -> Iterator[Issue]:
    """A CB217 Issue, located at the example, for each golden example that fails."""
    for index, example in enumerate(criteria.examples):
        base = ("examples", index, "expect")
        try:
            result = score_example(criteria, example)
        except InputError as exc:
            yield doc.issue(
                ("examples", index), "CB217", f"example {example.name!r} cannot be scored: {exc}"
            )
            continue
        expect = example.expect
        if result.level != expect.level:
            yield doc.issue(
                (*base, "level"), "CB217", _level_message(example.name, result, expect.level)
            )
        if expect.points is not None and result.score.points != expect.points:
            yield doc.issue(
                (*base, "points"),
                "CB217",
                f"example {example.name!r} earns {result.score.points} points, expected {expect.points}",
            )
        if expect.share is not None:
            possible = result.score.max_points
            got = Fraction(result.score.points) / Fraction(possible) if possible else Fraction(0)
            if got != Fraction(expect.share):
                yield doc.issue(
                    (*base, "share"),
                    "CB217",
                    f"example {example.name!r} reaches {float(got):.2%}, expected {float(expect.share):.2%}",
                )


def _level_message(name: str, result: Result, expected: str | None) -> str:
    got = result.level or "no level"
    message = f"example {name!r} gets {got}, expected {expected or 'no level'}"
    if expected is not None:
        level = result.level_result(expected)
        if level is not None:
            failing = [r.text for r in level.requirements if not r.held]
            if failing:
                message += f"; {expected} fails: " + "; ".join(failing)
    elif result.level is not None:
        level = result.level_result(result.level)
        if level is not None:
            message += f"; {result.level} holds: " + "; ".join(r.text for r in level.requirements)
    return message


def _assessment(
    criteria: Criteria,
    answers: Mapping[str, Answer],
    date: dt.date,
    related: dict[str, RelatedAnswers],
    areas: tuple[ImprovementArea, ...],
    previous: PreviousAssessment | None,
) -> Assessment:
    return Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Golden example", country="XXX"),
        assessment=AssessmentInfo(date=date),
        criteria=CriteriaReference(id=criteria.id, version=criteria.version),
        answers=dict(answers),
        related=related,
        improvement_areas=areas,
        previous=previous,
    )


def _neutral_value(indicator: Indicator) -> Any:
    """A value for an indicator no rule judges (descriptive), so that it counts as answered."""
    answer = indicator.answer
    if isinstance(answer, BooleanAnswer):
        return True
    if isinstance(answer, ChoiceAnswer):
        first = answer.options[0].id
        return [first] if answer.multiple else first
    if isinstance(answer, ScaleAnswer):
        return answer.steps[-1].value
    if isinstance(answer, DateAnswer):
        return EXAMPLE_DATE
    if isinstance(answer, TextAnswer):
        return "example"
    low = getattr(answer, "min", None)
    return low if low is not None else 0
