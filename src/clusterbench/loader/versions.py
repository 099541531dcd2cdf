"""Checks of criteria versions: the indicator map, supersession chains, duplicate
versions, designations, and assessments made while a version was not in force.

What a file says about itself (the map's new ids, its designations) is checked with
the file (:func:`check_versioning`); what needs the version it supersedes, or the other
files of a run, is checked by ``validate`` (:func:`check_lineage`,
:func:`check_run_versions`).  Every finding is located.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import ClusterbenchError, Issue, PathPart, Severity
from ..kinds.check import CheckContext
from ..kinds.registry import requirement_kind
from ..models.answer_types import suggest
from ..models.criteria import Criteria
from .source import Document

if TYPE_CHECKING:  # the library reads criteria files, whose loader uses these checks
    from .library import CriteriaLibrary

__all__ = [
    "check_designations_related",
    "check_lineage",
    "check_run_versions",
    "check_versioning",
    "in_force",
]

Path = tuple[PathPart, ...]
_WARNING = Severity.WARNING


def check_versioning(criteria: Criteria, doc: Document) -> list[Issue]:
    """What a criteria file's `supersedes` and `designations` need within the file."""
    return [*_map_targets(criteria, doc), *_designations(criteria, doc)]


def _map_targets(criteria: Criteria, doc: Document) -> Iterator[Issue]:
    replaced = criteria.supersedes
    if replaced is None:
        return
    ids = [i.id for i in criteria.indicators]
    if replaced.version == criteria.version:
        yield doc.issue(
            ("supersedes", "version"),
            "CB225",
            f"version {criteria.version} cannot supersede itself",
        )
    targets = Counter(new for new in replaced.indicators.values() if new is not None)
    for old, new in replaced.indicators.items():
        where: Path = ("supersedes", "indicators", old)
        if new is None:
            continue
        if new not in ids:
            yield doc.issue(
                where,
                "CB223",
                f"{old} maps to {new!r}, which this version does not have{suggest(new, ids)}",
            )
        elif targets[new] > 1:
            others = sorted(o for o, n in replaced.indicators.items() if n == new and o != old)
            yield doc.issue(
                where,
                "CB223",
                f"{old} and {', '.join(others)} both map to {new}: a map is one to one (an "
                "indicator merged from two is new, and the old ones are dropped)",
            )
        if new in replaced.new:
            yield doc.issue(
                ("supersedes", "new", replaced.new.index(new)),
                "CB223",
                f"{new} is listed as new, but {old} maps to it",
            )
    for index, new in enumerate(replaced.new):
        if new not in ids:
            yield doc.issue(
                ("supersedes", "new", index),
                "CB223",
                f"unknown indicator {new!r}{suggest(new, ids)}",
            )
    for old, into in replaced.folded.items():
        if replaced.indicators.get(old, old) is not None:
            yield doc.issue(
                ("supersedes", "folded", old),
                "CB223",
                f"{old} is folded into {into}, so it is dropped: map {old} to null under "
                "`supersedes.indicators`",
            )
        if into not in ids:
            yield doc.issue(
                ("supersedes", "folded", old),
                "CB223",
                f"{old} is folded into {into!r}, which this version does not have"
                f"{suggest(into, ids)}",
            )
    for index, again in enumerate(replaced.recheck):
        if again not in ids or again in replaced.new:
            yield doc.issue(
                ("supersedes", "recheck", index),
                "CB223",
                f"{again!r} is not an indicator carried over to this version: list in "
                "`recheck` only indicators an earlier answer carries over to",
            )


def _designations(criteria: Criteria, doc: Document) -> Iterator[Issue]:
    levels = [lv.id for lv in criteria.levels]
    seen: dict[str, int] = {}
    # A designation may build on any level: it is checked as if stated above them all.
    context = CheckContext(criteria, len(levels))
    for index, designation in enumerate(criteria.designations):
        base: Path = ("designations", index)
        if designation.id in seen or designation.id in levels:
            yield doc.issue(
                (*base, "id"),
                "CB201",
                f"duplicate id {designation.id!r}: designations and levels need ids of their own",
            )
        seen.setdefault(designation.id, index)
        for n, level in enumerate(designation.levels):
            if level not in levels:
                yield doc.issue(
                    (*base, "levels", n),
                    "CB213",
                    f"unknown level {level!r}{suggest(level, levels)}",
                )
        for n, req in enumerate(designation.requires):
            for found in requirement_kind(req).check(req, context):
                yield doc.issue(
                    (*base, "requires", n, *found.path),
                    found.code,
                    found.message,
                    severity=_WARNING if found.warning else Severity.ERROR,
                )


def check_designations_related(
    criteria: Criteria, doc: Document, known: Mapping[str, Criteria | None]
) -> list[Issue]:
    """CB222/CB213 for designation requirements naming sets or levels that do not exist."""
    issues: list[Issue] = []
    context = CheckContext(criteria, len(criteria.levels), known)
    for index, designation in enumerate(criteria.designations):
        for n, req in enumerate(designation.requires):
            for found in requirement_kind(req).check_related(req, context):
                issues.append(
                    doc.issue(
                        ("designations", index, "requires", n, *found.path),
                        found.code,
                        found.message,
                        severity=_WARNING if found.warning else Severity.ERROR,
                    )
                )
    return issues


