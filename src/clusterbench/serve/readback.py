"""A submitted form written back into an assessment's data, changing only what it changes.

:func:`apply_form` writes the form into plain data (to score what the page shows) or a
ruamel document (to save it) through :mod:`.edits`, so that scoring and saving are the
same change.  Line breaks come as ``\\n`` whatever the browser sent.  A number or date
outside the value domain is written as the text that was typed and returned as a
:class:`Refusal`, which the page shows at its field as the loader would show it in a
file.  Another set's outcome (eligibility) is written as the form records it —
answered, a level with its dates, or an assessment file — and only that way, so the
file never holds two of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import replace
from typing import Any

from ..errors import PathPart
from ..models.criteria import Criteria, Indicator
from .edits import AnswerState, Containers, set_answer, set_value
from .form import FormData
from .inputs import Refused, input_for, read_date, read_number
from .names import DETAILS, RECORDS, RELATED_MODES, TEXTS, Detail, Record

__all__ = ["Refusal", "apply_form"]

Refusal = tuple[tuple[PathPart, ...], Refused]
"""Where in the file a refused text went, and why it was refused."""


def _one(form: FormData, name: str) -> str | None:
    values = form.get(name)
    if not values:
        return None
    text = values[-1].strip()
    return text or None


def _split_lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _kept(value: Any, where: tuple[PathPart, ...], refused: list[Refusal]) -> Any:
    """``value``, or the text of a refused one (noted in ``refused``)."""
    if isinstance(value, Refused):
        refused.append((where, value))
        return value.text
    return value


def _read_answer(form: FormData, prefix: str, indicator: Indicator, language: str) -> AnswerState:
    control = input_for(indicator.answer, language)
    return AnswerState(
        value=control.read(form.get(f"{prefix}:value", ()), language),
        not_applicable=_one(form, f"{prefix}:na") is not None,
        reason=_one(form, f"{prefix}:reason"),
        evidence=tuple(_split_lines(_one(form, f"{prefix}:evidence"))),
        comment=_one(form, f"{prefix}:comment"),
    )


def _apply_answers(
    data: MutableMapping[str, Any],
    path: Sequence[str],
    criteria: Criteria,
    form: FormData,
    prefix: str,
    context: tuple[str, Containers, list[Refusal]],
) -> None:
    language, make, refused = context
    states = {
        i.id: _read_answer(form, f"{prefix}:{i.id}", i, language)
        for i in criteria.indicators
        if f"{prefix}:{i.id}:shown" in form  # a hidden field: unticked boxes send nothing
    }
    states = {
        key: replace(state, value=_kept(state.value, (*path, key), refused))
        for key, state in states.items()
    }
    if not states:
        return
    node: MutableMapping[str, Any] = data
    for part in path:
        child = node.get(part)
        if not isinstance(child, MutableMapping):
            if all(s.bare and s.value is None for s in states.values()):
                return
            child = node[part] = make.mapping()
        node = child
    for indicator, state in states.items():
        set_answer(node, indicator, state, make)


def _row(form: FormData, record: Record, index: int) -> dict[str, Any]:
    """One row of a list of records as the form gives it (None for an empty field)."""
    row: dict[str, Any] = {}
    for name, _label in record.columns:
        text = _one(form, f"{record.prefix}:{index}:{name}")
        if name == "verified":
            row[name] = True if text is not None else None
        elif name == "evidence":
            row[name] = _split_lines(text) or None
        else:
            row[name] = text
    return row


def _apply_records(
    data: MutableMapping[str, Any], form: FormData, record: Record, make: Containers
) -> None:
    """Update a list of records row by row: changed keys only, rows added or removed (a
    list emptied stays, as `[]`, with the comments around it)."""
    names = [name for name, _label in record.columns]
    path = record.path
    rows = []
    index = 0
    while any(f"{record.prefix}:{index}:{name}" in form for name in names):
        row = _row(form, record, index)
        if any(
            value is not None for key, value in row.items() if key not in ("verified", "status")
        ):
            rows.append(row)
        index += 1
    if index == 0:
        return  # the form has no such rows: leave the file's list alone
    node: MutableMapping[str, Any] = data
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, MutableMapping):
            if not rows:
                return
            child = node[part] = make.mapping()
        node = child
    existing = node.get(path[-1])
    if not isinstance(existing, list) or not all(isinstance(r, MutableMapping) for r in existing):
        set_value(
            node, [path[-1]], [{k: v for k, v in r.items() if v is not None} for r in rows], make
        )
        return
    del existing[len(rows) :]
    for number, row in enumerate(rows):
        if number == len(existing):
            existing.append(make.mapping())
        item = existing[number]
        for key, value in row.items():
            if key == "verified" and value is None and key in item:
                value = False  # an unticked box keeps an explicit `verified: false`
            set_value(item, [key], value, make)


_YEAR_SEPARATORS = re.compile(r"[\s,;]+")


def _detail(detail: Detail, text: str | None, language: str) -> Any:
    """A detail field's text as YAML would read it: whole numbers, dates, lists of years."""
    if text is None:
        return None
    if detail.kind == "whole":
        return read_number(text, language, whole=True)
    if detail.kind == "date":
        return read_date(text)
    if detail.kind == "years":
        parts = [part for part in _YEAR_SEPARATORS.split(text) if part]
        years = [read_number(part, "en", whole=True) for part in parts]
        for year in years:
            if isinstance(year, Refused):
                return Refused(text, f"holds {year.message}")
            if not isinstance(year, int):
                return Refused(text, "is not a list of years such as 2020, 2021")
        return years
    return text


