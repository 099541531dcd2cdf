"""The folder page's rows: each assessment file with what its Result says, for people.

Figures come from the Result and are only written here, in the page's language: the
score as the reports write a share (``95.0%``, ``95,0 %``), dates as ISO dates (they
sort, and read the same in every language).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..report.i18n import Formatter
from .workspace import Entry, Workspace

__all__ = ["Row", "rows"]


@dataclass(frozen=True, slots=True)
class Row:
    """One file as the folder page lists it."""

    name: str
    scored: bool
    organisation: str = ""
    country: str = ""
    criteria: str = ""
    version: str = ""
    date: str = ""
    level: str = ""
    score: str = ""
    valid_until: str = ""
    warnings: int = 0
    problems: tuple[str, ...] = ()


def rows(entries: Sequence[Entry], workspace: Workspace, language: str) -> list[Row]:
    """The rows of ``entries``, in ``language``; problems name files relative to the folder."""
    fmt = Formatter(language)
    prefix = str(workspace.folder) + os.sep
    found = []
    for entry in entries:
        if entry.scored is None:
            problems = tuple(p.replace(prefix, "") for p in entry.problems)
            found.append(Row(entry.name, False, problems=problems))
            continue
        result = entry.scored.result
        level = entry.scored.criteria.level(result.level) if result.level else None
        exact = result.score.share_exact
        found.append(
            Row(
                entry.name,
                True,
                organisation=result.organisation.name,
                country=result.organisation.country,
                criteria=result.criteria.id,
                version=result.criteria.version,
                date=result.assessment.date.isoformat(),
                level=level.title.in_language(language) if level else "–",
                score=fmt.share(exact.fraction) if exact is not None else "",
                valid_until=result.validity.valid_until.isoformat() if result.validity else "–",
                warnings=len(entry.warnings),
            )
        )
    return found
