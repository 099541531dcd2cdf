"""``clusterbench criteria diff A B``: what changed from one criteria version to another."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..kinds.english import statement
from ..kinds.registry import answer_kind, describe
from ..loader.library import CriteriaLibrary
from ..models.answer_types import AnswerType
from ..models.common import Text
from ..models.criteria import Category, Criteria, Validity
from ..models.rules import Bands, PartialStep, Rule, format_value
from ..models.versions import InForce
from ..scoring.diff import CriteriaDiff, FieldChange, IndicatorDiff, PartDiff, diff_criteria
from .status import EXIT_OK, UsageError

__all__ = ["diff_lines", "run_diff"]

_WORDING = ("question", "evidence", "guidance", "recommendation", "description")
"""Texts that change no result: said to be reworded, in one line."""


def _criteria(library: CriteriaLibrary, name: str) -> Criteria:
    """A path, ``ID`` or ``ID@VERSION``."""
    if name.endswith((".yaml", ".yml")) or "/" in name:
        return library.file(name)
    return library.get(name)


def run_diff(args: argparse.Namespace) -> int:
    """Print what changed from criteria A to criteria B."""
    library = CriteriaLibrary()
    old, new = _criteria(library, args.old), _criteria(library, args.new)
    for given in (old, new):
        library.add(given)  # versions given as files count when following `supersedes`
    language = args.lang or new.languages[0]
    if language not in new.languages:
        raise UsageError(f"{new.id} is written in {', '.join(new.languages)}, not {language!r}")
    found = diff_criteria(old, new, library.lineage(old, new))
    if args.format == "json":
        json.dump(found.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    sys.stdout.write("\n".join(diff_lines(found, language)) + "\n")
    return EXIT_OK


def diff_lines(diff: CriteriaDiff, language: str) -> list[str]:
    """The diff in plain words, one line each."""
    old, new = diff.old, diff.new

    def t(text: Text | None) -> str:
        return " ".join(text.in_language(language).split()) if text is not None else "–"

    out = [f"{old.id} {old.version} → {new.id} {new.version}"]
    replaced = new.supersedes
    if diff.paired_by_id:
        out.append(
            f"  {new.reference} does not supersede {old.reference}: indicators are paired by id"
        )
    elif replaced is not None and new.version != old.version:
        out.append(f"  {new.version} supersedes {replaced.version}")
        if replaced.note is not None:
            out.append(f"  {t(replaced.note)}")
    for change in diff.header:
        out += _header_line(change, t)
    total = f"{len(old.indicators)} → {len(new.indicators)}"
    counts = ", ".join(
        f"{diff.count(kind)} {kind}"
        for kind in ("added", "removed", "renamed", "changed", "unchanged")
    )
    out += ["", f"Indicators: {total} ({counts})"]
    for kind, heading in (
        ("added", "Added"),
        ("removed", "Removed"),
        ("renamed", "Renamed"),
        ("changed", "Changed"),
    ):
        found = [d for d in diff.indicators if d.kind == kind]
        if found:
            out.append(f"  {heading}")
            for item in found:
                out += list(_indicator_lines(item, diff, t))
    for title, parts in (("Categories", diff.categories), ("Levels", diff.levels)):
        shown = [p for p in parts if title == "Levels" or p.kind != "unchanged"]
        if shown:
            out += ["", title]
            for part in shown:
                out += list(_part_lines(part, t))
    if diff.designations:
        out += ["", "Designations"]
        for part in diff.designations:
            out += list(_part_lines(part, t))
    return out


def _indicator_lines(item: IndicatorDiff, diff: CriteriaDiff, t: Any) -> Iterator[str]:
    old, new = item.old, item.new
    if new is None:
        assert old is not None
        yield f"    {old.id:<6} {t(old.title)}"
        return
    category = diff.new.category(new.category)
    if old is None:
        where = f" ({t(category.title)})" if category is not None else ""
        yield f"    {new.id:<6} {t(new.title)}{where}"
        return
    name = f"{old.id} → {new.id}" if old.id != new.id else new.id
    titles = next((c for c in item.changes if c.field == "title"), None)
    title = f"{t(titles.before)} → {t(titles.after)}" if titles else t(new.title)
    yield f"    {name:<6} {title}"
    reworded = [c.field for c in item.changes if c.field in _WORDING]
    for change in item.changes:
        if change.field in ("title", *_WORDING):
            continue
        yield from (f"           {line}" for line in _field_lines(change, diff, t))
    if reworded:
        yield f"           reworded: {', '.join(reworded)}"


def _field_lines(change: FieldChange, diff: CriteriaDiff, t: Any) -> list[str]:
    field, before, after = change.field, change.before, change.after
    if field == "minimum_requirement":
        return [f"minimum requirement: {_yes(before)} → {_yes(after)}"]
    if field == "allow_not_applicable":
        return [f"may be not applicable: {_yes(before)} → {_yes(after)}"]
    if field == "points":
        return [f"points: {format_value(before)} → {format_value(after)}"]
    if field == "pass_":
        return [f"met when: {_rule(before)} → {_rule(after)}"]
    if field == "partial":
        return [f"partial credit: {_steps(before)} → {_steps(after)}"]
    if field == "bands":
        return [f"bands: {'; '.join(_bands(before, after))}"]
    if field == "category":
        then, now = diff.old.category(before), diff.new.category(after)
        return [f"category: {t(then.title) if then else before} → {t(now.title) if now else after}"]
    if field == "answer":
        return [f"answer: {line}" for line in _answer(before, after, t)]
    if field == "applies_if":
        return [f"applies when: {_condition(before)} → {_condition(after)}"]
    return [f"{field.replace('_', ' ')}: {before or '–'} → {after or '–'}"]


def _yes(value: Any) -> str:
    return "yes" if value else "no"


def _rule(rule: Rule | None) -> str:
    return rule.description if rule is not None else "no rule"


def _condition(rule: Any) -> str:
    return f"{rule.indicator} {rule.description}" if rule is not None else "always"


def _steps(steps: Sequence[PartialStep]) -> str:
    return (
        "; ".join(f"{format_value(s.points)} points when {s.description}" for s in steps) or "none"
    )


def _bands(before: Bands | None, after: Bands | None) -> list[str]:
    out = []
    for name in ("green", "yellow", "red"):
        a = getattr(before, name) if before is not None else None
        b = getattr(after, name) if after is not None else None
        if a != b:
            out.append(f"{name} {_rule(a) if a else 'none'} → {_rule(b) if b else 'none'}")
    return out


def _answer(before: AnswerType, after: AnswerType, t: Any) -> list[str]:
    then = answer_kind(before).describe(before)
    now = answer_kind(after).describe(after)
    if then.type != now.type:
        return [f"{then.type} → {now.type}"]
    out = []
    old_options, new_options = dict(then.options), dict(now.options)
    for key, label in new_options.items():
        if key not in old_options:
            out.append(f"option {key} ({t(label)}) added")
    out += [f"option {key} removed" for key in old_options if key not in new_options]
    old_steps, new_steps = dict(then.steps), dict(now.steps)
    if old_steps != new_steps:
        out.append(
            "steps "
            + ", ".join(str(v) for v in old_steps)
            + " → "
            + ", ".join(str(v) for v in new_steps)
        )
    if (then.low, then.high) != (now.low, now.high):
        out.append(f"bounds {then.low}–{then.high or ''} → {now.low}–{now.high or ''}")
    if then.unit != now.unit:
        out.append(f"unit {t(then.unit)} → {t(now.unit)}")
    if then.multiple != now.multiple:
        out.append("several options" if now.multiple else "one option only")
    return out or ["worded differently"]


def _header_line(change: FieldChange, t: Any) -> list[str]:
    field, before, after = change.field, change.before, change.after
    if field == "in_force":
        return [f"  in force: {_period(before)} → {_period(after)}"]
    if field == "title":
        return [f"  title: {t(before)} → {t(after)}"]
    if field == "provenance":
        if before.status != after.status:
            return [f"  provenance: {before.status} → {after.status}"]
        return ["  provenance note reworded"]
    if field == "max_points":
        return [f"  points in all: {format_value(before)} → {format_value(after)}"]
    if field == "languages":
        return [f"  languages: {', '.join(before)} → {', '.join(after)}"]
    return [f"  {field} changed"]


def _period(period: InForce | None) -> str:
    if period is None:
        return "always"
    parts = [
        f"from {period.from_.isoformat()}" if period.from_ else "",
        f"until {period.until.isoformat()}" if period.until else "",
    ]
    return " ".join(p for p in parts if p)


def _validity(validity: Validity | None) -> str:
    if validity is None:
        return "no end"
    text = f"{validity.months} months"
    renewal = validity.renewal
    if renewal is not None:
        text += (
            f", renewed within {renewal.window_months} months after the end for "
            f"{renewal.extension_months} more"
        )
        if renewal.at_most is not None:
            text += f" (at most {renewal.at_most} times in a row)"
    return text


def _part_lines(part: PartDiff, t: Any) -> Iterator[str]:
    item = part.new or part.old
    assert item is not None
    title = t(item.title)
    if part.kind in ("added", "removed", "unchanged"):
        yield f"  {part.id}: {title} — {part.kind}"
        if part.kind != "added" or isinstance(item, Category):
            return
        for req in item.requires:
            yield f"    requires: {statement(describe(req))}"
        return
    yield f"  {part.id}: {title}"
    for req in part.added:
        yield f"    + now requires: {statement(describe(req))}"
    for req in part.removed:
        yield f"    − no longer requires: {statement(describe(req))}"
    for change in part.changes:
        if change.field == "validity":
            yield f"    validity: {_validity(change.before)} → {_validity(change.after)}"
        elif change.field == "title":
            yield f"    title: {t(change.before)} → {t(change.after)}"
        elif change.field == "levels":
            yield f"    with levels: {', '.join(change.before)} → {', '.join(change.after)}"
        elif change.field == "floor":
            yield f"    floor: {change.before} → {change.after}"
        else:
            yield f"    reworded: {change.field}"
