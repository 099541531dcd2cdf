"""Golden examples: each scored, each checked against the level it must get (CB217)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..errors import InputError, Issue
from ..kinds.english import sentence
from ..kinds.registry import answer_kind
from ..loader.source import Document
from ..models.answers import Answer
from ..models.assessment import (
    Assessment,
    AssessmentInfo,
    CriteriaReference,
    Decision,
    ImprovementArea,
    Organisation,
    PreviousAssessment,
    RelatedAnswers,
)
from ..models.common import construct
from ..models.criteria import Criteria, Example, Expectation, Indicator
from ..models.dates import add_months
from ..models.result import Result
from .engine import decide, score
from .values import passing_value

__all__ = [
    "EXAMPLE_DATE",
    "check_examples",
    "decide_example",
    "example_assessment",
    "score_example",
]

EXAMPLE_DATE = dt.date(2026, 1, 15)
"""The date golden examples are scored on (rules such as `within_months` need one)."""
_ORGANISATION = Organisation(name="Golden example", country="XXX")


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
                answers[indicator.id] = construct(Answer, value=value)
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
            stated_previous = construct(PreviousAssessment, date=date, level=example.previous.level)
    related = {
        key: construct(
            RelatedAnswers,
            level=stated.level if stated is not None else None,
            awarded=stated.awarded if stated is not None else None,
            valid_until=stated.valid_until if stated is not None else None,
        )
        for key, stated in example.criteria_levels.items()
    }
    areas = tuple(
        construct(ImprovementArea, indicator=i, verified=True) for i in example.improvement_areas
    )
    current = _assessment(criteria, answers, EXAMPLE_DATE, related, areas, stated_previous)
    return current, previous_assessment


def _previous_result(
    criteria: Criteria, example: Example, previous: Assessment | None
) -> Result | None:
    if previous is None or example.previous is None:
        return None
    # The example states the previous label: it was held (approved), at the level stated.
    held = construct(Decision, status="approved")
    return score(criteria, previous).model_copy(
        update={"level": example.previous.level, "decision": held}
    )


def score_example(criteria: Criteria, example: Example) -> Result:
    """Score one golden example, fully explained."""
    current, previous = example_assessment(criteria, example)
    return score(criteria, current, _previous_result(criteria, example, previous))


def decide_example(criteria: Criteria, example: Example) -> tuple[str | None, Decimal, Decimal]:
    """The level and (earned, possible) points of one golden example, without explanations."""
    current, previous = example_assessment(criteria, example)
    return decide(criteria, current, _previous_result(criteria, example, previous))


def _meets(expect: Expectation, level: str | None, earned: Decimal, possible: Decimal) -> bool:
    if level != expect.level or (expect.points is not None and earned != expect.points):
        return False
    got = Fraction(earned) / Fraction(possible) if possible else Fraction(0)
    return expect.share is None or got == Fraction(expect.share)


def check_examples(criteria: Criteria, doc: Document) -> Iterator[Issue]:
    """A CB217 Issue, located at the example, for each golden example that fails."""
    for index, example in enumerate(criteria.examples):
        base = ("examples", index, "expect")
        wanted = example.expect.designations
        try:
            if wanted is None and _meets(example.expect, *decide_example(criteria, example)):
                continue  # the common case: nothing to explain
            result = score_example(criteria, example)
        except InputError as exc:
            message = f"example {example.name!r} cannot be scored: {exc}"
            yield doc.issue(("examples", index), "CB217", message)
            continue
        expect = example.expect
        if result.level != expect.level:
            message = _level_message(example.name, result, expect.level)
            yield doc.issue((*base, "level"), "CB217", message)
        if expect.points is not None and result.score.points != expect.points:
            message = f"example {example.name!r} earns {result.score.points} points, expected {expect.points}"
            yield doc.issue((*base, "points"), "CB217", message)
        if expect.share is not None:
            possible = result.score.max_points
            got = Fraction(result.score.points) / Fraction(possible) if possible else Fraction(0)
            if got != Fraction(expect.share):
                message = f"example {example.name!r} reaches {float(got):.2%}, expected {float(expect.share):.2%}"
                yield doc.issue((*base, "share"), "CB217", message)
        held = tuple(d.id for d in result.designations if d.held)
        if wanted is not None and held != wanted:
            message = (
                f"example {example.name!r} holds the designations {', '.join(held) or 'none'}, "
                f"expected {', '.join(wanted) or 'none'}"
            )
            yield doc.issue((*base, "designations"), "CB217", message)


def _level_message(name: str, result: Result, expected: str | None) -> str:
    got = result.level or "no level"
    message = f"example {name!r} gets {got}, expected {expected or 'no level'}"
    if expected is not None:
        level = result.level_result(expected)
        if level is not None:
            failing = [sentence(r) for r in level.requirements if not r.held]
            if failing:
                message += f"; {expected} fails: " + "; ".join(failing)
    elif result.level is not None:
        level = result.level_result(result.level)
        if level is not None:
            message += f"; {result.level} holds: " + "; ".join(
                sentence(r) for r in level.requirements
            )
    return message


def _assessment(
    criteria: Criteria,
    answers: Mapping[str, Answer],
    date: dt.date,
    related: dict[str, RelatedAnswers],
    areas: tuple[ImprovementArea, ...],
    previous: PreviousAssessment | None,
) -> Assessment:
    # Built without validation: every part is already a model, and examples are many.
    return construct(
        Assessment,
        kind="assessment",
        format=1,
        organisation=_ORGANISATION,
        assessment=construct(AssessmentInfo, date=date),
        criteria=construct(CriteriaReference, id=criteria.id, version=criteria.version),
        answers=dict(answers),
        related=related,
        improvement_areas=areas,
        previous=previous,
    )


def _neutral_value(indicator: Indicator) -> Any:
    """A value for an indicator no rule judges (descriptive), so that it counts as answered."""
    return answer_kind(indicator.answer).neutral(indicator.answer, EXAMPLE_DATE)
