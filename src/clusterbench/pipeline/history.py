"""One organisation over time: two assessments compared, and its whole label history."""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import NotFoundError
from ..loader.assessment import read_assessment
from ..loader.library import CriteriaLibrary
from ..models.assessment import Decision, Organisation
from ..models.result import Comparison as ResultComparison
from ..models.result import Result, to_json_value
from ..scoring.standing import Standing
from .designations import DesignationPeriod, designation_periods
from .development import Development, development
from .judging import Judged, judge_files
from .register import Label, Row, name_key, register_of
from .scoring import Scored, score_file

__all__ = [
    "Comparison",
    "History",
    "HistoryEntry",
    "compare_files",
    "history_of",
]


@dataclass(frozen=True, slots=True)
class Change:
    """One indicator then and now, with its answers."""

    id: str
    change: str
    before: Any
    after: Any
    before_points: Any
    after_points: Any
    before_band: str | None
    after_band: str | None
    was: str | None = None
    """Its counterpart's id in the older version, when the id changed."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two assessments of one organisation, the newer scored against the older."""

    old: Scored
    new: Scored
    changes: tuple[Change, ...]
    areas: tuple[tuple[str, bool, bool], ...]  # (indicator, verified, improved)

    @property
    def same_criteria(self) -> bool:
        """Whether both were made with the same criteria set (so indicators compare)."""
        return self.old.criteria.id == self.new.criteria.id

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: what the text of `compare` says, as data."""
        comparison = self.new.result.comparison
        return {
            "old": _brief(self.old.result),
            "new": _brief(self.new.result),
            "months": comparison.months if comparison else None,
            "same_criteria": self.same_criteria,
            "versions": _versions(comparison) if self.same_criteria else None,
            "improved": [c.id for c in self.changes if c.change == "improved"],
            "declined": [c.id for c in self.changes if c.change == "declined"],
            "unchanged": [c.id for c in self.changes if c.change == "unchanged"],
            "changes": [
                {
                    "id": c.id,
                    "was": c.was,
                    "change": c.change,
                    "before": to_json_value(c.before),
                    "after": to_json_value(c.after),
                    "before_points": to_json_value(c.before_points),
                    "after_points": to_json_value(c.after_points),
                    "before_band": c.before_band,
                    "after_band": c.after_band,
                }
                for c in self.changes
            ],
            "improvement_areas": [
                {"indicator": i, "verified": v, "improved": imp, "counts": v}
                for i, v, imp in self.areas
            ],
        }


def _brief(result: Result) -> dict[str, Any]:
    score = result.score
    counted = score.max_points > 0  # criteria that award no points (a benchmarking) give null
    return {
        "date": result.assessment.date.isoformat(),
        "criteria": result.criteria.id,
        "version": result.criteria.version,
        "level": result.level,
        "points": to_json_value(score.points) if counted else None,
        "max_points": to_json_value(score.max_points) if counted else None,
    }


def _versions(comparison: ResultComparison | None) -> dict[str, Any] | None:
    """How the two versions of one criteria set pair their indicators (None: one version)."""
    if comparison is None or comparison.previous_version is None:
        return None
    return {
        "previous": comparison.previous_version,
        "mapped": comparison.mapped,
        "renamed": dict(comparison.renamed),
        "not_compared_before": list(comparison.not_compared_before),
        "not_compared_now": list(comparison.not_compared_now),
    }


def compare_files(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    *,
    library: CriteriaLibrary | None = None,
) -> Comparison:
    """Score `old`, then `new` with `old` as its previous assessment, and compare them."""
    library = library or CriteriaLibrary()
    before = score_file(old, library=library)
    # Check the order before scoring `new` against `old`: the other way round, `old`'s
    # own previous chain would usually lead back to `new` and report a loop instead.
    newer = read_assessment(Path(new), library)
    if newer.assessment is not None and before.result.assessment.date >= newer.assessment.date:
        raise NotFoundError(
            f"{os.fspath(old)} is not older than {os.fspath(new)}; give the older file first"
        )
    after = score_file(new, previous=old, library=library)
    then = {r.id: r for r in before.result.indicators}
    changes = []
    comparison = after.result.comparison
    if comparison is not None:
        for change in comparison.changes:
            now = after.result.indicator(change.id)
            assert now is not None
            # Across versions an indicator may have another id then: its counterpart's.
            was = comparison.renamed.get(change.id)
            changes.append(
                Change(
                    id=change.id,
                    was=was,
                    change=change.change,
                    before=then[was or change.id].value,
                    after=now.value,
                    before_points=change.before_points,
                    after_points=change.after_points,
                    before_band=change.before_band,
                    after_band=change.after_band,
                )
            )
    improved = {c.id for c in changes if c.change == "improved"}
    areas = tuple(
        (area.indicator, area.verified, area.indicator in improved)
        for area in after.assessment.improvement_areas
    )
    return Comparison(before, after, tuple(changes), areas)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One assessment in an organisation's history, and where its label stands."""

    path: Path | None
    date: dt.date
    criteria: str
    level: str | None
    valid_from: dt.date | None
    valid_until: dt.date | None
    renewal: bool
    renew_by: dt.date | None
    standing: Standing
    share: Decimal | None = None
    """The share of the points it reached (None when the criteria award no points)."""
    decision: Decision | None = None
    """The body's decision as it stood on the day (None: none taken, or taken later)."""
    approval: bool = True
    """Whether the criteria need the body's approval before a level is held."""


