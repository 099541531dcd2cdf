"""Designations in the register and in a history: decided from the labels held on a day.

A designation (NCE beside Arena Pro) needs the organisation's labels of other criteria
sets (a valid Gold).  The register knows them all: on its day, each row's designations
are decided from the label in force and the organisation's other rows; a history asks
the same on every day something changes, and so finds the periods a designation was held.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import ClusterbenchError
from ..kinds.facts import Related
from ..loader.library import CriteriaLibrary
from ..models.common import construct
from ..models.result import DesignationResult, RelatedResult
from ..scoring.designations import designation_on, related_sets

if TYPE_CHECKING:  # the register builds on this module
    from .register import Row

__all__ = ["DesignationPeriod", "designation_periods", "with_designations"]


def with_designations(
    rows: list[Row], on: dt.date, library: CriteriaLibrary | None = None
) -> list[Row]:
    """The rows, each with its criteria's designations decided on day ``on``."""
    by_organisation: dict[str, dict[str, Row]] = defaultdict(dict)
    for row in rows:
        by_organisation[row.key][row.criteria.id] = row
    out = []
    for row in rows:
        if row.criteria.designations:
            found = _decide(row, by_organisation[row.key], on, library or CriteriaLibrary())
            row = replace(row, designations=found)
        out.append(row)
    return out


def _decide(
    row: Row, others: Mapping[str, Row], on: dt.date, library: CriteriaLibrary
) -> tuple[DesignationResult, ...]:
    label = row.current
    held = label is not None and label.standing.status == "valid"
    criteria = label.criteria if label is not None else row.criteria
    out = []
    for designation in criteria.designations:
        decided = (
            next((d for d in label.designations if d.id == designation.id), None)
            if label is not None
            else None
        )
        related = {
            key: _related(key, others.get(key), label.related if label else (), library)
            for key in related_sets(designation)
        }
        out.append(
            designation_on(
                criteria,
                designation,
                decided,
                on,
                label.standing.level if held and label is not None else None,
                label.standing.valid_until if held and label is not None else None,
                related,
            )
        )
    return tuple(out)


def _related(
    key: str, other: Row | None, stated: Sequence[RelatedResult], library: CriteriaLibrary
) -> Related:
    """Another set's label on the day: the organisation's own row when the register holds
    one (a label counts while it is valid), else what the assessment was scored with."""
    if other is not None:
        order = tuple(lv.id for lv in other.criteria.levels)
        label = other.current
        if label is None or label.standing.status != "valid":
            return Related(
                construct(RelatedResult, criteria=key, level=None, source="missing"), order
            )
        standing = label.standing
        result = construct(
            RelatedResult,
            criteria=key,
            level=standing.level,
            source="file",
            date=label.date,
            awarded=standing.valid_from,
            valid_until=standing.valid_until,
            file=str(label.path),
        )
        return Related(result, order)
    found = next((r for r in stated if r.criteria == key), None)
    try:
        order = tuple(lv.id for lv in library.get(key).levels)
    except ClusterbenchError:
        order = ()
    missing = construct(RelatedResult, criteria=key, level=None, source="missing")
    return Related(found or missing, order)


@dataclass(frozen=True, slots=True)
class DesignationPeriod:
    """A time a designation was held beside a level: from, and until (its last day)."""

    criteria: str
    designation: str
    level: str
    start: dt.date
    end: dt.date | None
    """The last day: when it ended, else the first end its label or a related one has."""


def designation_periods(
    registers: Sequence[tuple[dt.date, Sequence[Row]]],
) -> tuple[DesignationPeriod, ...]:
    """The periods each designation was held, from the rows of one organisation on every
    day something changed (the register's days, oldest first)."""
    open_: dict[tuple[str, str], tuple[dt.date, str, dt.date | None]] = {}
    periods: list[DesignationPeriod] = []
    for day, rows in registers:
        held_now: dict[tuple[str, str], DesignationResult] = {
            (row.criteria.id, d.id): d for row in rows for d in row.designations if d.held
        }
        for key, (start, level, _end) in list(open_.items()):
            if key not in held_now:
                periods.append(DesignationPeriod(*key, level, start, day - dt.timedelta(days=1)))
                del open_[key]
        for key, found in held_now.items():
            if key not in open_:
                open_[key] = (day, found.level or "", found.valid_until)
            else:
                start, level, _ = open_[key]
                open_[key] = (start, level, found.valid_until)
    periods += [
        DesignationPeriod(*key, level, start, end) for key, (start, level, end) in open_.items()
    ]
    return tuple(sorted(periods, key=lambda p: (p.start, p.criteria, p.designation)))
