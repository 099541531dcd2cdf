"""Requirements that name another criteria set: that set and its level must exist."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import Issue, PathPart, Severity
from ..kinds.check import CheckContext
from ..kinds.registry import requirement_kind
from ..models.criteria import Criteria
from .document import Document

__all__ = ["check_dependencies"]

Path = tuple[PathPart, ...]


def check_dependencies(
    criteria: Criteria, doc: Document, known: Mapping[str, Criteria | None]
) -> list[Issue]:
    """CB222/CB213 for requirements naming a criteria set or level that does not exist.

    ``known`` maps every criteria id available (bundled, or in the same run) to its model,
    or to None when that file could not be read.
    """
    issues: list[Issue] = []
    for index, level in enumerate(criteria.levels):
        context = CheckContext(criteria, index, known)
        for n, req in enumerate(level.requires):
            for found in requirement_kind(req).check_related(req, context):
                path: Path = ("levels", index, "requires", n, *found.path)
                severity = Severity.WARNING if found.warning else Severity.ERROR
                issues.append(doc.issue(path, found.code, found.message, severity=severity))
    return issues
