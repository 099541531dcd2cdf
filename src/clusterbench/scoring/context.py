"""What scoring decides from besides the answers: the history, the related sets, what-ifs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from ..kinds.facts import Facts, Previous, Related
from ..kinds.registry import answer_kind, required_sets, split_assumptions
from ..models.answers import Answer
from ..models.assessment import Assessment, RelatedAnswers
from ..models.common import construct
from ..models.criteria import Criteria
from ..models.result import RelatedResult, Result
from .history import validity
from .indicators import outcome, outcome_of
from .requirements import level_holds
from .standing import label_on
from .values import normalized_values
from .versions import indicator_map

__all__ = ["assumed", "previous_of", "related_of"]


def previous_of(
    criteria: Criteria,
    assessment: Assessment,
    previous: Result | None,
    versions: Sequence[Criteria] | None = None,
    dependencies: Mapping[str, Criteria] | None = None,
) -> Previous | None:
    """The previous assessment: its Result, else the date and level the assessment states.

    One that is not dated before this assessment is no previous assessment: it can give
    no renewal, no previous level and no improvement (the loader refuses such files;
    this keeps a Result built in memory just as safe).  Made with another version of
    the same set, its indicators are keyed by their counterparts' ids here (through
    ``versions``, the versions after its own up to ``criteria``), and those without a
    counterpart are left out and named (``Previous.carried``).  Its label counts as held
    as the register would judge it on this assessment's date (:func:`.standing.label_on`:
    approved by then, or free of approval); a stated previous level is held as stated.
    """
    found: Previous | None
    if previous is not None:
        outcomes = {r.id: outcome(r) for r in previous.indicators}
        carried = None
        if previous.criteria.id == criteria.id and previous.criteria.version != criteria.version:
            carried = indicator_map(criteria, previous.criteria.version, list(outcomes), versions)
            outcomes = {
                new: outcomes[old]._replace(id=new, category=_category(criteria, new))
                for old, new in carried.pairs.items()
            }
        valid = previous.validity
        own = criteria
        if previous.criteria.id != criteria.id:
            own = (dependencies or {}).get(previous.criteria.id, criteria)
        label = label_on(
            previous.level,
            valid,
            previous.assessment.date,
            previous.decision,
            own,
            assessment.date,
        )
        found = Previous(
            date=previous.assessment.date,
            level=previous.level,
            criteria=previous.criteria.id,
            indicators=outcomes,
            valid_until=label.valid_until if label.awarded else None,
            version=previous.criteria.version,
            renewals=valid.renewals if valid else 0,
            carried=carried,
            held=label.level if label.awarded else None,
            decision=label.decision,
            valid_from=valid.valid_from if valid else None,
        )
    else:
        stated = assessment.previous
        if stated is None or stated.date is None:
            return None
        found = Previous(
            date=stated.date,
            level=stated.level,
            criteria=stated.criteria or criteria.id,
            held=stated.level,
        )
    return found if found.date < assessment.date else None


def _category(criteria: Criteria, indicator_id: str) -> str:
    found = criteria.indicator(indicator_id)
    return found.category if found is not None else ""


# ------------------------------------------------------------------ related sets
def related_of(
    criteria: Criteria,
    entries: Mapping[str, RelatedAnswers],
    on: dt.date,
    dependencies: Mapping[str, Criteria],
    results: Mapping[str, Result],
) -> dict[str, Related]:
    """Each required set's outcome, with its dates: scored here from answers (with what
    that set itself requires), taken from that set's own scored assessment, stated, or
    missing.
    """
    found: dict[str, Related] = {}
    for criteria_id in required_sets(criteria):
        other = dependencies.get(criteria_id)
        order = tuple(lv.id for lv in other.levels) if other is not None else ()
        entry = entries.get(criteria_id)
        if entry is None:
            result = construct(RelatedResult, criteria=criteria_id, level=None, source="missing")
        elif entry.assessment is not None:
            scored = results.get(criteria_id)
            if scored is None:
                raise ValueError(
                    f"related.{criteria_id} names the assessment {entry.assessment!r}: "
                    "score() needs its Result among `related` (score_file scores it)"
                )
            if other is None:
                raise ValueError(f"{criteria_id!r} is not among `dependencies`")
            result = _from_result(scored, entry.assessment, other, on)
        elif entry.answers:
            if other is None:
                raise ValueError(
                    f"related answers to {criteria_id!r} need those criteria among "
                    "`dependencies`; the loaders give them with the assessment"
                )
            result = _scored_here(other, entry, on, dependencies)
        else:
            result = construct(
                RelatedResult,
                criteria=criteria_id,
                level=entry.level,
                source="stated",
                awarded=entry.awarded,
                valid_until=entry.valid_until,
            )
        found[criteria_id] = Related(result, order)
    return found


def _scored_here(
    criteria: Criteria, entry: RelatedAnswers, on: dt.date, dependencies: Mapping[str, Criteria]
) -> RelatedResult:
    """Answers to another set, decided on ``on`` with that set's own related sets."""
    values = normalized_values(criteria, entry.answers)
    facts = Facts(
        criteria=criteria,
        indicators={
            i.id: outcome_of(i, entry.answers.get(i.id), values, on) for i in criteria.indicators
        },
        date=on,
        related=related_of(criteria, entry.related, on, dependencies, {}),
    )
    level = next((lv.id for lv in reversed(criteria.levels) if level_holds(lv, facts)), None)
    tally = facts.tally(None)
    valid = validity(criteria, level, facts)
    return construct(
        RelatedResult,
        criteria=criteria.id,
        level=level,
        source="answers",
        points=tally.earned,
        max_points=tally.possible,
        date=on,
        awarded=on if level is not None else None,
        valid_until=valid.valid_until if valid is not None else None,
        related=tuple(r.result for r in facts.related.values()),
    )


