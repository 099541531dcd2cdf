"""The previous assessment in words: its level, and what the comparison with it found."""

from __future__ import annotations

from collections.abc import Mapping

from ...models.criteria import Criteria
from ...models.result import Comparison
from .words import Phrases

__all__ = ["comparison_lines", "earlier_criteria", "previous_level"]


def earlier_criteria(
    criteria_id: str,
    say: Phrases,
    related: Mapping[str, Criteria],
    earlier: Criteria | None = None,
) -> Criteria | None:
    """The criteria a previous assessment answered, when they are known here."""
    if criteria_id == say.criteria.id:
        return say.criteria
    if earlier is not None and earlier.id == criteria_id:
        return earlier
    return related.get(criteria_id)


def previous_level(
    level: str | None,
    criteria_id: str,
    say: Phrases,
    related: Mapping[str, Criteria],
    earlier: Criteria | None = None,
) -> str:
    """A previous assessment's level by its title, never by its id; `no level`."""
    found = earlier_criteria(criteria_id, say, related, earlier)
    if found is None or level is None or found.level(level) is None:
        return say.gettext("no level") if level is None else level
    return say.level_title(level, found)


def comparison_lines(
    comparison: Comparison,
    say: Phrases,
    related: Mapping[str, Criteria],
    earlier: Criteria | None = None,
) -> list[str]:
    """The comparison with the previous assessment, for the terminal."""
    _, fmt = say.gettext, say.fmt
    criteria = say.criteria
    out = [
        say.ngettext(
            "Compared with %(date)s (%(level)s, %(num)d month earlier)",
            "Compared with %(date)s (%(level)s, %(num)d months earlier)",
            comparison.months,
        )
        % {
            "date": fmt.date(comparison.previous_date),
            "level": previous_level(
                comparison.previous_level, comparison.previous_criteria, say, related, earlier
            ),
            "num": comparison.months,
        }
    ]
    if comparison.previous_criteria != criteria.id:
        other = earlier_criteria(comparison.previous_criteria, say, related, earlier)
        out.append(
            "  "
            + _(
                "It was made with another criteria set (%(criteria)s), so no indicator is compared."
            )
            % {
                "criteria": say.line(other.title)
                if other is not None
                else comparison.previous_criteria
            }
        )
        return out
    if comparison.changes:
        none = _("none")
        out.append("  " + _("improved: %(ids)s") % {"ids": ", ".join(comparison.improved) or none})
        out.append("  " + _("declined: %(ids)s") % {"ids": ", ".join(comparison.declined) or none})
        out.append("  " + _("unchanged: %(num)d") % {"num": len(comparison.unchanged)})
    then = _then(comparison, say, earlier)
    if not comparison.mapped:
        out.append(
            "  "
            + _("it answered %(old)s, which %(new)s does not supersede: no indicator is compared")
            % {"old": then, "new": say.version()}
        )
    for now_id, then_id in comparison.renamed.items():
        out.append("  " + _("%(new)s was %(old)s") % {"new": now_id, "old": then_id})
    if comparison.not_compared_before:
        out.append(
            "  "
            + _("not compared, only in %(version)s: %(ids)s")
            % {"version": then, "ids": ", ".join(comparison.not_compared_before)}
        )
    if comparison.not_compared_now:
        out.append(
            "  "
            + _("not compared, new in %(version)s: %(ids)s")
            % {"version": say.version(), "ids": ", ".join(comparison.not_compared_now)}
        )
    if comparison.improvement_areas:
        out.append(
            "  "
            + _("verified improvement areas: %(ids)s")
            % {"ids": ", ".join(comparison.improvement_areas)}
        )
    return out


def _then(comparison: Comparison, say: Phrases, earlier: Criteria | None) -> str:
    """The previous assessment's version of these criteria, as readers read it."""
    if earlier is not None and earlier.id == say.criteria.id:
        return say.version(earlier)
    return say.version(label=comparison.previous_version or say.criteria.version)
