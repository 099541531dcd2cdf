"""Other criteria sets' labels in words: a related label held, expired, awarded only
later, rejected, not approved, or not reached for lack of what that set requires.

The phrases of `kind: criteria` requirements, and of a previous label that was never
held, from the facts of a :class:`~clusterbench.models.result.RelatedResult`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ...models.criteria import Criteria
from ...models.result import RelatedResult, RequirementResult
from .words import Phrases

__all__ = ["Related", "criteria_name", "decided", "other_level", "related_label"]

Related = Mapping[str, Criteria]
"""The other criteria sets, by id (for their titles)."""


def other_level(say: Phrases, criteria_id: str | None, level: str | None, related: Related) -> str:
    """A level of this or another criteria set, by its title."""
    if criteria_id in (None, say.criteria.id):
        return say.level_name(level)
    other = related.get(criteria_id or "")
    found = other.level(level) if other is not None and level else None
    return say.level_name(level, other) if found is not None else level or say.gettext("no level")


def criteria_name(say: Phrases, criteria_id: str | None, related: Related) -> str:
    """Another criteria set by its title (its id when it is not known)."""
    other = related.get(criteria_id or "")
    return say.text(other.title) if other is not None else str(criteria_id)


def related_label(say: Phrases, r: RequirementResult, related: Related) -> str:
    """A `kind: criteria` requirement: the other set's label as it stood on the day."""
    _ = say.gettext
    name = criteria_name(say, r.criteria, related)
    got = r.related
    if got is None or got.source == "missing":
        return _("%(name)s: not assessed") % {"name": name}
    if got.level is None:
        return _unheld(say, name, got, related)
    values = {"name": name, "level": other_level(say, r.criteria, got.level, related)}
    text = _("%(name)s: %(level)s") % values
    if got.awarded is not None and r.awarded_by is not None and got.awarded > r.awarded_by:
        return _("%(name)s: %(level)s, awarded only on %(date)s") % {
            **values,
            "date": say.fmt.date(got.awarded),
        }
    if r.valid_on is None:
        return text
    until = got.valid_until
    if until is None:
        validity = _("validity not known")
    elif until >= r.valid_on:
        validity = _("valid until %(date)s") % {"date": say.fmt.date(until)}
    else:
        validity = _("expired after %(date)s") % {"date": say.fmt.date(until)}
    return f"{text} ({validity})"


def _unheld(say: Phrases, name: str, got: RelatedResult, related: Related) -> str:
    """Another set's label that is not held: not reached (and what it lacked), or reached
    in its own assessment but not approved by the day it is needed."""
    _ = say.gettext
    if got.reached is None:
        lacking = [text for nested in got.related if (text := _lacking(say, nested, related))]
        if not lacking:
            return _("%(name)s: not reached") % {"name": name}
        return _("%(name)s: not reached (%(lacking)s)") % {
            "name": name,
            "lacking": "; ".join(lacking),
        }
    level = other_level(say, got.criteria, got.reached, related)
    return _("%(name)s: %(level)s") % {
        "name": name,
        "level": decided(say, level, got.decision, got.awarded),
    }


def decided(say: Phrases, level: str, decision: str | None, approved: dt.date | None) -> str:
    """A level reached but not held on the day: what the body decided, or did not yet."""
    _ = say.gettext
    if decision == "rejected":
        return _("%(level)s, rejected by the labelling body") % {"level": level}
    if decision == "withdrawn":
        return _("%(level)s, withdrawn by the labelling body") % {"level": level}
    if approved is not None:
        return _("%(level)s, approved only on %(date)s") % {
            "level": level,
            "date": say.fmt.date(approved),
        }
    return _("%(level)s, not approved by the labelling body") % {"level": level}


def _lacking(say: Phrases, nested: RelatedResult, related: Related) -> str:
    """What a set another set requires lacks ("" when its label is held)."""
    if nested.source != "missing" and nested.level is not None:
        return ""
    name = criteria_name(say, nested.criteria, related)
    if nested.source == "missing":
        return say.gettext("%(name)s: not assessed") % {"name": name}
    return _unheld(say, name, nested, related)