@dataclass(frozen=True, slots=True)
class History:
    """Every assessment of one organisation, in date order, on one day."""

    organisation: str
    entries: tuple[HistoryEntry, ...]
    on: dt.date
    rows: tuple[Row, ...] = ()
    """The organisation's labels per criteria set, as the register shows them."""
    designations: tuple[DesignationPeriod, ...] = ()
    """The periods each designation was held (NCE beside Arena Pro), up to the day."""
    development: Development | None = None
    """How the organisation's key figures developed across these assessments."""

    @property
    def gaps(self) -> tuple[tuple[dt.date, dt.date], ...]:
        """Periods between held labels when none was valid (up to the day asked about)."""
        spans = sorted(
            (e.valid_from, e.valid_until)
            for e in self.entries
            if e.valid_from and e.valid_until and e.standing.status not in _NOT_HELD
        )
        gaps = []
        covered_until: dt.date | None = None
        for start, end in spans:
            if covered_until is not None and start > covered_until + dt.timedelta(days=1):
                gaps.append((covered_until + dt.timedelta(days=1), start - dt.timedelta(days=1)))
            covered_until = end if covered_until is None else max(covered_until, end)
        return tuple(gaps)

    @property
    def next_renewal(self) -> HistoryEntry | None:
        """The label in force that ends last: renew it (None when no label is in force)."""
        labelled = [
            e
            for e in self.entries
            if e.valid_until is not None and e.standing.status in ("valid", "renewal_window")
        ]
        return max(labelled, key=lambda e: e.valid_until or dt.date.min) if labelled else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready history."""
        upcoming = self.next_renewal
        return {
            "organisation": self.organisation,
            "as_of": self.on.isoformat(),
            "entries": [
                {
                    "file": os.fspath(e.path) if e.path else None,
                    "date": e.date.isoformat(),
                    "criteria": e.criteria,
                    "level": e.level,
                    "status": e.standing.status,
                    "valid_from": _iso(e.valid_from),
                    "valid_until": _iso(e.valid_until),
                    "renewal": e.renewal,
                    "renew_by": _iso(e.renew_by),
                    "share": str(e.share) if e.share is not None else None,
                    "decision": e.decision.status if e.decision else None,
                    "decided": _iso(e.decision.date if e.decision else None),
                    "by": e.decision.by if e.decision else None,
                    "reference": e.decision.reference if e.decision else None,
                    "awarded": _iso(e.decision.awarded if e.decision else None),
                    "approval_needed": e.approval,
                    "superseded_by": {
                        "criteria": e.standing.superseded_by.criteria,
                        "level": e.standing.superseded_by.level,
                        "since": e.standing.superseded_by.since.isoformat(),
                    }
                    if e.standing.superseded_by
                    else None,
                }
                for e in self.entries
            ],
            "labels": [
                {
                    "criteria": row.criteria.id,
                    "status": row.status,
                    "level": row.shown.standing.level,
                    "valid_until": _iso(row.shown.standing.valid_until),
                    "renew_by": _iso(row.shown.standing.renew_by),
                    "next_step": row.shown.standing.next_step.kind
                    if row.shown.standing.next_step
                    else None,
                    "next_by": _iso(row.shown.standing.deadline),
                    "pending_since": _iso(row.pending.date if row.pending else None),
                    "pending_level": row.pending.recommended if row.pending else None,
                    "designations": [
                        {"id": d.id, "valid_until": _iso(d.valid_until)}
                        for d in row.held_designations
                    ],
                }
                for row in self.rows
            ],
            "designations": [
                {
                    "criteria": p.criteria,
                    "designation": p.designation,
                    "level": p.level,
                    "from": p.start.isoformat(),
                    "until": _iso(p.end),
                }
                for p in self.designations
            ],
            "gaps": [{"from": a.isoformat(), "to": b.isoformat()} for a, b in self.gaps],
            "development": self.development.to_dict() if self.development else None,
            "next_renewal": {
                "level": upcoming.level,
                "valid_until": _iso(upcoming.valid_until),
                "renew_by": _iso(upcoming.renew_by),
            }
            if upcoming
            else None,
        }


_NOT_HELD = ("pending", "rejected", "withdrawn", "no_label")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def history_of(
    paths: Sequence[str | os.PathLike[str]],
    organisation: str,
    *,
    country: str | None = None,
    organisation_id: str | None = None,
    library: CriteriaLibrary | None = None,
    on: dt.date | None = None,
) -> History:
    """Every assessment of `organisation` (its name, in any case and white space) found
    under `paths`.

    Organisations of the same name are told apart by `country` and `organisation_id`
    (a NotFoundError asks for them when they are needed).  Each label's standing is on day
    `on`; by default, the day of the latest assessment or decision found (the library
    reads no clock: the command line passes today).
    """
    wanted = name_key(organisation)
    library = library or CriteriaLibrary()  # one library for every day asked about

    def mine(org: Organisation) -> bool:
        return (
            name_key(org.name) == wanted
            and (country is None or org.country == country)
            and (organisation_id is None or org.id == organisation_id)
        )

    judgement, files = judge_files(paths, library=library, select=mine)
    register = register_of(judgement, files, on or dt.date.max, library)
    rows = register.rows
    if not rows:
        names = sorted({name for name, _ in register.names})
        close = difflib.get_close_matches(organisation, names, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        where = f" in {country}" if country is not None else ""
        raise NotFoundError(f"no assessment of {organisation!r}{where}{hint}")
    places = sorted({row.country for row in rows})
    if len(places) > 1:
        raise NotFoundError(
            f"{organisation!r} names organisations in {', '.join(places)}; say which with --country"
        )
    ids = sorted({row.organisation_id or "" for row in rows})
    if len({row.key for row in rows}) > 1:
        raise NotFoundError(
            f"{organisation!r} names several organisations in {places[0]} "
            f"(organisation.id {', '.join(i or 'none' for i in ids)}); say which with --id"
        )
    if on is None:
        latest = max(
            max(
                label.date,
                label.decision.date if label.decision and label.decision.date else label.date,
            )
            for row in rows
            for label in row.labels
        )
        register = register_of(judgement, files, latest, library)
        rows = register.rows
    labels = sorted((label for row in rows for label in row.labels), key=lambda lb: lb.date)
    entries = tuple(_entry(label) for label in labels)
    # Designations over time: the register on every day something changed, up to the day.
    days = sorted({d for j in judgement.judged for d in _turns(j) if d <= register.on})
    periods = designation_periods(
        [(day, register_of(judgement, files, day, library).rows) for day in days]
    )
    figures = development((label.date, label.described) for label in labels if label.described)
    return History(rows[0].organisation, entries, register.on, rows, periods, figures)


def _turns(judged: Judged) -> list[dt.date]:
    """The days an assessment can change a label: its date, its decision, its validity."""
    found = [judged.date]
    if judged.decision is not None and judged.decision.date is not None:
        found.append(judged.decision.date)
    validity = judged.validity
    if validity is not None:
        found += [validity.valid_from, validity.valid_until + dt.timedelta(days=1)]
    for related in judged.related:
        if related.valid_until is not None:
            found.append(related.valid_until + dt.timedelta(days=1))
        if related.awarded is not None:
            found.append(related.awarded)
    return found


def _entry(label: Label) -> HistoryEntry:
    standing = label.standing
    return HistoryEntry(
        path=label.path,
        date=label.date,
        criteria=label.criteria.id,
        level=label.recommended,
        valid_from=standing.valid_from,
        valid_until=standing.valid_until,
        renewal=label.renewal,
        renew_by=standing.renew_by,
        standing=standing,
        share=label.share,
        decision=label.decision,
        approval=label.criteria.needs_approval,
    )
