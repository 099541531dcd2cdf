"""The comments `migrate` writes into an assessment it moves onto a newer version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ...models.criteria import Criteria, Indicator
from .questionnaire import describe_indicator
from .words import Phrases

__all__ = ["MigrationNotes"]


class MigrationNotes:
    """The words of a migration, in the language of ``say`` (which speaks of the target)."""

    def __init__(self, say: Phrases) -> None:
        self.say = say

    def header(
        self,
        source: Criteria,
        target: Criteria,
        carried: int,
        renamed: Mapping[str, str],
        dropped: Sequence[str],
        questions: Sequence[str],
        missing: Sequence[str],
        *,
        recheck: Sequence[str] = (),
        date_from: dt.date | None = None,
    ) -> list[str]:
        """The lines that open the file (without `# `)."""
        _ = self.say.gettext
        none = _("none")
        lines = [
            _("Moved from %(old)s to %(new)s by `clusterbench migrate`.")
            % {"old": source.reference, "new": target.reference},
            _("Answers carried over: %(num)d; renamed: %(renamed)s.")
            % {
                "num": carried,
                "renamed": ", ".join(f"{old} → {new}" for new, old in renamed.items()) or none,
            },
            _("Dropped (no counterpart, kept as comments): %(ids)s.")
            % {"ids": ", ".join(dropped) or none},
            _("Left to answer (listed at the end of `answers`): %(ids)s.")
            % {"ids": ", ".join(questions) or none},
        ]
        if missing:
            lines.append(
                _("Answers to give in `related` as well: %(ids)s.") % {"ids": ", ".join(missing)}
            )
        if recheck:
            lines.append(
                _("Carried over, to check again (the question changed): %(ids)s.")
                % {"ids": ", ".join(recheck)}
            )
        if date_from is not None:
            lines.append(
                _("Set `assessment.date` to the new assessment's day: on or after %(day)s.")
                % {"day": date_from.isoformat()}
            )
        return lines

    def dropped(self, indicator_id: str, target: Criteria, since: str) -> str:
        """The note above an answer kept as a comment."""
        return self.say.gettext("%(id)s: no counterpart in %(new)s (dropped since %(old)s).") % {
            "id": indicator_id,
            "new": target.reference,
            "old": since,
        }

    def dropped_area(self, indicator_id: str, since: str) -> str:
        """The note above an improvement area kept as a comment."""
        return self.say.gettext(
            "An improvement area on %(id)s, which has no counterpart since %(old)s:"
        ) % {"id": indicator_id, "old": since}

    def decision(self, source: Criteria) -> str:
        """The note above the decision kept as a comment."""
        return self.say.gettext("The decision below was taken on %(old)s; kept as a comment.") % {
            "old": source.reference
        }

    def questions(self, target: Criteria) -> str:
        """The heading of the questions left to answer."""
        return self.say.gettext("── Left to answer: new in %(new)s ──") % {"new": target.reference}

    def question(self, indicator: Indicator) -> list[str]:
        """One question left to answer, as `new` presents it."""
        return describe_indicator(indicator, self.say)
