"""The register in words: statuses, next steps, decisions and a label's standing, in every
language clusterbench speaks (from the gettext catalogs), and the static HTML page (a
sortable table per country, as public lists of labelled clusters are, with no personal
data)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from ..models.assessment import Decision
from ..pipeline.judging import Problem
from ..pipeline.register_view import Record
from ..scoring.standing import STATUSES, Standing, Status
from .i18n import translations

__all__ = ["RegisterWords", "render_decisions_html", "render_register_html"]


def N_(message: str) -> str:  # noqa: N802 - the extractor's keyword for a text said later
    """Mark a text for the catalogs; it is translated where it is said."""
    return message


_STATUS: dict[Status, str] = {
    "valid": N_("valid"),
    "renewal_window": N_("in renewal window"),
    "pending": N_("pending decision"),
    "not_yet_valid": N_("not yet valid"),
    "expired": N_("expired"),
    "superseded": N_("superseded"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
    "no_label": N_("no label"),
}
assert set(_STATUS) == set(STATUSES)

_STEPS: dict[str, str] = {
    "renew": N_("renew by %(by)s to keep the label without a gap"),
    "renew_late": N_("renew by %(by)s: the renewal extends the label from its end"),
    "reassess": N_("a new assessment"),
    "reassess_by": N_("a new assessment by %(by)s"),
    "decide": N_("the labelling body's decision"),
    "decide_renewal": N_("the labelling body's decision on the renewal assessed on %(assessed)s"),
}


class RegisterWords:
    """What the register and `history` say, in ``language`` (dates as ISO 8601)."""

    def __init__(self, language: str = "en") -> None:
        catalog = translations(language)
        self.language = language
        self._: Callable[[str], str] = catalog.gettext
        self.ngettext: Callable[[str, str, int], str] = catalog.ngettext

    def status(self, status: Status) -> str:
        """A status in words: `in renewal window`."""
        return self._(_STATUS[status])

    def entries(self, count: int) -> str:
        """`1 entry`, `2 entries`."""
        return self.ngettext("%(num)d entry", "%(num)d entries", count) % {"num": count}

    def next_step(self, record: Record) -> str:
        """What comes next for a record, in words (empty when nothing does)."""
        step = record.next_step
        if step is None:
            return ""
        if step == "decide" and record.pending_since is not None and record.level is not None:
            return self._(_STEPS["decide_renewal"]) % {"assessed": record.pending_since.isoformat()}
        if step == "reassess" and record.next_by is not None:
            step = "reassess_by"
        text = self._(_STEPS[step])
        if step in ("renew", "renew_late", "reassess_by") and record.next_by is not None:
            return text % {"by": record.next_by.isoformat()}
        return text

    def superseded(self, record: Record) -> str:
        """`superseded by Gold (esca-gold) on 2021-11-30`, for a superseded record."""
        if record.superseded_by is None or record.superseded_since is None:
            return ""
        return self._("superseded by %(label)s (%(criteria)s) on %(day)s") % {
            "label": record.superseded_title or record.superseded_by,
            "criteria": record.superseded_criteria or "",
            "day": record.superseded_since.isoformat(),
        }

    def decision(self, decision: Decision | None, standing: Standing, approval: bool) -> str:
        """What the body decided about a level: `awarded on 2021-11-30 by EUCLES`,
        `recommended, pending the labelling body's decision`; empty for no level."""
        if standing.status == "no_label":
            return ""
        if decision is None or decision.status == "recommended":
            if not approval:
                return self._("held: the criteria need no approval")
            return self._("recommended, pending the labelling body's decision")
        day = decision.date.isoformat() if decision.date else ""
        by = decision.by
        said = {
            "approved": (
                self._("awarded on %(day)s by %(by)s") if by else self._("awarded on %(day)s")
            ),
            "rejected": (
                self._("rejected on %(day)s by %(by)s") if by else self._("rejected on %(day)s")
            ),
            "withdrawn": (
                self._("withdrawn on %(day)s by %(by)s") if by else self._("withdrawn on %(day)s")
            ),
        }[decision.status] % {"day": day, "by": by}
        if decision.status == "withdrawn" and decision.awarded is not None:
            awarded = self._("awarded on %(day)s") % {"day": decision.awarded.isoformat()}
            said = f"{awarded}; {said}"
        return said

    def standing(self, standing: Standing, status: Status, pending: dt.date | None = None) -> str:
        """One sentence on where a label stands, and what comes next; ``pending``: the date
        of a renewal assessment waiting for the body's decision beside the label in force."""
        level = standing.level or self._("no level")
        until = standing.valid_until.isoformat() if standing.valid_until else None
        by = standing.deadline.isoformat() if standing.deadline else None
        waiting = (
            "; "
            + self._("renewal assessed on %(day)s, pending the labelling body's decision")
            % {"day": pending.isoformat()}
            if pending is not None
            else ""
        )
        if status == "pending":
            return self._("%(level)s recommended, pending the labelling body's decision") % {
                "level": level
            }
        if status == "valid":
            if until is None:
                return self._("%(level)s valid") % {"level": level} + waiting
            if standing.renew_by is not None:
                return (
                    self._(
                        "%(level)s valid until %(until)s; renew by %(until)s to keep it without "
                        "a gap (a renewal until %(late)s still extends it from its end)"
                    )
                    % {"level": level, "until": until, "late": standing.renew_by.isoformat()}
                    + waiting
                )
            return (
                self._("%(level)s valid until %(until)s; a new assessment by %(until)s keeps it")
                % {"level": level, "until": until}
                + waiting
            )
        if status == "renewal_window":
            return (
                self._(
                    "%(level)s ended on %(until)s; a renewal by %(by)s still extends it from its "
                    "end (no label is valid until then)"
                )
                % {"level": level, "until": until or "", "by": by or ""}
                + waiting
            )
        if status == "expired":
            return self._("%(level)s ended on %(until)s; a new assessment is needed") % {
                "level": level,
                "until": until or "",
            }
        if status == "not_yet_valid":
            start = standing.valid_from.isoformat() if standing.valid_from else ""
            return self._("%(level)s valid from %(from)s") % {"level": level, "from": start}
        if status == "superseded" and standing.superseded_by is not None:
            replaced = standing.superseded_by
            return self._("%(level)s superseded by %(by)s (%(criteria)s) on %(day)s") % {
                "level": level,
                "by": replaced.level or "",
                "criteria": replaced.criteria,
                "day": replaced.since.isoformat(),
            }
        return self.status(status)

    # -- whole outputs ------------------------------------------------------------------
    def register_text(
        self, found: Sequence[Record], on: dt.date, problems: Sequence[Problem] = ()
    ) -> str:
        """The register as lines of text: a heading, a line per record, the files left out."""
        day = on.isoformat()
        if not found:
            lines = [self._("Register on %(day)s: nothing matches.") % {"day": day}]
        else:
            counts: dict[str, int] = {}
            for record in found:
                said = self.status(record.status)
                counts[said] = counts.get(said, 0) + 1
            summary = ", ".join(f"{n} {word}" for word, n in counts.items())
            lines = [
                self._("Register on %(day)s: %(entries)s (%(summary)s)")
                % {"day": day, "entries": self.entries(len(found)), "summary": summary}
            ]
            width = max(len(r.organisation) for r in found)
            for r in found:
                until = (
                    self._("until %(day)s") % {"day": r.valid_until.isoformat()}
                    if r.valid_until
                    else ""
                )
                step = self.next_step(r)
                then = self._("next: %(step)s") % {"step": step} if step else self.superseded(r)
                # A designation ends on its own date (NCE with the Gold), not the level's.
                own = r.designations_until
                if own is not None and own != r.valid_until:
                    then += "; " + self._("%(designation)s until %(day)s") % {
                        "designation": " ".join(r.designation_titles),
                        "day": own.isoformat(),
                    }
                lines.append(
                    f"  {r.country}  {r.organisation:<{width}}  {r.criteria:<24} "
                    f"{r.shown_level or '–':<14} {self.status(r.status):<18} {until:<17} "
                    f"{then}".rstrip()
                )
        return "\n".join([*lines, *self._left_out(problems)]) + "\n"

    def decisions_text(
        self,
        rows: Sequence[dict[str, Any]],
        since: dt.date,
        on: dt.date,
        problems: Sequence[Problem] = (),
    ) -> str:
        """The decisions of a period (``register --since``) as lines of text."""
        lines = [
            self.ngettext(
                "Decisions from %(since)s to %(on)s: %(num)d",
                "Decisions from %(since)s to %(on)s: %(num)d",
                len(rows),
            )
            % {"since": since.isoformat(), "on": on.isoformat(), "num": len(rows)}
        ]
        for row in rows:
            lines.append(
                f"  {row['decided']}  {self.decision_word(row['decision']):<16} {row['country']}  "
                f"{row['organisation']}  {row['criteria']} {row['level'] or ''}  "
                f"{row['reference'] or ''}".rstrip()
            )
        return "\n".join([*lines, *self._left_out(problems)]) + "\n"

    def decision_word(self, status: str) -> str:
        """`approved`, `rejected`, `withdrawn` in words."""
        return self._(_DECISIONS.get(status, status))

    def _left_out(self, problems: Sequence[Problem]) -> list[str]:
        if not problems:
            return []
        head = self.ngettext("%(num)d problem:", "%(num)d problems:", len(problems)) % {
            "num": len(problems)
        }
        return [head, *(f"  {p.file}: {p.message}" for p in problems)]


