"""How long the label lasts, in words: its validity, renewal and what ends it.

A label is valid to its last day.  Where the criteria allow a renewal after that day
(`renew_by`, the last day a renewal still extends it), a late renewal continues the label
from its old end, but between that end and the renewal no label is held: the words say
so instead of promising a label "without a break".  A label the awarding body refused
or withdrew has no validity to state.
"""

from __future__ import annotations

from ...models.assessment import Decision
from ...models.result import Result
from .decision import awarding_body, standing_of
from .words import Phrases

__all__ = ["validity_lines"]


def validity_lines(result: Result, say: Phrases, decision: Decision | None) -> list[str]:
    """The validity of the level as sentences, from the Result and the decision."""
    _, fmt = say.gettext, say.fmt
    state = standing_of(decision, say.criteria)
    if state == "rejected":
        body = decision.by if decision is not None and decision.by else awarding_body(say)
        return [_("%(body)s did not award the level, so no validity applies.") % {"body": body}]
    if state == "withdrawn":
        if decision is not None and decision.date is not None:
            return [
                _("The label was withdrawn on %(date)s: it is no longer held.")
                % {"date": fmt.date(decision.date)}
            ]
        return [_("The label was withdrawn: it is no longer held.")]
    validity = result.validity
    if validity is None:
        return [_("No level is reached, so no validity applies.")]
    end = fmt.date(validity.valid_until)
    lines = [
        _("Valid from %(start)s to %(end)s.") % {"start": fmt.date(validity.valid_from), "end": end}
    ]
    if validity.renewal and validity.extended_from is not None:
        lines.append(
            _("A renewal: it extends the label that was valid until %(date)s.")
            % {"date": fmt.date(validity.extended_from)}
        )
    level = say.criteria.level(validity.level)
    rules = level.validity.renewal if level is not None and level.validity is not None else None
    if rules is None:
        return lines
    if validity.renew_by is None:  # the renewals allowed are used up
        lines.append(_("It cannot be renewed again: the label ends after %(end)s.") % {"end": end})
        return lines
    months = rules.extension_months
    if validity.renew_by > validity.valid_until:
        lines.append(
            _("Unless it is renewed by then, the label lapses after %(end)s.") % {"end": end}
        )
        lines.append(
            say.ngettext(
                "A renewal up to %(date)s still extends it by %(num)d month from %(end)s; "
                "until that renewal no label is held.",
                "A renewal up to %(date)s still extends it by %(num)d months from %(end)s; "
                "until that renewal no label is held.",
                months,
            )
            % {"date": fmt.date(validity.renew_by), "num": months, "end": end}
        )
    else:
        lines.append(
            say.ngettext(
                "A renewal by %(end)s extends it by %(num)d month; after that day it lapses.",
                "A renewal by %(end)s extends it by %(num)d months; after that day it lapses.",
                months,
            )
            % {"num": months, "end": end}
        )
    return lines
