"""What scoring decides from besides the answers: the history and the related sets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from ..kinds.facts import Outcome, Previous, Related
from ..kinds.registry import required_sets
from ..models.answers import Answer
from ..models.assessment import Assessment
from ..models.common import construct
from ..models.criteria import Criteria
from ..models.result import IndicatorResult, RelatedResult, Result

__all__ = ["outcome", "previous_of", "related_of"]


def outcome(result: IndicatorResult) -> Outcome:
    """An indicator result as the light record stage two decides from."""
    return Outcome(
        result.id,
        result.category,
        result.status,
        result.points,
        result.max_points,
        result.band,
        result.minimum_requirement,
    )


def previous_of(
    criteria: Criteria, assessment: Assessment, previous: Result | None
) -> Previous | None:
    """The previous assessment: its Result, else the date and level the assessment states.

    One that is not dated before this assessment is no previous assessment: it can give
    no renewal, no previous level and no improvement (the loader refuses such files;
    this keeps a Result built in memory just as safe).
    """
    found: Previous | None
    if previous is not None:
        found = Previous(
            date=previous.assessment.date,
            level=previous.level,
            criteria=previous.criteria.id,
            indicators={r.id: outcome(r) for r in previous.indicators},
            valid_until=previous.validity.valid_until if previous.validity else None,
        )
    else:
        stated = assessment.previous
        if stated is None or stated.date is None:
            return None
        found = Previous(
            date=stated.date, level=stated.level, criteria=stated.criteria or criteria.id
        )
    return found if found.date < assessment.date else None


def related_of(
    criteria: Criteria,
    assessment: Assessment,
    dependencies: Mapping[str, Criteria],
    decide: Callable[
        [Criteria, Mapping[str, Answer], dt.date], tuple[str | None, Decimal, Decimal]
    ],
) -> dict[str, Related]:
    """Each required set's outcome: scored from answers, stated, or missing."""
    found: dict[str, Related] = {}
    for criteria_id in required_sets(criteria):
        other = dependencies.get(criteria_id)
        order = tuple(lv.id for lv in other.levels) if other is not None else ()
        entry = assessment.related.get(criteria_id)
        if entry is None:
            result = construct(RelatedResult, criteria=criteria_id, level=None, source="missing")
        elif entry.answers:
            if other is None:
                raise ValueError(
                    f"related answers to {criteria_id!r} need those criteria among "
                    "`dependencies`; the loaders give them with the assessment"
                )
            level, earned, possible = decide(other, entry.answers, assessment.date)
            result = construct(
                RelatedResult,
                criteria=criteria_id,
                level=level,
                source="answers",
                points=earned,
                max_points=possible,
                date=assessment.date,
            )
        else:
            result = construct(
                RelatedResult, criteria=criteria_id, level=entry.level, source="stated"
            )
        found[criteria_id] = Related(result, order)
    return found