def check_lineage(criteria: Criteria, doc: Document, library: CriteriaLibrary) -> list[Issue]:
    """The indicator map against the version it supersedes: every old indicator kept,
    mapped or dropped; every new one kept, mapped or listed as new."""
    replaced = criteria.supersedes
    if replaced is None or replaced.version == criteria.version:
        return []
    try:
        older = library.get(criteria.id, replaced.version)
    except ClusterbenchError:
        return [
            doc.issue(
                ("supersedes", "version"),
                "CB224",
                f"version {replaced.version} of {criteria.id} is not found, so the indicator "
                "map cannot be checked against it; validate the two files together",
                severity=_WARNING,
            )
        ]
    old_ids = [i.id for i in older.indicators]
    new_ids = [i.id for i in criteria.indicators]
    issues = [
        doc.issue(
            ("supersedes", "indicators", old),
            "CB223",
            f"version {older.version} has no indicator {old!r}{suggest(old, old_ids)}",
            at_key=True,
        )
        for old in replaced.indicators
        if old not in old_ids
    ]
    reached: dict[str, list[str]] = {}
    lost = []
    for old in old_ids:
        new = replaced.target(old)
        if new is None:
            continue
        if new not in new_ids:
            if old not in replaced.indicators:  # a map to a missing id is reported with the file
                lost.append(old)
            continue
        reached.setdefault(new, []).append(old)
    if lost:
        issues.append(
            doc.issue(
                ("supersedes", "indicators"),
                "CB223",
                f"{', '.join(lost)} of version {older.version} "
                f"{'is' if len(lost) == 1 else 'are'} not in this version: map each to its new "
                "id, or to null when it was dropped",
            )
        )
    for new, olds in reached.items():
        # Two explicit entries to one id are reported with the file; here an id kept as
        # it is and mapped to as well.
        if len(olds) > 1 and any(old not in replaced.indicators for old in olds):
            mapped = next(old for old in olds if old in replaced.indicators)
            issues.append(
                doc.issue(
                    ("supersedes", "indicators", mapped),
                    "CB223",
                    f"{' and '.join(olds)} of version {older.version} both become {new}: a map "
                    "is one to one (map the others to null)",
                )
            )
    for index, new in enumerate(new_ids):
        if new in reached and new in replaced.new:
            issues.append(
                doc.issue(
                    ("supersedes", "new", replaced.new.index(new)),
                    "CB223",
                    f"{new} is in both versions and listed as new: map the old {new} to null "
                    "when the two must not be compared",
                )
            )
        elif new not in reached and new not in replaced.new:
            issues.append(
                doc.issue(
                    ("indicators", index, "id"),
                    "CB223",
                    f"{new} is not in version {older.version}: list it under `supersedes.new`, "
                    "or map the old indicator it replaces to it",
                )
            )
    return issues


def check_run_versions(
    checked: Sequence[tuple[Criteria, Document]], library: CriteriaLibrary
) -> dict[str, list[Issue]]:
    """Between the criteria files of one run: two files claiming one id and version, and
    supersessions that lead back to where they started.  Issues by file."""
    found: dict[str, list[Issue]] = {}
    first: dict[tuple[str, str], Document] = {}
    for criteria, doc in checked:
        key = (criteria.id, criteria.version)
        if key in first:
            other = first[key]
            line = other.mark(("version",)).line
            found.setdefault(doc.file, []).append(
                doc.issue(
                    ("version",),
                    "CB226",
                    f"{criteria.id} version {criteria.version} is also defined in "
                    f"{other.file}:{line}; give each version one file",
                )
            )
        else:
            first[key] = doc
    for criteria, doc in checked:
        loop = _cycle(criteria, library)
        if loop:
            found.setdefault(doc.file, []).append(
                doc.issue(
                    ("supersedes", "version"),
                    "CB225",
                    f"versions supersede each other in a circle: {' → '.join(loop)}",
                )
            )
    return found


def _cycle(criteria: Criteria, library: CriteriaLibrary) -> list[str]:
    """The versions of a supersession loop through ``criteria``, or []."""
    chain = [criteria.version]
    current = criteria
    while current.supersedes is not None and current.supersedes.version != current.version:
        following = current.supersedes.version
        if following == criteria.version:
            return [*chain, following]
        if following in chain:
            return []  # a loop further down: reported from one of its own files
        try:
            current = library.get(criteria.id, following)
        except ClusterbenchError:
            return []
        chain.append(following)
    return []


def in_force(
    criteria: Criteria, day: dt.date, doc: Document, library: CriteriaLibrary
) -> list[Issue]:
    """A warning when an assessment is dated outside the days its criteria version is in
    force, naming the version that was (when the library knows one)."""
    period = criteria.in_force
    if period is None or period.covers(day):
        return []
    fitting = []
    for version in library.versions(criteria.id):
        try:
            other = library.get(criteria.id, version)
        except ClusterbenchError:
            continue
        if other.in_force is not None and other.in_force.covers(day):
            fitting.append(version)
    span = " to ".join(
        part
        for part in (
            f"from {period.from_.isoformat()}" if period.from_ else None,
            f"until {period.until.isoformat()}" if period.until else None,
        )
        if part
    )
    hint = (
        f"; score it with version {' or '.join(fitting)}, in force then"
        if fitting
        else "; no known version was in force then"
    )
    return [
        doc.issue(
            ("criteria", "version"),
            "CB316",
            f"{criteria.id} {criteria.version} is in force {span}, but the assessment is dated "
            f"{day.isoformat()}{hint}",
            severity=_WARNING,
        )
    ]
