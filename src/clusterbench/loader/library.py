"""Finding criteria sets by id or file, each read once."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..errors import NotFoundError
from ..kinds.registry import required_sets
from ..models.criteria import Criteria
from .criteria import bundled_criteria, load_criteria_file

__all__ = ["CriteriaLibrary"]


class CriteriaLibrary:
    """Criteria sets by id: those given, then the bundled ones; files by path. Cached."""

    def __init__(self, known: Mapping[str, Criteria] | None = None) -> None:
        self._by_id: dict[str, Criteria] = dict(known or {})
        self._by_path: dict[Path, Criteria] = {}
        self._sources: dict[int, Path] = {}
        self._texts: dict[int, str] = {}

    def add(self, criteria: Criteria) -> None:
        """Make a criteria set known by its id (it wins over a bundled one)."""
        self._by_id[criteria.id] = criteria

    def known_ids(self) -> list[str]:
        """Every id this library can find."""
        return sorted({*self._by_id, *bundled_criteria()})

    def get(self, criteria_id: str) -> Criteria:
        """The criteria set with this id; raises NotFoundError or CriteriaError."""
        found = self._by_id.get(criteria_id)
        if found is None:
            bundled = bundled_criteria()
            if criteria_id not in bundled:
                raise NotFoundError(f"no criteria {criteria_id!r}")
            found, text = load_criteria_file(bundled[criteria_id])
            self._by_id[criteria_id] = found
            self._sources[id(found)] = bundled[criteria_id]
            self._texts[id(found)] = text
        return found

    def file(self, path: str | os.PathLike[str]) -> Criteria:
        """The criteria set in this file; raises CriteriaError (unreadable or invalid)."""
        key = Path(os.path.realpath(path))  # never raises, not even on a symbolic link loop
        found = self._by_path.get(key)
        if found is None:
            found, text = load_criteria_file(path)
            self._by_path[key] = found
            self._sources[id(found)] = key
            self._texts[id(found)] = text
        return found

    def source(self, criteria: Criteria) -> Path | None:
        """The file a criteria set was read from, when this library read it."""
        return self._sources.get(id(criteria))

    def text(self, criteria: Criteria) -> str | None:
        """The text a criteria set was read from, when this library read it."""
        return self._texts.get(id(criteria))

    def reference(self, criteria_id: str, file: str | None, base: Path) -> Criteria:
        """Criteria named in an assessment: its `file` relative to ``base``, else its id."""
        if file is not None:
            return self.file(base / file)
        return self.get(criteria_id)

    def dependencies(self, criteria: Criteria) -> dict[str, Criteria]:
        """Every criteria set ``criteria`` requires (directly or not) that can be found."""
        found: dict[str, Criteria] = {}
        pending = [criteria]
        while pending:
            current = pending.pop()
            for criteria_id in required_sets(current):
                if criteria_id not in found:
                    try:
                        found[criteria_id] = self.get(criteria_id)
                    except NotFoundError:
                        continue
                    pending.append(found[criteria_id])
        return found