_DECISIONS = {
    "approved": N_("approved"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
    "recommended": N_("recommended"),
}


def render_register_html(
    records: Sequence[Record],
    on: dt.date,
    *,
    language: str = "en",
    problems: Sequence[Problem] = (),
    public: bool = True,
) -> str:
    """The register as one self-contained HTML page, a table per country.

    ``public``: a page for anyone (the labels in force, chosen by the caller): files
    left out are counted, not named.  Otherwise each is listed with why.
    """
    from .._resources import bundled_dir
    from .templating import render_template

    words = RegisterWords(language)
    by_country: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_country[record.country].append(record)
    view: dict[str, Any] = {
        "lang": language,
        "on": on,
        "countries": sorted(by_country.items()),
        "status": words.status,
        "next_step": words.next_step,
        "count": len(records),
        "problems": list(problems),
        "public": public,
    }
    return render_template("register.html", language, (bundled_dir("templates"),), view=view)


def render_decisions_html(
    rows: Sequence[dict[str, Any]],
    since: dt.date,
    on: dt.date,
    *,
    language: str = "en",
    problems: Sequence[Problem] = (),
    public: bool = True,
) -> str:
    """The decisions of a period (the board's list) as one self-contained HTML page."""
    from .._resources import bundled_dir
    from .templating import render_template

    words = RegisterWords(language)
    view: dict[str, Any] = {
        "lang": language,
        "since": since,
        "on": on,
        "rows": list(rows),
        "decision": words.decision_word,
        "status": words.status,
        "count": len(rows),
        "problems": list(problems),
        "public": public,
    }
    return render_template("decisions.html", language, (bundled_dir("templates"),), view=view)
