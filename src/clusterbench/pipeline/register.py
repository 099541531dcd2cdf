"""The register: every organisation found, and where each of its labels stands on a day.

Assessment files are read and checked once each, and scored with their previous
assessment scored once (not again for every later file that refers to it), so a
register of thousands of files costs one scoring per file.  Organisations are matched
by `organisation.id` when an assessment has one, else by name and country; an
assessment without an id whose name and country fit several ids is reported, not
merged.  A file that cannot be read or scored is reported and the others go on.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..loader.library import CriteriaLibrary
from ..models.assessment import Decision, Organisation
from ..models.criteria import Criteria
from ..models.result import DesignationResult, RelatedResult
from ..scoring.standing import Standing, Status, standing
from .designations import with_designations
from .judging import Judged, Judgement, Problem, Select, judge_files

__all__ = ["Label", "Problem", "Register", "Row", "build_register", "register_of"]


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
        held = [
            label
            for label in self.labels
            if label.standing.status in ("valid", "renewal_window", "expired", "not_yet_valid")
        ]
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
    def status(self) -> Status:
        """The row's status: pending when a decision is awaited, else the label's."""
        if self.pending is not None:
            return "pending"
        current = self.current
        return current.standing.status if current is not None else self.latest.standing.status

    @property
    def shown(self) -> Label:
        """The label the row describes: the one in force, else the latest."""
        return self.current or self.latest


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

    def decided_since(self, since: dt.date) -> list[Label]:
        """Every decision taken on or after ``since`` (the board's list), by date."""
        found = [
            label
            for row in self.rows
            for label in row.labels
            if label.decided is not None and since <= label.decided <= self.on
        ]
        return sorted(found, key=lambda label: (label.decided or since, label.organisation))


def _key(label_id: str | None, name: str, country: str) -> str:
    return f"id:{label_id}" if label_id else f"name:{name.casefold()}|{country}"


def build_register(
    paths: Sequence[str | os.PathLike[str]],
    *,
    on: dt.date,
    library: CriteriaLibrary | None = None,
    select: Select | None = None,
    jobs: int | None = None,
) -> Register:
    """Every organisation under ``paths`` and its labels' standing on day ``on``.

    ``select`` keeps only the organisations it accepts (and is asked before scoring);
    ``jobs`` worker processes read and score the files (default: one per core).
    """
    judgement, files = judge_files(paths, library=library, select=select, jobs=jobs)
    return register_of(judgement, files, on, library)


def register_of(
    judgement: Judgement,
    files: Sequence[Path],
    on: dt.date,
    library: CriteriaLibrary | None = None,
) -> Register:
    """The register on day ``on`` of files already judged (cheap: nothing is scored, so a
    history can ask it for many days)."""
    problems = list(judgement.problems)
    # The register on a past day shows what was known then: no later assessment, and
    # no decision taken after it.
    judged = [j for j in judgement.judged if j.date <= on]

    # Organisations: by id, else by name and country; id-less files join an id only
    # when exactly one id has their name and country.
    named_ids: dict[tuple[str, str], set[str]] = defaultdict(set)
    for item in judged:
        org = item.organisation
        if org.id:
            named_ids[(org.name.casefold(), org.country)].add(org.id)
    groups: dict[tuple[str, str], list[Judged]] = defaultdict(list)
    for item in judged:
        org = item.organisation
        identity = org.id
        if identity is None:
            candidates = named_ids.get((org.name.casefold(), org.country), set())
            if len(candidates) > 1:
                problems.append(
                    Problem(
                        str(item.path),
                        f"{org.name} ({org.country}) has no organisation.id, and the register "
                        f"holds several organisations of that name: {', '.join(sorted(candidates))}; "
                        "add the right organisation.id",
                    )
                )
                continue
            identity = next(iter(candidates), None)
        criteria = judgement.criteria[item.criteria]
        groups[(_key(identity, org.name, org.country), criteria.id)].append(item)
    rows = with_designations(
        [_row(key, items, judgement.criteria, on) for (key, _), items in groups.items()],
        on,
        library,
    )
    countries: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.organisation_id:
            countries[row.organisation_id].update(label.country for label in row.labels)
    for identity, places in sorted(countries.items()):
        if len(places) > 1:
            problems.append(
                Problem(
                    identity,
                    f"organisation.id {identity} is used in {', '.join(sorted(places))}: "
                    "one id should name one organisation",
                )
            )
    rows.sort(key=lambda r: (r.country, r.organisation.casefold(), r.criteria.id))
    return Register(
        on,
        tuple(rows),
        tuple(sorted(problems, key=lambda p: p.file)),
        tuple(sorted(judgement.names)),
        tuple(files),
    )


def _row(key: str, items: list[Judged], criteria_by_key: dict[str, Criteria], on: dt.date) -> Row:
    items.sort(key=lambda j: (j.date, str(j.path)))
    approved_from: list[dt.date] = []
    for item in items:
        decision = _known(item.decision, on)
        criteria = criteria_by_key[item.criteria]
        held = (
            decision.status == "approved"
            if decision is not None
            else not criteria.needs_approval and item.level is not None
        )
        approved_from.append(item.date if held else dt.date.max)
    labels = []
    for index, item in enumerate(items):
        # Replaced by a later approved label that has begun.
        later = any(start <= on for start in approved_from[index + 1 :])
        org = item.organisation
        criteria = criteria_by_key[item.criteria]
        decision = _known(item.decision, on)
        labels.append(
            Label(
                path=item.path,
                organisation=org.name,
                country=org.country,
                organisation_id=org.id,
                website=org.website,
                criteria=criteria,
                date=item.date,
                report_id=item.report_id,
                decision=decision,
                standing=standing(
                    item.level, item.validity, item.date, decision, criteria, on, superseded=later
                ),
                recommended=item.level,
                renewal=bool(item.validity and item.validity.renewal),
                designations=item.designations,
                related=item.related,
                described=item.organisation,
                share=item.share,
            )
        )
    latest = labels[-1]
    return Row(
        key,
        latest.organisation,
        latest.country,
        next((label.organisation_id for label in reversed(labels) if label.organisation_id), None),
        latest.criteria,
        tuple(labels),
    )


def _known(decision: Decision | None, on: dt.date) -> Decision | None:
    """The decision as it stood on day ``on``: one dated later was not taken yet."""
    if decision is None or decision.date is None or decision.date <= on:
        return decision
    return None
