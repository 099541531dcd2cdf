"""The register: every organisation found, and where each of its labels stands on a day.

Assessment files are read and checked once each, and scored with their previous
assessment scored once (not again for every later file that refers to it), so a
register of thousands of files costs one scoring per file.  Organisations are matched
by `organisation.id` (in its country) when an assessment has one, else by name (any
case and white space) and country; an assessment without an id whose name and country
fit several ids is reported, not merged, and so is an id used in several countries
(each country's organisation keeps its own rows).  A file that cannot be read or scored
is reported and the others go on.  The records are in ``register_model``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from ..loader.library import CriteriaLibrary
from ..models.criteria import Criteria
from ..scoring.standing import Replacement, decision_on, standing
from .designations import with_designations
from .judging import Judged, Judgement, Problem, Select, judge_files
from .register_model import Decided, Label, Register, Row, name_key

__all__ = [
    "Decided",
    "Label",
    "Problem",
    "Register",
    "Row",
    "build_register",
    "name_key",
    "register_of",
]


def _key(label_id: str | None, name: str, country: str) -> str:
    # An id names one organisation in one country: the same id in two countries is two
    # organisations (and reported), never one merged history.
    return f"id:{label_id}|{country}" if label_id else f"name:{name_key(name)}|{country}"


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

    # Organisations: by id (in its country), else by name and country; id-less files
    # join an id only when exactly one id has their name and country.
    named_ids: dict[tuple[str, str], set[str]] = defaultdict(set)
    for item in judged:
        org = item.organisation
        if org.id:
            named_ids[(name_key(org.name), org.country)].add(org.id)
    groups: dict[str, dict[str, list[Judged]]] = defaultdict(lambda: defaultdict(list))
    for item in judged:
        org = item.organisation
        identity = org.id
        if identity is None:
            candidates = named_ids.get((name_key(org.name), org.country), set())
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
        groups[_key(identity, org.name, org.country)][item.criteria].append(item)
    rows = []
    for key, sets in groups.items():
        replacements = _replacements(sets, judgement.criteria, on)
        by_id: dict[str, list[Judged]] = defaultdict(list)
        for content, items in sets.items():
            by_id[judgement.criteria[content].id].extend(items)
        rows += [_row(key, items, judgement.criteria, on, replacements) for items in by_id.values()]
    rows = with_designations(rows, on, library)
    problems += _shared_ids(judged)
    # A total order: the same files give the same register, however workers shared them.
    rows.sort(
        key=lambda r: (
            r.country,
            name_key(r.organisation),
            r.organisation,
            r.organisation_id or "",
            r.criteria.id,
            r.key,
        )
    )
    return Register(
        on,
        tuple(rows),
        tuple(sorted(problems, key=lambda p: (p.file, p.message))),
        tuple(sorted(judgement.names)),
        tuple(files),
        tuple(sorted(judgement.criteria.values(), key=lambda c: (c.id, c.version))),
    )


def _shared_ids(judged: Sequence[Judged]) -> list[Problem]:
    """One problem per organisation.id used in several countries (kept apart, not merged)."""
    countries: dict[str, dict[str, Path]] = defaultdict(dict)
    for item in judged:
        if item.organisation.id:
            countries[item.organisation.id].setdefault(item.organisation.country, item.path)
    return [
        Problem(
            str(min(places.values())),
            f"organisation.id {identity} is used in {', '.join(sorted(places))}: the register "
            "keeps them apart as different organisations; one id should name one organisation",
        )
        for identity, places in sorted(countries.items())
        if len(places) > 1
    ]


def _held_on(item: Judged, criteria: Criteria, on: dt.date) -> bool:
    """Whether the label of ``item`` was held (approved and begun) by day ``on``."""
    decision = decision_on(item.decision, on)
    if decision is not None:
        return decision.status == "approved"
    return not criteria.needs_approval and item.level is not None


def _since(item: Judged, on: dt.date) -> dt.date:
    """The day a held label was held from: its approval, else its assessment."""
    decision = decision_on(item.decision, on)
    if decision is not None and decision.status == "approved" and decision.date is not None:
        return max(decision.date, item.date)
    return item.date


def _replacements(
    sets: dict[str, list[Judged]], criteria_by_key: dict[str, Criteria], on: dt.date
) -> list[tuple[dt.date, str, Replacement]]:
    """The labels of one organisation whose level replaces other sets' labels, held by
    day ``on``: (assessed, the set replaced, the replacement)."""
    found = []
    for content, items in sets.items():
        criteria = criteria_by_key[content]
        for item in items:
            if not _held_on(item, criteria, on):
                continue
            decision = decision_on(item.decision, on)
            level_id = (decision.level if decision is not None else None) or item.level
            level = criteria.level(level_id) if level_id else None
            for replaced in level.replaces if level is not None else ():
                if replaced != criteria.id:
                    found.append(
                        (item.date, replaced, Replacement(criteria.id, level_id, _since(item, on)))
                    )
    return found


def _row(
    key: str,
    items: list[Judged],
    criteria_by_key: dict[str, Criteria],
    on: dt.date,
    replacements: Sequence[tuple[dt.date, str, Replacement]] = (),
) -> Row:
    items.sort(key=lambda j: (j.date, str(j.path)))
    held = [_held_on(item, criteria_by_key[item.criteria], on) for item in items]
    labels = []
    for index, item in enumerate(items):
        org = item.organisation
        criteria = criteria_by_key[item.criteria]
        decision = decision_on(item.decision, on)
        # Replaced by a later held label of this set, else by one of a set whose level
        # replaces this set's labels (assessed after this one).
        later = next(
            (
                Replacement(criteria.id, _level_of(other, on), _since(other, on))
                for other, ok in zip(items[index + 1 :], held[index + 1 :], strict=True)
                if ok
            ),
            None,
        )
        if later is None:
            later = min(
                (
                    r
                    for day, replaced, r in replacements
                    if replaced == criteria.id and day > item.date
                ),
                key=lambda r: r.since,
                default=None,
            )
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


def _level_of(item: Judged, on: dt.date) -> str | None:
    decision = decision_on(item.decision, on)
    return (decision.level if decision is not None else None) or item.level
