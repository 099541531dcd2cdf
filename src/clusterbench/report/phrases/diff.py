"""`criteria diff` in words: what changed from one criteria version to another."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ...kinds.registry import answer_kind, describe
from ...models.answer_types import AnswerType
from ...models.criteria import Category, Criteria, Indicator, Renewal, Validity
from ...models.rules import Bands, PartialStep, Rule
from ...models.versions import InForce
from ...scoring.diff import CriteriaDiff, FieldChange, IndicatorDiff, PartDiff
from .requirements import statement
from .words import Phrases

__all__ = ["diff_lines", "renewal_words"]

_WORDING = ("question", "evidence", "guidance", "recommendation", "description")
"""Texts that change no result: said to be reworded, in one line."""


def diff_lines(
    diff: CriteriaDiff, say: Phrases, related: Mapping[str, Criteria] | None = None
) -> list[str]:
    """The diff in plain words, one line each (``say`` speaks of the newer criteria)."""
    _ = say.gettext
    old, new = diff.old, diff.new
    out = [f"{old.id} {old.version} → {new.id} {new.version}"]
    replaced = new.supersedes
    if diff.paired_by_id:
        out.append(
            "  "
            + _("%(new)s does not supersede %(old)s: indicators are paired by their ids")
            % {"new": new.reference, "old": old.reference}
        )
    elif replaced is not None and new.version != old.version:
        out.append(
            "  " + _("%(new)s supersedes %(old)s") % {"new": new.version, "old": old.version}
        )
        if replaced.note is not None:
            out.append(f"  {say.line(replaced.note)}")
    for change in diff.header:
        out.append("  " + _header(change, say))
    counts = {
        "added": _("%(num)d added"),
        "removed": _("%(num)d removed"),
        "renamed": _("%(num)d renamed"),
        "changed": _("%(num)d changed"),
        "unchanged": _("%(num)d unchanged"),
    }
    numbers = ", ".join(text % {"num": diff.count(kind)} for kind, text in counts.items())
    out += [
        "",
        _("Indicators: %(old)d → %(new)d (%(counts)s)")
        % {"old": len(old.indicators), "new": len(new.indicators), "counts": numbers},
    ]
    for kind, heading in (
        ("added", _("Added")),
        ("removed", _("Removed")),
        ("renamed", _("Renamed")),
        ("changed", _("Changed")),
    ):
        found = [d for d in diff.indicators if d.kind == kind]
        if found:
            out.append(f"  {heading}")
            for item in found:
                out += list(_indicator_lines(item, diff, say))
    changed = [p for p in diff.categories if p.kind != "unchanged"]
    for title, parts in (
        (_("Categories"), changed),
        (_("Levels"), list(diff.levels)),
        (_("Designations"), list(diff.designations)),
    ):
        if parts:
            out += ["", title]
            for part in parts:
                out += list(_part_lines(part, say, related or {}))
    return out


def _indicator_lines(item: IndicatorDiff, diff: CriteriaDiff, say: Phrases) -> Iterator[str]:
    _ = say.gettext
    old, new = item.old, item.new
    if new is None:
        assert old is not None
        into = diff.carried.folded.get(old.id)
        folded = " — " + _("folded into %(id)s") % {"id": into} if into else ""
        yield f"    {old.id:<6} {say.line(old.title)}{folded}"
        return
    if old is None:
        category = diff.new.category(new.category)
        where = f" ({say.line(category.title)})" if category is not None else ""
        yield f"    {new.id:<6} {say.line(new.title)}{where}"
        return
    name = f"{old.id} → {new.id}" if old.id != new.id else new.id
    titles = next((c for c in item.changes if c.field == "title"), None)
    title = (
        f"{say.line(titles.before)} → {say.line(titles.after)}" if titles else say.line(new.title)
    )
    yield f"    {name:<6} {title}"
    for change in item.changes:
        if change.field not in ("title", *_WORDING):
            yield f"           {_field(change, old, new, diff, say)}"
    reworded = [_wording(c.field, say) for c in item.changes if c.field in _WORDING]
    if reworded:
        yield "           " + _("reworded: %(fields)s") % {"fields": ", ".join(reworded)}
    if new.id in diff.carried.recheck:  # the map says the question changed
        yield "           " + _("question changed: an earlier answer is to be checked again")


def _wording(field: str, say: Phrases) -> str:
    _ = say.gettext
    return {
        "question": _("question"),
        "evidence": _("evidence"),
        "guidance": _("guidance"),
        "recommendation": _("recommendation"),
        "description": _("description"),
    }[field]


def _yes(value: Any, say: Phrases) -> str:
    return say.gettext("yes") if value else say.gettext("no")


def _field(
    change: FieldChange, old: Indicator, new: Indicator, diff: CriteriaDiff, say: Phrases
) -> str:
    _ = say.gettext
    field, before, after = change.field, change.before, change.after
    values: dict[str, str]
    if field == "minimum_requirement":
        text, values = _("minimum requirement: %(before)s → %(after)s"), {}
        values = {"before": _yes(before, say), "after": _yes(after, say)}
    elif field == "allow_not_applicable":
        text = _("may be not applicable: %(before)s → %(after)s")
        values = {"before": _yes(before, say), "after": _yes(after, say)}
    elif field == "points":
        text = _("points: %(before)s → %(after)s")
        values = {"before": say.fmt.number(before), "after": say.fmt.number(after)}
    elif field == "pass_":
        text = _("met when: %(before)s → %(after)s")
        values = {"before": _rule(old, before, say), "after": _rule(new, after, say)}
    elif field == "partial":
        text = _("partial credit: %(before)s → %(after)s")
        values = {"before": _steps(old, before, say), "after": _steps(new, after, say)}
    elif field == "bands":
        text, values = _("bands: %(bands)s"), {"bands": "; ".join(_bands(old, new, say))}
    elif field == "category":
        then, now = diff.old.category(before), diff.new.category(after)
        text = _("category: %(before)s → %(after)s")
        values = {
            "before": say.line(then.title) if then else str(before),
            "after": say.line(now.title) if now else str(after),
        }
    elif field == "answer":
        text, values = _("answer: %(change)s"), {"change": "; ".join(_answer(before, after, say))}
    elif field == "applies_if":
        text = _("applies when: %(before)s → %(after)s")
        values = {
            "before": _condition(before, diff.old, say),
            "after": _condition(after, diff.new, say),
        }
    else:  # peer_bands
        text = _("peer colours: %(before)s → %(after)s")
        values = {"before": str(before or "–"), "after": str(after or "–")}
    return text % values


def _rule(indicator: Indicator, rule: Rule | None, say: Phrases) -> str:
    return say.rule(indicator, rule) if rule is not None else say.gettext("no rule")


def _condition(rule: Any, criteria: Criteria, say: Phrases) -> str:
    if rule is None:
        return say.gettext("always")
    other = criteria.indicator(rule.indicator)
    shown = say.rule(other, rule) if other is not None else rule.description
    return say.gettext("%(indicator)s is %(rule)s") % {"indicator": rule.indicator, "rule": shown}


def _steps(indicator: Indicator, steps: Sequence[PartialStep], say: Phrases) -> str:
    _ = say.gettext
    parts = [
        _("%(points)s points when %(rule)s")
        % {"points": say.fmt.number(s.points), "rule": say.rule(indicator, s)}
        for s in steps
    ]
    return "; ".join(parts) or _("none")


def _bands(old: Indicator, new: Indicator, say: Phrases) -> list[str]:
    before: Bands | None = old.bands
    after: Bands | None = new.bands
    out = []
    for name in ("green", "yellow", "red"):
        a = getattr(before, name) if before is not None else None
        b = getattr(after, name) if after is not None else None
        if a != b:
            out.append(
                say.gettext("%(band)s %(before)s → %(after)s")
                % {
                    "band": say.band(name),
                    "before": say.rule(old, a) if a else say.gettext("none"),
                    "after": say.rule(new, b) if b else say.gettext("none"),
                }
            )
    return out


def _answer(before: AnswerType, after: AnswerType, say: Phrases) -> list[str]:
    _ = say.gettext
    then = answer_kind(before).describe(before)
    now = answer_kind(after).describe(after)
    if then.type != now.type:
        return [f"{then.type} → {now.type}"]
    out = []
    old_options, new_options = dict(then.options), dict(now.options)
    out += [
        _("option %(option)s added") % {"option": f"{key} ({say.line(label)})"}
        for key, label in new_options.items()
        if key not in old_options
    ]
    out += [
        _("option %(option)s removed") % {"option": f"{key} ({say.line(label)})"}
        for key, label in old_options.items()
        if key not in new_options
    ]
    if dict(then.steps) != dict(now.steps):
        out.append(
            _("steps %(before)s → %(after)s")
            % {
                "before": ", ".join(str(v) for v, _label in then.steps),
                "after": ", ".join(str(v) for v, _label in now.steps),
            }
        )
    if (then.low, then.high) != (now.low, now.high):
        out.append(
            _("bounds %(before)s → %(after)s")
            % {"before": _bounds(then.low, then.high), "after": _bounds(now.low, now.high)}
        )
    if then.unit != now.unit:
        out.append(
            _("unit %(before)s → %(after)s")
            % {"before": say.line(then.unit) or "–", "after": say.line(now.unit) or "–"}
        )
    if then.multiple != now.multiple:
        out.append(_("several options") if now.multiple else _("one option only"))
    return out or [_("worded differently")]


def _bounds(low: Any, high: Any) -> str:
    return f"{'' if low is None else low}–{'' if high is None else high}"


def _header(change: FieldChange, say: Phrases) -> str:
    _ = say.gettext
    field, before, after = change.field, change.before, change.after
    if field == "in_force":
        return _("in force: %(before)s → %(after)s") % {
            "before": _period(before, say),
            "after": _period(after, say),
        }
    if field == "title":
        return _("title: %(before)s → %(after)s") % {
            "before": say.line(before),
            "after": say.line(after),
        }
    if field == "provenance":
        if before.status != after.status:
            return _("provenance: %(before)s → %(after)s") % {
                "before": before.status,
                "after": after.status,
            }
        return _("provenance note reworded")
    if field == "max_points":
        return _("points in all: %(before)s → %(after)s") % {
            "before": say.fmt.number(before) if before is not None else "–",
            "after": say.fmt.number(after) if after is not None else "–",
        }
    if field == "languages":
        return _("languages: %(before)s → %(after)s") % {
            "before": ", ".join(before),
            "after": ", ".join(after),
        }
    return _("who awards the levels changed")


def _period(period: InForce | None, say: Phrases) -> str:
    _ = say.gettext
    if period is None:
        return _("always")
    parts = []
    if period.from_ is not None:
        parts.append(_("from %(day)s") % {"day": say.fmt.date(period.from_)})
    if period.until is not None:
        parts.append(_("until %(day)s") % {"day": say.fmt.date(period.until)})
    return " ".join(parts)


def _validity(validity: Validity | None, say: Phrases) -> str:
    _ = say.gettext
    if validity is None:
        return _("no end")
    text = say.ngettext("%(num)d month", "%(num)d months", validity.months) % {
        "num": validity.months
    }
    if validity.renewal is not None:
        text += ", " + renewal_words(validity.renewal, say)
    return text


def renewal_words(renewal: Renewal, say: Phrases) -> str:
    """How a renewal extends a level: `renewed before the end for 24 months more (at most
    once in a row)`; said alike by `criteria diff` and `criteria show`."""
    _ = say.gettext
    extension = say.ngettext("%(num)d month", "%(num)d months", renewal.extension_months) % {
        "num": renewal.extension_months
    }
    if renewal.window_months == 0:
        text = _("renewed before the end for %(extension)s more") % {"extension": extension}
    else:
        text = _("renewed up to %(window)s after the end for %(extension)s more") % {
            "window": say.ngettext("%(num)d month", "%(num)d months", renewal.window_months)
            % {"num": renewal.window_months},
            "extension": extension,
        }
    if renewal.at_most is not None:
        text += " " + say.ngettext(
            "(at most once in a row)", "(at most %(num)d times in a row)", renewal.at_most
        ) % {"num": renewal.at_most}
    return text


def _part_lines(part: PartDiff, say: Phrases, related: Mapping[str, Criteria]) -> Iterator[str]:
    _ = say.gettext
    item = part.new or part.old
    assert item is not None
    title = say.line(item.title)
    if part.kind != "changed":
        kind = {"added": _("added"), "removed": _("removed"), "unchanged": _("unchanged")}
        yield f"  {part.id}: {title} — {kind[part.kind]}"
        if part.kind == "added" and not isinstance(item, Category):
            for req in item.requires:
                yield "    " + _("requires: %(what)s") % {
                    "what": statement(say, describe(req), related)
                }
        return
    yield f"  {part.id}: {title}"
    for req in part.added:
        yield "    + " + _("now requires: %(what)s") % {
            "what": statement(say, describe(req), related)
        }
    for req in part.removed:
        yield "    − " + _("no longer requires: %(what)s") % {
            "what": statement(say, describe(req), related)
        }
    for change in part.changes:
        if change.field == "minimums":  # the same requirement asks for other indicators
            then, now = set(change.before), set(change.after)
            yield "    " + _("every minimum requirement: now %(after)d instead of %(before)d") % {
                "before": len(change.before),
                "after": len(change.after),
            }
            for sign, ids in (
                ("+", [i for i in change.after if i not in then]),
                ("−", [i for i in change.before if i not in now]),
            ):
                if ids:
                    yield f"      {sign} {', '.join(ids)}"
        elif change.field == "level":  # all a lower level requires, and that changed
            yield "    " + _("everything %(level)s requires, which changed (above)") % {
                "level": say.level_title(change.after)
            }
        elif change.field == "validity":
            yield "    " + _("validity: %(before)s → %(after)s") % {
                "before": _validity(change.before, say),
                "after": _validity(change.after, say),
            }
        elif change.field == "title":
            yield "    " + _("title: %(before)s → %(after)s") % {
                "before": say.line(change.before),
                "after": say.line(change.after),
            }
        elif change.field == "levels":
            yield "    " + _("with the levels: %(before)s → %(after)s") % {
                "before": ", ".join(change.before),
                "after": ", ".join(change.after),
            }
        elif change.field == "floor":
            yield "    " + _("floor: %(before)s → %(after)s") % {
                "before": say.fmt.percent(change.before) if change.before is not None else "–",
                "after": say.fmt.percent(change.after) if change.after is not None else "–",
            }
        else:
            yield "    " + _("reworded: %(fields)s") % {"fields": _wording(change.field, say)}
