"""The register as rows of plain values: what the text, CSV, JSON and HTML outputs show.

One place turns a Register into records (filters applied), so that every output says
the same; the outputs only put them in words and format them.  No personal data:
organisations, labels, dates, the deciding body and decision references, never
assessors or notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models.criteria import Criteria
from ..models.dates import add_months
from ..models.domain import MAX_DATE
from ..scoring.standing import NextStep, Status
from .register import Decided, Register, Row, name_key

__all__ = [
    "DECISION_COLUMNS",
    "Record",
    "decision_records",
    "level_ids",
    "parse_period",
    "problem_records",
    "records",
]

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dwmy])\s*$")


def parse_period(text: str, on: dt.date) -> dt.date:
    """The day ``text`` (``90d``, ``6w``, ``6m``, ``1y``) after ``on``; ValueError if not one,
    or if it ends after the last date clusterbench handles."""
    match = _PERIOD.match(text)
    if match is None:
        raise ValueError(f"{text!r}: write a period such as 90d, 6w, 6m or 1y")
    count, unit = int(match.group(1)), match.group(2)
    try:
        if unit == "d":
            end = on + dt.timedelta(days=count)
        elif unit == "w":
            end = on + dt.timedelta(weeks=count)
        else:
            end = add_months(on, count * (12 if unit == "y" else 1))
    except (OverflowError, ValueError):
        end = dt.date.max
    if end > MAX_DATE:
        raise ValueError(
            f"{text!r} from {on.isoformat()} ends after {MAX_DATE.isoformat()}, the last date "
            "clusterbench handles; give a shorter period"
        )
    return end


@dataclass(frozen=True, slots=True)
class Record:
    """One row of the register as every output shows it."""

    country: str
    organisation: str
    organisation_id: str | None
    website: str | None
    criteria: str
    criteria_version: str
    criteria_title: str
    status: Status
    level: str | None
    level_title: str | None
    valid_from: dt.date | None
    valid_until: dt.date | None
    renew_by: dt.date | None
    next_step: str | None
    """`renew`, `renew_late`, `reassess` or `decide` (see :class:`~clusterbench.scoring.standing.NextStep`)."""
    next_by: dt.date | None
    assessed: dt.date
    decided: dt.date | None
    decided_by: str | None
    reference: str | None
    pending_since: dt.date | None
    """The date of an assessment waiting for the body's decision (beside a label in force,
    a renewal)."""
    pending_level: str | None = None
    """The level that assessment recommends."""
    superseded_by: str | None = None
    """For a superseded label: the level that replaced it (its id)."""
    superseded_criteria: str | None = None
    superseded_title: str | None = None
    superseded_since: dt.date | None = None
    designations: tuple[str, ...] = ()
    """The designations held beside the level on the day (NCE beside Arena Pro), by id."""
    designation_titles: tuple[str, ...] = ()
    designations_until: dt.date | None = None
    """The last day the designations held last (the first of their ends)."""

    @property
    def shown_level(self) -> str | None:
        """The level's title with its designations: `Arena Pro NCE`."""
        if self.level_title is None:
            return None
        return " ".join((self.level_title, *self.designation_titles))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (dates as ISO text)."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data = {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}


def _title(criteria: Criteria, level: str | None, language: str) -> str | None:
    found = criteria.level(level) if level else None
    return found.title.in_language(language) if found is not None else None


def _record(row: Row, language: str, criteria: Sequence[Criteria]) -> Record:
    label = row.shown
    standing = label.standing
    step = standing.next_step
    pending = row.pending
    held = row.held_designations
    if pending is not None:
        # The decision comes first; beside a label in force, by the day it ends (or its
        # renewal window closes), so that it shows among the deadlines due.
        step = NextStep("decide", step.by if row.in_force and step is not None else None)
    replaced = standing.superseded_by
    replacing = next((c for c in criteria if replaced and c.id == replaced.criteria), None)
    return Record(
        country=row.country,
        organisation=row.organisation,
        organisation_id=row.organisation_id,
        website=label.website,
        criteria=row.criteria.id,
        criteria_version=label.criteria.version,
        criteria_title=row.criteria.title.in_language(language),
        status=row.status,
        level=standing.level,
        level_title=_title(label.criteria, standing.level, language),
        valid_from=standing.valid_from,
        valid_until=standing.valid_until,
        renew_by=standing.renew_by,
        next_step=step.kind if step else None,
        next_by=step.by if step else None,
        assessed=label.date,
        decided=standing.decided,
        decided_by=standing.decided_by,
        reference=standing.reference,
        pending_since=pending.date if pending else None,
        pending_level=pending.standing.recommended if pending else None,
        superseded_by=replaced.level if replaced else None,
        superseded_criteria=replaced.criteria if replaced else None,
        superseded_title=(
            _title(replacing, replaced.level, language) if replacing and replaced else None
        ),
        superseded_since=replaced.since if replaced else None,
        designations=tuple(d.id for d in held),
        designation_titles=tuple(
            found.title.in_language(language)
            for d in held
            if (found := label.criteria.designation(d.id)) is not None
        ),
        designations_until=min(
            (d.valid_until for d in held if d.valid_until is not None), default=None
        ),
    )