def _apply_related(
    data: MutableMapping[str, Any],
    form: FormData,
    other: Criteria,
    context: tuple[str, Containers, list[Refusal]],
) -> None:
    """Another set's outcome as the form records it: answers, a level, or a file."""
    _language, make, refused = context
    prefix = f"rel:{other.id}"
    mode = _one(form, f"{prefix}:mode")
    where = ["related", other.id]
    if mode not in RELATED_MODES:  # a form without the choice: answers, if any
        _apply_answers(data, [*where, "answers"], other, form, f"related:{other.id}", context)
        return
    wanted: dict[str, Any] = {}
    if mode == "level":
        wanted["level"] = _one(form, f"{prefix}:level")
        for key in ("awarded", "valid_until"):
            text = _one(form, f"{prefix}:{key}")
            wanted[key] = _kept(read_date(text) if text else None, (*where, key), refused)
    elif mode == "assessment":
        wanted["assessment"] = _one(form, f"{prefix}:assessment")
    entry = _mapping_at(data, where, make, create=any(v is not None for v in wanted.values()))
    if entry is not None:
        for key in ("level", "awarded", "valid_until", "assessment"):
            set_value(entry, [key], wanted.get(key), make, remove=True)
        if mode != "answers":
            for key in ("answers", "related"):
                set_value(entry, [key], None, make, remove=True)
    if mode == "answers":
        _apply_answers(data, [*where, "answers"], other, form, f"related:{other.id}", context)


def _mapping_at(
    data: MutableMapping[str, Any], path: Sequence[str], make: Containers, *, create: bool
) -> MutableMapping[str, Any] | None:
    node: MutableMapping[str, Any] = data
    for part in path:
        child = node.get(part)
        if not isinstance(child, MutableMapping):
            if not create:
                return None
            child = node[part] = make.mapping()
        node = child
    return node


def apply_form(
    data: MutableMapping[str, Any],
    form: FormData,
    criteria: Criteria,
    related: Mapping[str, Criteria],
    language: str,
    make: Containers,
) -> list[Refusal]:
    """Write the submitted ``form`` into ``data`` (changing only what it changes); the
    texts refused as numbers or dates, each with where it went.

    Texts written per language change only in ``language``, the page's.
    """
    make = replace(make, language=language)
    refused: list[Refusal] = []
    context = (language, make, refused)
    for detail in DETAILS:
        if detail.key in form:
            value = _detail(detail, _one(form, detail.key), language)
            value = _kept(value, detail.path, refused)
            set_value(data, detail.path, value, make)
    for optional in ("previous", "decision"):  # emptied: gone, not left as `{}`
        found = data.get(optional)
        if isinstance(found, MutableMapping) and not found:
            del data[optional]
    _apply_records(data, form, RECORDS["assessor"], make)
    _apply_answers(data, ["answers"], criteria, form, "answer", context)
    for other in related.values():
        _apply_related(data, form, other, context)
    _apply_records(data, form, RECORDS["area"], make)
    _apply_records(data, form, RECORDS["follow"], make)
    for key, (_label, listed) in TEXTS.items():
        if key in form:
            text = _one(form, key)
            set_value(data, [key], _split_lines(text) if listed else text, make)
    return refused
