"""The register as rows of plain values: what the text, CSV, JSON and HTML outputs show.

One place turns a Register into records (filters applied), so that every output says
the same; the outputs only put them in words and format them.  No personal data:
organisations, labels, dates and decision references, never assessors or notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models.dates import add_months
from ..scoring.standing import Status
from .register import Label, Register, Row

__all__ = ["Record", "decision_records", "parse_period", "records"]

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dwmy])\s*$")


def parse_period(text: str, on: dt.date) -> dt.date:
    """The day ``text`` (``90d``, ``6w``, ``6m``, ``1y``) after ``on``; ValueError if not one."""
    match = _PERIOD.match(text)
    if match is None:
        raise ValueError(f"{text!r}: write a period such as 90d, 6w, 6m or 1y")
    count, unit = int(match.group(1)), match.group(2)
    if unit == "d":
        return on + dt.timedelta(days=count)
    if unit == "w":
        return on + dt.timedelta(weeks=count)
    return add_months(on, count * (12 if unit == "y" else 1))


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
    reference: str | None
    pending_since: dt.date | None
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


def _record(row: Row, language: str) -> Record:
    label = row.shown
    standing = label.standing
    level = label.criteria.level(standing.level) if standing.level else None
    step = standing.next_step
    pending = row.pending
    held = row.held_designations
    if pending is not None and row.current is not None:
        step = pending.standing.next_step  # the decision comes first
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
        level_title=level.title.in_language(language) if level else None,
        valid_from=standing.valid_from,
        valid_until=standing.valid_until,
        renew_by=standing.renew_by,
        next_step=step.kind if step else None,
        next_by=step.by if step else None,
        assessed=label.date,
        decided=standing.decided,
        reference=standing.reference,
        pending_since=pending.date if pending else None,
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

    ``due_by``: only rows with a deadline (the label's end, or the end of its renewal
    window) between the register's day and ``due_by``.
    """
    found = []
    for row in register.rows:
        record = _record(row, language)
        if countries and record.country not in countries:
            continue
        if levels and record.level not in levels:
            continue
        if statuses and record.status not in statuses:
            continue
        if due_by is not None and not (
            record.next_by is not None and register.on <= record.next_by <= due_by
        ):
            continue
        found.append(record)
    return found


def decision_records(labels: Iterable[Label], language: str = "en") -> list[dict[str, Any]]:
    """The decisions a body took (``--since``), as JSON-ready mappings."""
    return [
        {
            "decided": label.decided.isoformat() if label.decided else None,
            "status": label.decision.status if label.decision else None,
            "reference": label.decision.reference if label.decision else None,
            "country": label.country,
            "organisation": label.organisation,
            "organisation_id": label.organisation_id,
            "criteria": label.criteria.id,
            "level": label.standing.level,
            "assessed": label.date.isoformat(),
            "valid_until": label.standing.valid_until.isoformat()
            if label.standing.valid_until
            else None,
        }
        for label in labels
    ]