def level_ids(criteria: Iterable[Criteria], asked: Sequence[str]) -> tuple[set[str], list[str]]:
    """The level ids ``asked`` names — each an id or a title in any language, in any case —
    among the levels of ``criteria``; and the names that match no level."""
    known: dict[str, set[str]] = {}
    for found in criteria:
        for level in found.levels:
            texts = (text for _, text in level.title.items())
            for name in (level.id, str(level.title), *texts):
                known.setdefault(name_key(name), set()).add(level.id)
    ids: set[str] = set()
    unknown = []
    for name in asked:
        matched = known.get(name_key(name))
        if matched:
            ids |= matched
        else:
            unknown.append(name)
    return ids, unknown


def records(
    register: Register,
    *,
    countries: Sequence[str] = (),
    levels: Sequence[str] = (),
    statuses: Sequence[Status] = (),
    due_by: dt.date | None = None,
    language: str = "en",
) -> list[Record]:
    """The register's rows as records, filtered: all filters given must hold.

    ``levels`` are level ids (see :func:`level_ids`).  ``due_by``: only rows with a
    deadline (the label's end, or the end of its renewal window) between the register's
    day and ``due_by``, and rows waiting for the body's decision (due now).
    """
    found = []
    for row in register.rows:
        record = _record(row, language, register.criteria)
        if countries and record.country not in countries:
            continue
        if levels and record.level not in levels and record.pending_level not in levels:
            continue
        if statuses and record.status not in statuses:
            continue
        if due_by is not None and not _due(record, register.on, due_by):
            continue
        found.append(record)
    return found


def _due(record: Record, on: dt.date, due_by: dt.date) -> bool:
    if record.next_step == "decide" and record.next_by is None:
        return True  # a decision awaited, with no label in force: due now
    return record.next_by is not None and on <= record.next_by <= due_by


def decision_records(
    decided: Iterable[Decided],
    *,
    countries: Sequence[str] = (),
    levels: Sequence[str] = (),
    statuses: Sequence[Status] = (),
    language: str = "en",
) -> list[dict[str, Any]]:
    """The decisions a body took (``--since``), filtered as :func:`records` filters (the
    status is the label's on the register's day), as JSON-ready mappings."""
    found = []
    for item in decided:
        label, standing = item.label, item.label.standing
        level = standing.level or label.recommended
        if countries and label.country not in countries:
            continue
        if levels and level not in levels:
            continue
        if statuses and standing.status not in statuses:
            continue
        decision = label.decision
        found.append(
            {
                "decided": item.day.isoformat(),
                "decision": item.status,
                "by": decision.by if decision else None,
                "reference": decision.reference if decision else None,
                "country": label.country,
                "organisation": item.row.organisation,
                "organisation_id": item.row.organisation_id,
                "criteria": label.criteria.id,
                "level": level,
                "level_title": _title(label.criteria, level, language),
                "status": standing.status,
                "assessed": label.date.isoformat(),
                "valid_until": _iso(standing.valid_until) if item.status == "approved" else None,
            }
        )
    return found


DECISION_COLUMNS = (
    "decided",
    "decision",
    "by",
    "reference",
    "country",
    "organisation",
    "organisation_id",
    "criteria",
    "level",
    "level_title",
    "status",
    "assessed",
    "valid_until",
)
"""The keys of :func:`decision_records`, in order (the CSV's columns)."""


def problem_records(register: Register) -> list[dict[str, str]]:
    """The files left out of the register, and why: every output lists them."""
    return [{"file": p.file, "problem": p.message} for p in register.problems]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
