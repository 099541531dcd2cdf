"""Designations: titles a level carries while their own requirements hold.

NCE is not a level of the national programme but a status an Arena Pro cluster holds
for as long as it has a valid Gold label.  A designation is decided like a level, by
the requirement kinds of the registry, with two differences: it is held only beside
one of its levels, and it lasts until the first of the level's end and the end of each
related label it needs valid.  It is decided on the assessment date
(:func:`designations_of`) and, for a register or a history, on any later day
(:func:`designation_on`): then the requirements on other criteria sets are decided
again from the labels held that day, and every other requirement is as the assessment
decided it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ..kinds.facts import Facts, Related
from ..kinds.registry import describe, requirement_kind
from ..models.common import construct
from ..models.criteria import Criteria, Designation
from ..models.result import DesignationResult, RequirementResult

__all__ = ["designation_on", "designations_of", "related_sets"]


def designations_of(
    criteria: Criteria, facts: Facts, level: str | None, level_until: dt.date | None
) -> tuple[DesignationResult, ...]:
    """Every designation of ``criteria`` on the assessment date, beside the level awarded."""
    out = []
    for designation in criteria.designations:
        found = tuple(requirement_kind(req).explain(req, facts) for req in designation.requires)
        out.append(_decide(designation, found, facts, level, level_until))
    return tuple(out)


def related_sets(designation: Designation) -> list[str]:
    """The criteria sets whose labels a designation's requirements name."""
    found = (describe(req).criteria for req in designation.requires)
    return list(dict.fromkeys(c for c in found if c is not None))


def designation_on(
    criteria: Criteria,
    designation: Designation,
    decided: DesignationResult | None,
    day: dt.date,
    level: str | None,
    level_until: dt.date | None,
    related: Mapping[str, Related],
) -> DesignationResult:
    """A designation on ``day``, beside ``level`` (the level held that day, valid until
    ``level_until``): its requirements on other sets decided from ``related`` (those
    sets' labels as they stand that day), the others as ``decided`` on the assessment
    date (not held when that is unknown)."""
    facts = Facts(criteria=criteria, indicators={}, date=day, related=related)
    found: list[RequirementResult] = []
    for index, req in enumerate(designation.requires):
        kind = requirement_kind(req)
        earlier = decided.requirements[index] if decided is not None else None
        if describe(req).criteria is not None:
            found.append(kind.explain(req, facts))
        elif earlier is not None:
            found.append(earlier)
        else:  # what the assessment decided is not known: not held
            found.append(construct(RequirementResult, kind=kind.kind, held=False, fixable=False))
    return _decide(designation, tuple(found), facts, level, level_until)


def _decide(
    designation: Designation,
    requirements: Sequence[RequirementResult],
    facts: Facts,
    level: str | None,
    level_until: dt.date | None,
) -> DesignationResult:
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
        requirements=tuple(requirements),
        valid_from=facts.date if held else None,
        valid_until=until,
    )
