"""What changed between two criteria sets, usually two versions of one: structure only.

Indicators are paired through the indicator maps when the newer version descends from
the older one (``versions``), else by id (and the diff says so).  Every difference is a
:class:`FieldChange` holding the two values as the criteria state them (rules, texts,
answer types); the command line puts them into words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..models.common import Text
from ..models.criteria import Category, Criteria, Designation, Indicator, Level
from ..models.requirements import Requirement
from ..models.versions import IndicatorMap
from .versions import indicator_map

__all__ = [
    "CriteriaDiff",
    "FieldChange",
    "IndicatorDiff",
    "PartDiff",
    "diff_criteria",
]

_INDICATOR_FIELDS = (
    "title",
    "category",
    "answer",
    "points",
    "pass_",
    "partial",
    "bands",
    "minimum_requirement",
    "allow_not_applicable",
    "applies_if",
    "peer_bands",
    "question",
    "evidence",
    "guidance",
    "recommendation",
)
"""Compared in this order: what changes a result first, then the wording."""
_HEADER_FIELDS = ("title", "in_force", "max_points", "languages", "awarding", "provenance")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs, with its value before and after (None: not stated)."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class IndicatorDiff:
    """One indicator: added, removed, renamed (a new id), changed or unchanged."""

    old: Indicator | None
    new: Indicator | None
    changes: tuple[FieldChange, ...] = ()

    @property
    def kind(self) -> Literal["added", "removed", "renamed", "changed", "unchanged"]:
        """What happened to it."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        if self.old.id != self.new.id:
            return "renamed"
        return "changed" if self.changes else "unchanged"


@dataclass(frozen=True, slots=True)
class PartDiff:
    """A category, level or designation: added, removed or changed, with its
    requirements added and removed (levels and designations)."""

    id: str
    old: Category | Level | Designation | None
    new: Category | Level | Designation | None
    changes: tuple[FieldChange, ...] = ()
    added: tuple[Requirement, ...] = ()
    removed: tuple[Requirement, ...] = ()

    @property
    def kind(self) -> Literal["added", "removed", "changed", "unchanged"]:
        """What happened to it."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed" if self.changes or self.added or self.removed else "unchanged"


@dataclass(frozen=True, slots=True)
class CriteriaDiff:
    """Two criteria sets side by side."""

    old: Criteria
    new: Criteria
    carried: IndicatorMap
    paired_by_id: bool
    """True when no supersession links the two: indicators are paired by their ids."""
    header: tuple[FieldChange, ...]
    categories: tuple[PartDiff, ...]
    indicators: tuple[IndicatorDiff, ...]
    levels: tuple[PartDiff, ...]
    designations: tuple[PartDiff, ...]

    def count(self, kind: str) -> int:
        """How many indicators were ``kind`` (added, removed, renamed, changed, unchanged)."""
        return sum(1 for d in self.indicators if d.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready diff (values as the criteria files write them)."""

        def changes(found: Sequence[FieldChange]) -> list[dict[str, Any]]:
            return [
                {"field": _name(c.field), "before": _data(c.before), "after": _data(c.after)}
                for c in found
            ]

        def part(found: PartDiff) -> dict[str, Any]:
            return {
                "id": found.id,
                "kind": found.kind,
                "changes": changes(found.changes),
                "requirements_added": [_data(r) for r in found.added],
                "requirements_removed": [_data(r) for r in found.removed],
            }

        return {
            "old": {"id": self.old.id, "version": self.old.version},
            "new": {"id": self.new.id, "version": self.new.version},
            "paired_by_id": self.paired_by_id,
            "supersedes": self._supersedes(),
            "header": changes(self.header),
            "categories": [part(p) for p in self.categories if p.kind != "unchanged"],
            "indicators": [
                {
                    "old": d.old.id if d.old else None,
                    "new": d.new.id if d.new else None,
                    "kind": d.kind,
                    "changes": changes(d.changes),
                }
                for d in self.indicators
                if d.kind != "unchanged"
            ],
            "levels": [part(p) for p in self.levels],
            "designations": [part(p) for p in self.designations],
            "counts": {
                kind: self.count(kind)
                for kind in ("added", "removed", "renamed", "changed", "unchanged")
            },
        }

    def _supersedes(self) -> dict[str, Any] | None:
        """What the newer version says it replaces: the note, folds and re-checks."""
        replaced = self.new.supersedes
        if self.paired_by_id or replaced is None or self.new.version == self.old.version:
            return None
        return {
            "version": replaced.version,
            "note": _data(replaced.note),
            "renamed": {old: new for new, old in self.carried.renamed.items()},
            "folded": dict(self.carried.folded),
            "recheck": list(self.carried.recheck),
        }


