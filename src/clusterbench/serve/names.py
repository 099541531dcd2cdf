"""The assessment form's fields: their names, where each value goes, what people call them.

Every field has a name that says where its value goes (``answer:G01:value``,
``org:members``, ``assessor:0:name``); the page gives each field that can have a
problem the id of its key (``answer:G01``, ``org:members``), so that every problem
links to a real field.  This module is the one list of them: the form draws its detail
fields from :data:`DETAILS` and :data:`RECORDS`, the form is read back by them, and
:func:`field_of` and :func:`label_of` tie a problem of the file to its field and name
the field for people ("Assessor 1 · Name", not "name").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..errors import Issue
from .paths import N_

__all__ = [
    "DETAILS",
    "GROUPS",
    "RECORDS",
    "RELATED_MODES",
    "TEXTS",
    "Detail",
    "Record",
    "field_of",
    "label_of",
]

Kind = Literal["text", "long", "whole", "date", "years", "choice"]


@dataclass(frozen=True, slots=True)
class Detail:
    """One single-value field of the organisation, the assessment, the previous
    assessment or the decision."""

    key: str
    """The form name, which is also the field's id: ``org:members``."""
    path: tuple[str, str]
    """Where the value goes in the file."""
    label: str
    """What the page calls it (a message of the catalogs)."""
    kind: Kind = "text"

    @property
    def group(self) -> str:
        """The part of the form it belongs to (``org``, ``info``, ...)."""
        return self.key.split(":", 1)[0]


GROUPS = {
    "org": N_("Organisation"),
    "info": N_("Assessment"),
    "previous": N_("Previous assessment"),
    "decision": N_("Decision"),
}
"""The parts of the form the detail fields belong to, as the page names them."""

DETAILS: tuple[Detail, ...] = (
    Detail("org:name", ("organisation", "name"), N_("Name")),
    Detail("org:country", ("organisation", "country"), N_("Country (ISO alpha-3)")),
    Detail("org:portfolio", ("organisation", "portfolio"), N_("Portfolio")),
    Detail("org:founded", ("organisation", "founded"), N_("Founded"), "whole"),
    Detail("org:members", ("organisation", "members"), N_("Members"), "whole"),
    Detail("org:website", ("organisation", "website"), N_("Website")),
    Detail("info:date", ("assessment", "date"), N_("Date"), "date"),
    Detail("info:type", ("assessment", "type"), N_("Type"), "choice"),
    Detail("info:report_id", ("assessment", "report_id"), N_("Report id")),
    Detail("info:organisation", ("assessment", "organisation"), N_("Assessing organisation")),
    Detail("info:data_years", ("assessment", "data_years"), N_("Years of data checked"), "years"),
    Detail("info:method", ("assessment", "method"), N_("Method"), "long"),
    Detail("previous:file", ("previous", "file"), N_("File"), "choice"),
    Detail("previous:date", ("previous", "date"), N_("or its date"), "date"),
    Detail("previous:level", ("previous", "level"), N_("and level")),
    Detail("previous:criteria", ("previous", "criteria"), N_("Criteria (when others)")),
    Detail("previous:report_id", ("previous", "report_id"), N_("Report id")),
    Detail("decision:status", ("decision", "status"), N_("Status"), "choice"),
    Detail("decision:level", ("decision", "level"), N_("Level decided"), "choice"),
    Detail("decision:by", ("decision", "by"), N_("Decided by")),
    Detail("decision:date", ("decision", "date"), N_("Date"), "date"),
    Detail("decision:reference", ("decision", "reference"), N_("Reference")),
    Detail("decision:note", ("decision", "note"), N_("Note"), "long"),
)
"""Every single-value detail field, in the order of the form."""

_DETAIL_KEYS = {detail.key: detail for detail in DETAILS}


@dataclass(frozen=True, slots=True)
class Record:
    """A list of records in the file (assessors, improvement areas, follow-up), one row
    of fields per record and an empty row to add one."""

    prefix: str
    path: tuple[str, ...]
    label: str
    """What one record is called: "Assessor" (numbered on the page: "Assessor 1")."""
    columns: tuple[tuple[str, str], ...]
    """(key in the record, label) of each field of a row."""


