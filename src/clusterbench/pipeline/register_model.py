"""The register's records: a label as the register sees it, a row (an organisation and a
criteria set), the register on one day and the body's decisions in it.

Built by :func:`~clusterbench.pipeline.register.register_of`; the views (text, CSV, JSON,
HTML) and `history` read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..models.assessment import Decision, Organisation
from ..models.criteria import Criteria
from ..models.result import DesignationResult, RelatedResult
from ..scoring.standing import IN_FORCE, Standing, Status
from .judging import Problem

__all__ = ["Decided", "Label", "Register", "Row", "name_key"]


@dataclass(frozen=True, slots=True)
class Label:
    """One assessment as the register sees it: who, what, when, and its standing."""

    path: Path
    organisation: str
    country: str
    organisation_id: str | None
    website: str | None
    criteria: Criteria
    date: dt.date
    report_id: str | None
    decision: Decision | None
    standing: Standing
    recommended: str | None = None
    """The level the assessment reaches (what the engine recommends)."""
    renewal: bool = False
    """Whether its validity extends an earlier label (a renewal in the window)."""
    designations: tuple[DesignationResult, ...] = ()
    """Its criteria's designations as decided on the assessment date."""
    related: tuple[RelatedResult, ...] = ()
    """The related sets' outcomes it was scored with."""
    described: Organisation | None = None
    """The organisation as this assessment describes it (members, key figures)."""
    share: Decimal | None = None
    """The share of the points it reached (None when the criteria award no points)."""

    @property
    def decided(self) -> dt.date | None:
        """When the body decided about it, if it did."""
        return self.decision.date if self.decision is not None else None


@dataclass(frozen=True, slots=True)
class Row:
    """One organisation and one criteria set: the label in force and what comes next."""

    key: str
    organisation: str
    country: str
    organisation_id: str | None
    criteria: Criteria
    labels: tuple[Label, ...]
    """Every assessment of this organisation against this set, oldest first."""
    designations: tuple[DesignationResult, ...] = ()
    """The designations of the criteria on the register's day, beside the label in force
    (decided from the organisation's other labels held that day)."""

    @property
    def held_designations(self) -> tuple[DesignationResult, ...]:
        """The designations held on the register's day."""
        return tuple(d for d in self.designations if d.held)

    @property
    def current(self) -> Label | None:
        """The latest approved label that is not superseded (valid or not any more)."""
        held = [label for label in self.labels if label.standing.status in _HELD]
        return held[-1] if held else None

    @property
    def pending(self) -> Label | None:
        """A later assessment waiting for the body's decision."""
        current = self.current
        waiting = [
            label
            for label in self.labels
            if label.standing.status == "pending" and (current is None or label.date > current.date)
        ]
        return waiting[-1] if waiting else None

    @property
    def latest(self) -> Label:
        """The latest assessment."""
        return self.labels[-1]

    @property
    def in_force(self) -> bool:
        """Whether a label is in force on the day: valid, or in its renewal window."""
        current = self.current
        return current is not None and current.standing.status in IN_FORCE

    @property
    def status(self) -> Status:
        """The row's status: the label in force's (a renewal pending beside it), else
        pending while a decision is awaited, else the latest label's."""
        current = self.current
        if current is not None and current.standing.status in (*IN_FORCE, "not_yet_valid"):
            return current.standing.status
        if self.pending is not None:
            return "pending"
        return self.shown.standing.status

    @property
    def shown(self) -> Label:
        """The label the row describes: the one held, else the latest."""
        return self.current or self.latest


_HELD: tuple[Status, ...] = ("valid", "renewal_window", "expired", "not_yet_valid")
"""A label approved and not superseded: held on the day, or held once."""


@dataclass(frozen=True, slots=True)
class Register:
    """The register on one day."""

    on: dt.date
    rows: tuple[Row, ...]
    problems: tuple[Problem, ...] = field(default=())
    names: tuple[tuple[str, str], ...] = field(default=())
    """(name, country) of every organisation found, selected or not (for suggestions)."""
    sources: tuple[Path, ...] = field(default=())
    """Every file looked at (an output must never replace one of them)."""
    criteria: tuple[Criteria, ...] = field(default=())
    """Every criteria set (version) the assessments were scored with."""

    def decided_since(self, since: dt.date) -> list[Decided]:
        """Every decision taken from ``since`` to the register's day (the board's list), by
        date: approvals, rejections, withdrawals (and the award a withdrawal took back)."""
        found = []
        for row in self.rows:
            for label in row.labels:
                decision = label.decision
                if decision is None:
                    continue
                if decision.date is not None and since <= decision.date <= self.on:
                    found.append(Decided(decision.date, decision.status, row, label))
                awarded = decision.awarded if decision.status == "withdrawn" else None
                if awarded is not None and since <= awarded <= self.on:
                    found.append(Decided(awarded, "approved", row, label))
        return sorted(
            found,
            key=lambda d: (d.day, d.row.country, name_key(d.row.organisation), d.row.key, d.status),
        )


@dataclass(frozen=True, slots=True)
class Decided:
    """One decision of the body: its day and outcome, about a label of a register row."""

    day: dt.date
    status: str
    row: Row
    label: Label


def name_key(name: str) -> str:
    """A name as organisations are matched by it: any case, any run of white space."""
    return " ".join(name.split()).casefold()