def diff_criteria(
    old: Criteria, new: Criteria, versions: Sequence[Criteria] | None = None
) -> CriteriaDiff:
    """Every difference from ``old`` to ``new``; ``versions`` are the versions after
    ``old`` up to ``new`` when ``new`` descends from it (as the library finds them)."""
    old_ids = [i.id for i in old.indicators]
    linked = old.id == new.id and (
        versions is not None
        or old.version == new.version
        or (new.supersedes is not None and new.supersedes.version == old.version)
    )
    if linked:
        carried = indicator_map(new, old.version, old_ids, versions)
    else:
        common = {i.id for i in new.indicators} & set(old_ids)
        carried = IndicatorMap(
            old.version,
            {i: i for i in old_ids if i in common},
            dropped=tuple(i for i in old_ids if i not in common),
            added=tuple(i.id for i in new.indicators if i.id not in common),
            declared=False,
        )
    earlier = {new_id: old_id for old_id, new_id in carried.pairs.items()}
    indicators: list[IndicatorDiff] = []
    for indicator in new.indicators:
        before = old.indicator(earlier[indicator.id]) if indicator.id in earlier else None
        found = _fields(before, indicator, _INDICATOR_FIELDS) if before is not None else ()
        indicators.append(IndicatorDiff(before, indicator, found))
    indicators += [
        IndicatorDiff(old.indicator(i), None) for i in carried.dropped if old.indicator(i)
    ]
    return CriteriaDiff(
        old=old,
        new=new,
        carried=carried,
        paired_by_id=not linked,
        header=_fields(old, new, _HEADER_FIELDS),
        categories=_parts(old.categories, new.categories, ("title", "description", "floor")),
        indicators=tuple(indicators),
        levels=_deep(
            _parts(old.levels, new.levels, ("title", "description", "validity")), old, new
        ),
        designations=_parts(old.designations, new.designations, ("title", "levels")),
    )


def _fields(old: BaseModel, new: BaseModel, names: Sequence[str]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in names
        if getattr(old, name) != getattr(new, name)
    )


def _parts(
    old: Sequence[Category | Level | Designation],
    new: Sequence[Category | Level | Designation],
    names: Sequence[str],
) -> tuple[PartDiff, ...]:
    before = {p.id: p for p in old}
    after = {p.id: p for p in new}
    out = []
    for key in [*after, *(k for k in before if k not in after)]:
        a, b = before.get(key), after.get(key)
        if a is None or b is None:
            out.append(PartDiff(key, a, b))
            continue
        added: tuple[Requirement, ...] = ()
        removed: tuple[Requirement, ...] = ()
        if isinstance(a, Level | Designation) and isinstance(b, Level | Designation):
            then = [_stated(r) for r in a.requires]
            now = [_stated(r) for r in b.requires]
            added = tuple(r for r, s in zip(b.requires, now, strict=True) if s not in then)
            removed = tuple(r for r, s in zip(a.requires, then, strict=True) if s not in now)
        out.append(PartDiff(key, a, b, _fields(a, b, names), added, removed))
    return tuple(out)


def _deep(levels: tuple[PartDiff, ...], old: Criteria, new: Criteria) -> tuple[PartDiff, ...]:
    """Levels compared by what their requirements decide, not only by how they read.

    A requirement written alike can ask more: `minimums` (every minimum requirement) asks
    for the indicators that are minimum requirements in each version, and `level` (all
    that a lower level requires) for whatever that level now requires.  Each such change
    is a FieldChange: `minimums` (the ids before and after) and `level` (the lower
    level, which changed)."""
    out: list[PartDiff] = []
    changed: set[str] = set()
    for part in levels:  # lowest first: a lower level's change is known when it is named
        a, b = part.old, part.new
        extra: list[FieldChange] = []
        if isinstance(a, Level) and isinstance(b, Level):
            kept = [r for r in b.requires if _stated(r) in [_stated(x) for x in a.requires]]
            for req in kept:
                if req.kind == "minimums" and req.indicators is None:
                    then = tuple(i.id for i in old.indicators if i.minimum_requirement)
                    now = tuple(i.id for i in new.indicators if i.minimum_requirement)
                    if then != now:
                        extra.append(FieldChange("minimums", then, now))
                elif req.kind == "level" and req.level in changed:
                    extra.append(FieldChange("level", req.level, req.level))
        found = PartDiff(part.id, a, b, (*extra, *part.changes), part.added, part.removed)
        if found.kind != "unchanged":
            changed.add(part.id)
        out.append(found)
    return tuple(out)


def _stated(req: Requirement) -> Any:
    """A requirement as it decides, without its explanatory note."""
    return req.model_dump(mode="json", exclude={"note"})


def _name(field: str) -> str:
    return "pass" if field == "pass_" else field


def _data(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    if isinstance(value, tuple):
        return [_data(v) for v in value]
    if isinstance(value, dict):
        return {k: _data(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Text):
        return value.to_data()
    return str(value)