RECORDS: dict[str, Record] = {
    "assessor": Record(
        "assessor",
        ("assessment", "assessors"),
        N_("Assessor"),
        (("name", N_("Name")), ("role", N_("Role")), ("organisation", N_("Organisation"))),
    ),
    "area": Record(
        "area",
        ("improvement_areas",),
        N_("Improvement area"),
        (
            ("indicator", N_("Indicator")),
            ("title", N_("Title")),
            ("verified", N_("verified on site")),
            ("description", N_("Description")),
            ("evidence", N_("Evidence (one per line)")),
        ),
    ),
    "follow": Record(
        "follow",
        ("follow_up",),
        N_("Follow-up"),
        (
            ("recommendation", N_("Recommendation")),
            ("status", N_("Status")),
            ("comment", N_("Comment")),
        ),
    ),
}
"""The lists of records, by the prefix of their fields' names."""

TEXTS: dict[str, tuple[str, bool]] = {
    "appreciation": (N_("Overall appreciation"), False),
    "strengths": (N_("Strengths"), True),
    "recommendations": (N_("Recommendations"), True),
}
"""The free texts at the top level: label, and whether each line is one item of a list."""

RELATED_MODES = ("answers", "level", "assessment")
"""How another criteria set's outcome (eligibility) is recorded: answered here, as the
level it gave (with its dates), or by its own assessment file."""
_RELATED_KEYS = ("level", "awarded", "valid_until", "assessment")


def field_of(issue: Issue) -> str:
    """The key of the form field an Issue belongs to (``answer:G01``, ``org:members``,
    ``assessor:0:name``), or ``""`` when the form has no field for it."""
    path = issue.path.replace("[", ".").replace("]", "")
    parts = [p for p in path.split(".") if p]
    if not parts:
        return ""
    head, rest = parts[0], parts[1:]
    if head == "answers" and rest:
        return f"answer:{rest[0]}"
    if head == "related" and rest:
        if len(rest) > 2 and rest[1] == "answers":
            return f"related:{rest[0]}:{rest[2]}"
        if len(rest) > 1 and rest[1] in _RELATED_KEYS:
            return f"rel:{rest[0]}:{rest[1]}"
        return f"rel:{rest[0]}:mode"
    for record in RECORDS.values():
        size = len(record.path)
        if (
            tuple(parts[:size]) == record.path
            and len(parts) > size + 1
            and any(parts[size + 1] == key for key, _ in record.columns)
        ):
            return f"{record.prefix}:{parts[size]}:{parts[size + 1]}"
    if head in TEXTS:
        return head
    group = {"organisation": "org", "assessment": "info"}.get(head, head)
    key = f"{group}:{rest[0]}" if rest else ""
    if key in _DETAIL_KEYS:
        return key
    if head == "previous":  # "give either file or date": at the file
        return "previous:file"
    return ""


def label_of(key: str, gettext: Callable[[str], str]) -> str:
    """What the page calls the field ``key``: ``G01``, ``Organisation · Members``,
    ``Assessor 1 · Name``."""
    _ = gettext
    detail = _DETAIL_KEYS.get(key)
    if detail is not None:
        return f"{_(GROUPS[detail.group])} · {_(detail.label)}"
    if key in TEXTS:
        return _(TEXTS[key][0])
    prefix, _sep, rest = key.partition(":")
    if prefix == "answer":
        return rest
    if prefix == "related":
        set_id, _sep, indicator = rest.partition(":")
        return f"{indicator} ({set_id})"
    if prefix == "rel":
        set_id, _sep, part = rest.partition(":")
        names = {
            "mode": N_("Recorded as"),
            "level": N_("Level"),
            "awarded": N_("Awarded"),
            "valid_until": N_("Valid until"),
            "assessment": N_("Assessment file"),
        }
        return f"{set_id} · {_(names.get(part, part))}"
    record = RECORDS.get(prefix)
    if record is not None:
        index, _sep, column = rest.partition(":")
        columns = dict(record.columns)
        number = int(index) + 1 if index.isdigit() else index
        return f"{_(record.label)} {number} · {_(columns.get(column, column))}"
    return key