def _from_result(result: Result, file: str, criteria: Criteria, on: dt.date) -> RelatedResult:
    """Another set's label from its own scored assessment, as it stood on day ``on``.

    The level counts only as the register would count it that day: approved by then (or
    free of approval), neither rejected nor withdrawn; its validity is the approved
    level's, awarded on the approval's date.
    """
    label = label_on(
        result.level, result.validity, result.assessment.date, result.decision, criteria, on
    )
    awarded = label.awarded or label.status == "not_yet_valid"
    later = result.decision  # approved after the day: when it was awarded after all
    decided = later.date if later is not None and later.status == "approved" else None
    return construct(
        RelatedResult,
        criteria=result.criteria.id,
        level=label.level if label.awarded else None,
        source="file",
        points=result.score.points,
        max_points=result.score.max_points,
        date=result.assessment.date,
        awarded=(label.decided or label.valid_from) if awarded else decided,
        valid_until=label.valid_until if awarded else None,
        file=file,
        reached=result.level,
        decision=label.decision,
        related=result.related,
    )


# --------------------------------------------------------------------- what-ifs
def assumed(
    criteria: Criteria,
    assessment: Assessment,
    assume: Mapping[str, Any],
    dependencies: Mapping[str, Criteria],
) -> tuple[Assessment, dict[str, Any]]:
    """The assessment with assumed answers put in, and each assumption as normalised.

    An assumed ``null`` takes the answer away (the indicator is then not answered); it is
    recorded like any other assumption.
    """
    answers, entries, recorded = _assume(
        criteria, assessment.answers, assessment.related, assume, dependencies, ""
    )
    changed = assessment.model_copy(update={"answers": answers, "related": entries})
    return changed, recorded


def _assume(
    criteria: Criteria,
    answers: Mapping[str, Answer],
    entries: Mapping[str, RelatedAnswers],
    assume: Mapping[str, Any],
    dependencies: Mapping[str, Criteria],
    prefix: str,
) -> tuple[dict[str, Answer], dict[str, RelatedAnswers], dict[str, Any]]:
    own, related = split_assumptions(criteria, assume)
    new_answers = dict(answers)
    recorded: dict[str, Any] = {}
    for key, value in own.items():
        new_answers[key] = construct(Answer, value=value)
        indicator = criteria.indicator(key)
        if indicator is None:
            raise ValueError(f"--assume {prefix}{key}: {criteria.id} has no such indicator")
        kind = answer_kind(indicator.answer)
        recorded[prefix + key] = (
            kind.normalize(indicator.answer, value) if value is not None else None
        )
    new_entries = dict(entries)
    for set_id, values in related.items():
        other = dependencies.get(set_id)
        entry = entries.get(set_id) or construct(RelatedAnswers)
        if other is None or entry.level is not None or entry.assessment is not None:
            raise ValueError(
                f"--assume {prefix}{set_id}.…: {set_id} is not answered in this assessment"
            )
        inner, nested, more = _assume(
            other, entry.answers, entry.related, values, dependencies, f"{prefix}{set_id}."
        )
        new_entries[set_id] = entry.model_copy(update={"answers": inner, "related": nested})
        recorded.update(more)
    return new_answers, new_entries, recorded
