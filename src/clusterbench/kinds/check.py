"""What a requirement kind checks in a criteria file, as located findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import PathPart
from ..models.criteria import Criteria

__all__ = ["CheckContext", "Finding"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, at a key path relative to the requirement (the loader locates it)."""

    path: tuple[PathPart, ...]
    code: str
    message: str
    warning: bool = False


@dataclass(frozen=True, slots=True)
class CheckContext:
    """The criteria file a requirement is checked in, and which level states it.

    ``known`` maps the criteria sets available (bundled, or in the same run) to their
    models, or to None when a file could not be read; without it, references to other
    sets are not checked.
    """

    criteria: Criteria
    level_index: int
    known: Mapping[str, Criteria | None] | None = None

    @property
    def level_ids(self) -> list[str]:
        """The file's level ids, lowest first."""
        return [lv.id for lv in self.criteria.levels]
