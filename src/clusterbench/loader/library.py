"""Finding criteria sets by id and version, or by file, each read once.

A set may exist in several versions (see ``models.versions``).  The bundled library
holds each set's current version as ``ID.yaml`` and earlier ones as ``ID@VERSION.yaml``;
sets added to a library (the files of a ``validate`` run) come before the bundled ones.
Without a version, a set's *current* version is meant: the one no other known version
supersedes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import NotFoundError
from ..kinds.registry import required_sets
from ..models.answer_types import suggest
from ..models.criteria import Criteria
from .cached import load_bundled_criteria
from .criteria import (
    bundled_criteria,
    bundled_versions,
    criteria_reference,
    find_criteria,
    load_criteria_file,
)

__all__ = ["OUTSIDE", "CriteriaLibrary", "split_reference"]

OUTSIDE = "leads outside the folder files are read from; move the file inside it"
"""Why a file outside a library's ``roots`` is not read (nothing of the file is said)."""


def split_reference(text: str) -> tuple[str, str | None]:
    """``ID@VERSION`` → (id, version); a bare ``ID`` → (id, None)."""
    criteria_id, at, version = text.rpartition("@")
    return (criteria_id, version) if at and criteria_id and version else (text, None)


class CriteriaLibrary:
    """Criteria sets by id and version: those given, then the bundled ones; files by path.

    With ``roots``, files are read only inside those folders (the workbench serves one
    folder): a criteria file elsewhere is refused before it is opened, and so is, by an
    :class:`~clusterbench.loader.chain.AssessmentReader` using this library, any
    previous or related assessment file.  Bundled sets are always found.
    """

    def __init__(
        self, known: Mapping[str, Criteria] | None = None, *, roots: Sequence[Path] | None = None
    ) -> None:
        self.roots = None if roots is None else tuple(Path(os.path.realpath(r)) for r in roots)
        """The folders files may be read from; None: anywhere."""
        self._added: dict[str, dict[str, Criteria]] = {}
        self._bundled: dict[tuple[str, str | None], Criteria] = {}
        self._by_path: dict[Path, Criteria] = {}
        self._sources: dict[int, Path] = {}
        self._texts: dict[int, str] = {}
        for criteria in (known or {}).values():
            self.add(criteria)

    def add(self, criteria: Criteria) -> None:
        """Make a criteria version known (it wins over a bundled one of the same id)."""
        self._added.setdefault(criteria.id, {})[criteria.version] = criteria

    def known_ids(self) -> list[str]:
        """Every id this library can find."""
        return sorted({*self._added, *bundled_criteria()})

    def versions(self, criteria_id: str) -> list[str]:
        """Every version of ``criteria_id`` this library can find (bundled ones named by
        their files, not read)."""
        found = set(self._added.get(criteria_id, {}))
        found.update(v for i, v in bundled_versions() if i == criteria_id)
        if criteria_id in bundled_criteria():
            found.add(self._load_bundled(criteria_id, None).version)
        return sorted(found)

    def get(self, criteria_id: str, version: str | None = None) -> Criteria:
        """The criteria set with this id (``ID@VERSION`` names a version): its current
        version, or the version asked for.  Raises NotFoundError or CriteriaError."""
        if version is None:
            criteria_id, version = split_reference(criteria_id)
        added = self._added.get(criteria_id, {})
        if version is None:
            if added:
                return self._head(added)
        elif version in added:
            return added[version]
        loaded = self._bundled.get((criteria_id, version))
        if loaded is not None:  # asked for every file of a register: no folder listing
            return loaded
        bundled = bundled_criteria()
        if criteria_id not in bundled and not added:
            raise NotFoundError(f"no criteria {criteria_id!r}")
        if version is None:
            return self._load_bundled(criteria_id, None)
        if (criteria_id, version) in bundled_versions():
            return self._load_bundled(criteria_id, version)
        if criteria_id in bundled:
            current = self._load_bundled(criteria_id, None)
            if current.version == version:
                self._bundled[(criteria_id, version)] = current
                return current
        known = self.versions(criteria_id)
        raise NotFoundError(
            f"no version {version!r} of {criteria_id}{suggest(version, known)} "
            f"(known: {', '.join(known)})"
        )

    def _head(self, versions: Mapping[str, Criteria]) -> Criteria:
        """The version no other one supersedes (the last added when several are)."""
        replaced = {c.supersedes.version for c in versions.values() if c.supersedes}
        heads = [c for v, c in versions.items() if v not in replaced]
        return heads[-1] if heads else list(versions.values())[-1]

    def _load_bundled(self, criteria_id: str, version: str | None) -> Criteria:
        key = (criteria_id, version)
        found = self._bundled.get(key)
        if found is None:
            path = (
                bundled_criteria()[criteria_id]
                if version is None
                else bundled_versions()[(criteria_id, version)]
            )
            found, text = load_bundled_criteria(path)
            self._bundled[key] = found
            self._sources[id(found)] = path
            self._texts[id(found)] = text
        return found

    def find(self, reference: str | os.PathLike[str]) -> Criteria:
        """The criteria a reference names: a file, ``ID`` or ``ID@VERSION`` (the rule of
        :func:`~clusterbench.loader.criteria.criteria_reference`).  Raises NotFoundError
        or CriteriaError."""
        found = criteria_reference(reference)
        if isinstance(found, Path):
            return self.file(found)
        try:
            return self.get(found)
        except NotFoundError:
            find_criteria(found)  # says it as load_criteria does: the nearest id, those known
            raise

    def allows(self, path: str | os.PathLike[str]) -> bool:
        """Whether a file at ``path`` may be read: anywhere without ``roots``, else only
        when it (symbolic links followed) lies inside one of them."""
        if self.roots is None:
            return True
        try:
            real = Path(os.path.realpath(path))
        except (OSError, ValueError):  # a NUL in the name
            return False
        return any(real.is_relative_to(root) for root in self.roots)

    def file(self, path: str | os.PathLike[str]) -> Criteria:
        """The criteria set in this file; raises CriteriaError (unreadable or invalid), or
        NotFoundError for a file outside ``roots`` (nothing of it is read)."""
        if not self.allows(path):
            raise NotFoundError(f"{os.fspath(path)} {OUTSIDE}")
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

    def reference(
        self, criteria_id: str, file: str | None, base: Path, version: str | None = None
    ) -> Criteria:
        """Criteria named in an assessment: its `file` relative to ``base``, else its id
        in the version named (the current one when that version is not known)."""
        if file is not None:
            return self.file(base / file)
        if version is not None:
            try:
                return self.get(criteria_id, version)
            except NotFoundError:
                pass  # the loader warns that another version is used (CB308)
        return self.get(criteria_id)

    def lineage(self, older: Criteria, newer: Criteria) -> Sequence[Criteria] | None:
        """The versions from just after ``older`` up to ``newer``, each superseding the one
        before; None when ``newer`` does not descend from ``older`` (or a version between
        them cannot be found)."""
        if older.id != newer.id:
            return None
        steps: list[Criteria] = []
        current = newer
        seen = {newer.version}
        while current.version != older.version:
            steps.append(current)
            replaced = current.supersedes
            if replaced is None or replaced.version in seen:
                return None
            seen.add(replaced.version)
            if replaced.version == older.version:
                break
            try:
                current = self.get(newer.id, replaced.version)
            except NotFoundError:
                return None
        return tuple(reversed(steps))

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
