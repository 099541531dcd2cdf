"""The register in words: the status and next-step wording every output uses, and the
static HTML page (a sortable table per country, as public lists of labelled clusters
are, with no personal data)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from ..pipeline.register_view import Record
from ..scoring.standing import STATUSES, Standing, Status

__all__ = [
    "NEXT_STEPS",
    "STATUS_WORDS",
    "next_step_words",
    "render_register_html",
    "standing_words",
]

STATUS_WORDS: dict[Status, str] = {
    "valid": "valid",
    "renewal_window": "in renewal window",
    "pending": "pending decision",
    "not_yet_valid": "not yet valid",
    "expired": "expired",
    "superseded": "superseded",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "no_label": "no label",
}
assert set(STATUS_WORDS) == set(STATUSES)

NEXT_STEPS: dict[str, str] = {
    "renew": "renew by {by} to keep the label without a gap",
    "renew_late": "renew by {by}: the renewal extends the label from its end",
    "reassess": "a new assessment",
    "reassess_by": "a new assessment by {by}",
    "decide": "the labelling body's decision",
}


def next_step_words(record: Record) -> str:
    """What comes next for a record, in words (empty when nothing does)."""
    if record.next_step is None:
        return ""
    if record.next_by is None:
        return NEXT_STEPS[record.next_step].format(by="")
    key = "reassess_by" if record.next_step == "reassess" else record.next_step
    return NEXT_STEPS[key].format(by=record.next_by.isoformat())


def standing_words(standing: Standing, status: Status, on: dt.date) -> str:
    """One sentence on where a label stands on day ``on``, and what comes next."""
    level = standing.level or "no level"
    until = standing.valid_until.isoformat() if standing.valid_until else None
    by = standing.deadline.isoformat() if standing.deadline else None
    if status == "pending":
        return f"{level} recommended, pending the labelling body's decision"
    if status == "valid":
        head = f"{level} valid until {until}" if until else f"{level} valid"
        if standing.renew_by is not None:
            return (
                f"{head}; renew by {until} to keep it without a gap (a renewal until "
                f"{standing.renew_by.isoformat()} still extends it from its end)"
            )
        return f"{head}; a new assessment by {until} keeps it" if until else head
    if status == "renewal_window":
        return (
            f"{level} ended on {until}; a renewal by {by} still extends it from its end "
            f"(no label is valid until then)"
        )
    if status == "expired":
        return f"{level} ended on {until}; a new assessment is needed"
    if status == "not_yet_valid":
        return (
            f"{level} valid from {standing.valid_from.isoformat() if standing.valid_from else ''}"
        )
    return STATUS_WORDS[status]


def render_register_html(records: list[Record], on: dt.date, title: str) -> str:
    """The register as one self-contained HTML page, a table per country."""
    from .._resources import bundled_dir
    from .templating import render_template

    by_country: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_country[record.country].append(record)
    view: dict[str, Any] = {
        "lang": "en",
        "title": title,
        "on": on,
        "countries": sorted(by_country.items()),
        "status_words": STATUS_WORDS,
        "next_step": next_step_words,
        "count": len(records),
    }
    return render_template("register.html", "en", (bundled_dir("templates"),), view=view)
