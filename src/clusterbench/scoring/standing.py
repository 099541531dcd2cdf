"""Where a label stands on a given day: held, in its renewal window, expired, pending.

A pure function of one scored assessment, the labelling body's decision and the day
asked about; the register and `history` ask it for every assessment, so that every
place says the same about a label.  The day is always an argument: nothing here reads
the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, cast

from ..models.assessment import Decision
from ..models.criteria import Criteria
from ..models.dates import after, period_end
from ..models.result import Decided, ValidityResult
from .statuses import STATUSES, Status

__all__ = [
    "AWARDED",
    "IN_FORCE",
    "STATUSES",
    "NextStep",
    "Replacement",
    "Standing",
    "Status",
    "decision_on",
    "label_on",
    "standing",
]

AWARDED: frozenset[Status] = frozenset({"valid", "renewal_window", "expired", "superseded"})
"""The statuses of a label awarded by the day asked about (held that day, or before)."""


@dataclass(frozen=True, slots=True)
class NextStep:
    """What the organisation (or the body) has to do next, and by when.

    ``kind``: ``renew`` (a renewal assessment before the label ends), ``renew_late`` (a
    renewal in the window after the end, which still continues the label without a
    gap), ``reassess`` (a new first assessment), ``decide`` (the body's decision).
    """

    kind: Literal["renew", "renew_late", "reassess", "decide"]
    by: dt.date | None = None


IN_FORCE: tuple[Status, ...] = ("valid", "renewal_window")
"""The statuses of a label in force: held, or ended and still renewable without a new start."""


@dataclass(frozen=True, slots=True)
class Replacement:
    """The later label that superseded one: of the same criteria set, or of a set whose
    level declares it replaces this one (`replaces`: a Gold replaces a Silver)."""

    criteria: str
    level: str | None
    since: dt.date
    """The day the replacing label was held (awarded, or assessed when no approval is needed)."""


@dataclass(frozen=True, slots=True)
class Standing:
    """One assessment's label on one day."""

    status: Status
    level: str | None
    """The level held (approved), or recommended while a decision is pending."""
    recommended: str | None
    """The level the assessment reaches."""
    valid_from: dt.date | None
    valid_until: dt.date | None
    renew_by: dt.date | None
    """The last day a renewal still extends the label from its end (None: no renewal
    rule); a renewal by ``valid_until`` keeps it without a gap."""
    decided: dt.date | None
    decided_by: str | None
    reference: str | None
    next_step: NextStep | None
    superseded_by: Replacement | None = None
    """What replaced it, when the status is `superseded`."""

    @property
    def held(self) -> bool:
        """Whether a label is held on the day (valid, or in force until its renewal)."""
        return self.status == "valid"

    @property
    def awarded(self) -> bool:
        """Whether the label was awarded by the day (approved, or free of approval, and
        begun), whether or not it has ended since."""
        return self.status in AWARDED

    @property
    def decision(self) -> Decided | None:
        """The body's decision as it stood on the day (None: nothing reached, nothing
        approved)."""
        if self.status in ("pending", "rejected", "withdrawn"):
            return cast(Decided, self.status)
        return None if self.status == "no_label" else "approved"

    @property
    def deadline(self) -> dt.date | None:
        """The next date that matters: the end of the label, or of its renewal window."""
        return self.next_step.by if self.next_step is not None else None


def standing(
    reached: str | None,
    validity: ValidityResult | None,
    assessed: dt.date,
    decision: Decision | None,
    criteria: Criteria,
    on: dt.date,
    *,
    superseded: Replacement | None = None,
) -> Standing:
    """The label of an assessment on day ``on``.

    ``reached`` is the level the answers reach, ``assessed`` the assessment date, and
    ``validity`` the validity of the level awarded (the decision's level, else the one
    reached), with the renewal rule applied to a renewal of the same label (see
    :mod:`clusterbench.pipeline.awards`); without one for that level, the level is
    valid for its months from the assessment.  Without a decision the level is held at
    once when the criteria need no approval, and pending otherwise.  ``superseded``: a
    later label that replaces this one (of the same organisation and criteria set, or
    of a set whose level declares that it replaces this set's labels).
    """
    recommended = reached
    status = decision.status if decision is not None else None
    if recommended is None and status != "approved":
        return _plain("no_label", None, None, decision)
    if status in ("rejected", "withdrawn"):
        assert status is not None
        return _plain(status, decision.level if decision else None, recommended, decision)
    if (status is None or status == "recommended") and criteria.needs_approval:
        step = NextStep("decide")
        return Standing(
            "pending", recommended, recommended, None, None, None, None, None, None, step
        )
    level = (decision.level if decision is not None else None) or recommended
    start, until, renew_by = _validity(validity, assessed, criteria, level)
    decided = decision.date if decision is not None and status == "approved" else None
    by = decision.by if decision is not None and status == "approved" else None
    reference = decision.reference if decision is not None else None

    def made(state: Status, step: NextStep | None) -> Standing:
        return Standing(
            state,
            level,
            recommended,
            start,
            until,
            renew_by,
            decided,
            by,
            reference,
            step,
            superseded if state == "superseded" else None,
        )

    if superseded is not None:
        return made("superseded", None)
    if until is None or start is None:  # a level with no end: valid from its start
        return made("valid" if start is None or on >= start else "not_yet_valid", None)
    renewable = renew_by is not None
    if on < start:
        return made("not_yet_valid", NextStep("renew", until) if renewable else None)
    if on <= until:
        return made("valid", NextStep("renew", until) if renewable else NextStep("reassess", until))
    if renew_by is not None and on <= renew_by:
        return made("renewal_window", NextStep("renew_late", renew_by))
    return made("expired", NextStep("reassess"))


def decision_on(decision: Decision | None, on: dt.date) -> Decision | None:
    """The decision as it stood on day ``on``: one dated later was not taken yet.

    A withdrawal dated later, of a label awarded by then (`awarded`), stood as the
    approval of that day.
    """
    if decision is None or decision.date is None or decision.date <= on:
        return decision
    if decision.status == "withdrawn" and decision.awarded is not None and decision.awarded <= on:
        return decision.model_copy(update={"status": "approved", "date": decision.awarded})
    return None


def label_on(
    reached: str | None,
    validity: ValidityResult | None,
    assessed: dt.date,
    decision: Decision | None,
    criteria: Criteria,
    on: dt.date,
) -> Standing:
    """:func:`standing` with the decision as it stood on day ``on``.

    The one definition of a label *held*: approved (or free of approval) by that day,
    never rejected or withdrawn, and begun.  A related label (a Gold under a national
    programme) and the previous label a renewal extends are judged by it on the
    assessment date, as the register judges every label on its day.
    """
    return standing(reached, validity, assessed, decision_on(decision, on), criteria, on)


def _plain(
    status: Status, level: str | None, recommended: str | None, decision: Decision | None
) -> Standing:
    step = NextStep("reassess") if status in ("rejected", "withdrawn") else None
    return Standing(
        status,
        level,
        recommended,
        None,
        None,
        None,
        decision.date if decision else None,
        decision.by if decision else None,
        decision.reference if decision else None,
        step,
    )


def _validity(
    validity: ValidityResult | None, assessed: dt.date, criteria: Criteria, level: str | None
) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    if validity is not None and validity.level == level:
        return validity.valid_from, validity.valid_until, validity.renew_by
    found = criteria.level(level) if level is not None else None
    if found is None or found.validity is None:
        return assessed, None, None
    until = period_end(assessed, found.validity.months)
    window = found.validity.renewal
    renew_by = after(until, window.window_months) if window is not None else None
    return assessed, until, renew_by
