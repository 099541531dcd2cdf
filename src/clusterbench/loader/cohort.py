"""Checking cohort files (JSON): header, schema and the order of their statistics.

A cohort file is read by the one reader and parsed as YAML (JSON is YAML), so that it
gets the same limits (size, depth, values, numeric domain) and every Issue its line and
column.  `validate` runs the same checks `--cohort` relies on.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import ValidationError

from ..errors import Issue, PathPart
from ..models.cohort import Cohort, Stats
from .diagnostics import schema_issues, with_reader_issues
from .kinds import check_header
from .limits import check_limits
from .source import Document

__all__ = ["FORMAT", "check_cohort_document"]

FORMAT = 1
"""The cohort format this clusterbench reads."""


def check_cohort_document(doc: Document) -> tuple[Cohort | None, tuple[Issue, ...]]:
    """The cohort in ``doc`` (None if it has errors) and every Issue found."""
    header = check_header(doc, "cohort", FORMAT)
    if header is not None:
        return None, (*doc.issues, header)
    check_limits(doc, Cohort, "cohort")
    try:
        cohort = Cohort.model_validate(doc.data)
    except ValidationError as exc:
        return None, tuple(with_reader_issues(doc, schema_issues(exc, doc, Cohort)))
    issues = (*doc.issues, *_order(cohort, doc))
    return (None if any(i.is_error for i in issues) else cohort), issues


def _order(cohort: Cohort, doc: Document) -> Iterator[Issue]:
    """Statistics that contradict themselves (a hand-edited or damaged file)."""
    for criteria_id, section in cohort.criteria.items():
        for name, group in section.groups.items():
            base: tuple[PathPart, ...] = ("criteria", criteria_id, "groups", name)
            stats: list[tuple[tuple[PathPart, ...], Stats | None]] = [
                ((*base, "score"), group.score),
                *(((*base, "categories", key), s) for key, s in group.categories.items()),
            ]
            for key, indicator in group.indicators.items():
                where = (*base, "indicators", key)
                stats += [
                    ((*where, "points"), indicator.points),
                    ((*where, "values"), indicator.values),
                ]
                share = indicator.met_share
                if share is not None and not 0 <= share <= 1:
                    yield doc.issue((*where, "met_share"), "CB104", "must be a share from 0 to 1")
            for path, found in stats:
                if found is not None:
                    yield from _stats(found, path, doc)


def _stats(stats: Stats, path: tuple[PathPart, ...], doc: Document) -> Iterator[Issue]:
    if len(stats.deciles) not in (0, 9):
        yield doc.issue((*path, "deciles"), "CB109", "must hold nine values (10th to 90th) or none")
    ordered = [stats.q1, stats.median, stats.q3]
    if ordered != sorted(ordered):
        yield doc.issue(path, "CB109", "q1, median and q3 must not decrease")
    if list(stats.deciles) != sorted(stats.deciles):
        yield doc.issue((*path, "deciles"), "CB109", "the deciles must not decrease")
