"""Designations: titles a level carries while their own requirements hold.

NCE is not a level of the national programme but a status an Arena Pro cluster holds
for as long as it has a valid Gold label.  A designation is decided like a level, by
the requirement kinds of the registry, with two differences: it is held only beside
one of its levels, and it lasts until the first of the level's end and the end of each
related label it needs valid.  It is decided on the assessment date (:func:`designations_of`)
and, for a register or a history, on any later day from the labels held then
(:func:`designation_on`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..kinds.facts import Facts, Related
from ..kinds.registry import describe, requirement_kind
from ..models.common import construct
from ..models.criteria import Criteria, Designation
from ..models.result import DesignationResult, Result
from .context import outcome

__all__ = ["designation_on", "designations_of"]


def designations_of(
    criteria: Criteria, facts: Facts, level: str | None, level_until: dt.date | None
) -> tuple[DesignationResult, ...]:
    """Every designation of ``criteria`` on the assessment date, beside the level awarded."""
    return tuple(_decide(d, facts, level, level_until) for d in criteria.designations)


def designation_on(
    criteria: Criteria,
    designation: Designation,
    result: Result,
    day: dt.date,
    level: str | None,
    level_until: dt.date | None,
    related: Mapping[str, Related],
) -> DesignationResult:
    """A designation on ``day``: beside ``level`` (the level held that day, valid until
    ``level_until``), with the assessment's own answers and ``related``, the other sets'
    labels as they stand that day.  Requirements on the previous assessment are not
    decided again here: none is known on a later day."""
    facts = Facts(
        criteria=criteria,
        indicators={r.id: outcome(r) for r in result.indicators},
        date=day,
        related=related,
        areas=result.comparison.improvement_areas if result.comparison else (),
    )
    return _decide(designation, facts, level, level_until)


def _decide(
    designation: Designation, facts: Facts, level: str | None, level_until: dt.date | None
) -> DesignationResult:
    requirements = tuple(requirement_kind(req).explain(req, facts) for req in designation.requires)
    given = level if level in designation.levels else None
    held = given is not None and all(r.held for r in requirements)
    until = None
    if held:
        ends = [level_until] if level_until is not None else []
        for req in designation.requires:
            stated = describe(req)
            related = facts.related.get(stated.criteria) if stated.criteria else None
            if stated.valid and related is not None and related.result.valid_until is not None:
                ends.append(related.result.valid_until)
        until = min(ends) if ends else None
    return construct(
        DesignationResult,
        id=designation.id,
        held=held,
        level=given,
        requirements=requirements,
        valid_from=facts.date if held else None,
        valid_until=until,
    )
