"""The awarding body's decision in words: the level a decision awards, and its tag.

clusterbench computes a level; the awarding body awards it, refuses it, or later
withdraws it.  The terminal, the cover and "How the level was decided" say the same
from the same facts: the assessment's `decision` and the criteria's `awarding`.
"""

from __future__ import annotations

from typing import Literal

from ...models.assessment import Decision
from ...models.criteria import Criteria
from .words import Phrases

__all__ = ["Standing", "awarding_body", "decision_line", "level_tag", "standing_of"]

Standing = Literal["free", "pending", "approved", "rejected", "withdrawn"]
"""`free`: the criteria's levels need no approval; `pending`: no decision recorded yet."""


def standing_of(decision: Decision | None, criteria: Criteria) -> Standing:
    """Where the level stands with the awarding body."""
    if decision is None or decision.status == "recommended":
        awarding = criteria.awarding
        return "free" if awarding is not None and awarding.approval == "none" else "pending"
    return decision.status


def awarding_body(say: Phrases, criteria: Criteria | None = None) -> str:
    """The body that awards the criteria's levels, by name, else "the awarding body"."""
    awarding = (criteria or say.criteria).awarding
    if awarding is not None and awarding.body is not None:
        return say.line(awarding.body)
    return say.gettext("the awarding body")


def decided_level(decision: Decision | None, reached: str | None) -> str | None:
    """The level a decision is about: the one it names, else the level reached."""
    return (decision.level if decision is not None else None) or reached


def level_tag(
    say: Phrases, decision: Decision | None, level_id: str, reached: str | None
) -> str | None:
    """The tag of a level in "How the level was decided": `awarded`, `recommended` ...

    None for a level the decision is not about (one held below it, or not reached).
    """
    _ = say.gettext
    if level_id != decided_level(decision, reached):
        return None
    return {
        "free": _("reached"),
        "pending": _("recommended"),
        "approved": _("awarded"),
        "rejected": _("recommended, not awarded"),
        "withdrawn": _("withdrawn"),
    }[standing_of(decision, say.criteria)]


def decision_line(
    say: Phrases, decision: Decision | None, reached: str | None, *, reference: bool = True
) -> str:
    """What the awarding body decided, as the assessment records it.

    `awarded by EUCLES on 6 December 2017 (EUCLES-BR-2017-0412)`; without ``reference``
    the decision's reference is left for the caller to set apart.
    """
    _, fmt = say.gettext, say.fmt
    state = standing_of(decision, say.criteria)
    if state == "free":
        return _("none needed: these criteria's levels are held without approval")
    if state == "pending" or decision is None:
        return _("none recorded yet: the level is a recommendation to %(body)s") % {
            "body": awarding_body(say)
        }
    parts = {
        "approved": _("awarded"),
        "rejected": _("not awarded"),
        "withdrawn": _("withdrawn"),
    }[decision.status]
    if decision.level is not None and decision.level != reached:
        parts = _("%(decision)s at %(level)s") % {
            "decision": parts,
            "level": say.level_name(decision.level),
        }
    if decision.by:
        parts = _("%(decision)s by %(by)s") % {"decision": parts, "by": decision.by}
    if decision.date is not None:
        parts = _("%(decision)s on %(date)s") % {
            "decision": parts,
            "date": fmt.date(decision.date),
        }
    if decision.reference and reference:
        parts = f"{parts} ({decision.reference})"
    return parts
