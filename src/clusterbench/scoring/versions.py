"""How indicators carry over between versions of one criteria set.

An assessment made with an earlier version is compared with a later one through the
later versions' indicator maps (``models.versions.Supersedes``): an indicator is
compared with its counterpart only, and every indicator without one is named.  Two
versions no supersession links have no counterparts at all: nothing is compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models.criteria import Criteria
from ..models.versions import IndicatorMap

__all__ = ["IndicatorMap", "carry_over", "indicator_map"]


def carry_over(old_ids: Sequence[str], steps: Sequence[Criteria], since: str) -> IndicatorMap:
    """Follow earlier ids through ``steps`` (each version superseding the one before,
    the first superseding version ``since``) to the last version's ids."""
    if not steps:
        return IndicatorMap(since, {i: i for i in old_ids})
    current = {old: old for old in old_ids}
    folded: dict[str, str] = {}
    recheck: set[str] = set()
    for step in steps:
        replaced = step.supersedes
        ids = {i.id for i in step.indicators}
        following: dict[str, str] = {}
        for old, at in current.items():
            new = replaced.target(at) if replaced is not None else at
            if new is not None and new in ids:
                following[old] = new
            elif replaced is not None and at in replaced.folded:
                folded[old] = replaced.folded[at]
        # What was folded or re-asked earlier goes on under its later id.
        moved = {
            old: replaced.target(new) if replaced is not None else new
            for old, new in folded.items()
        }
        folded = {old: new for old, new in moved.items() if new is not None and new in ids}
        asked = {replaced.target(i) if replaced is not None else i for i in recheck}
        recheck = {i for i in asked if i is not None and i in ids}
        recheck |= set(replaced.rechecked()) if replaced is not None else set()
        current = following
    reached = set(current.values())
    return IndicatorMap(
        since,
        current,
        dropped=tuple(old for old in old_ids if old not in current),
        added=tuple(i.id for i in steps[-1].indicators if i.id not in reached),
        folded={old: new for old, new in folded.items() if old in old_ids},
        recheck=tuple(i.id for i in steps[-1].indicators if i.id in recheck and i.id in reached),
    )


def indicator_map(
    criteria: Criteria,
    since: str,
    old_ids: Sequence[str],
    steps: Sequence[Criteria] | None = None,
) -> IndicatorMap:
    """The map from version ``since`` of ``criteria``'s set to ``criteria``.

    ``steps`` are the versions after ``since`` up to ``criteria`` (as the library finds
    them); without them only a direct supersession is followed.  Unlinked versions pair
    nothing.
    """
    if since == criteria.version:
        return carry_over(old_ids, (), since)
    if steps is None and criteria.supersedes is not None and criteria.supersedes.version == since:
        steps = (criteria,)
    if not steps or (steps[-1].id, steps[-1].version) != (criteria.id, criteria.version):
        return IndicatorMap(
            since,
            {},
            dropped=tuple(old_ids),
            added=tuple(i.id for i in criteria.indicators),
            declared=False,
        )
    return carry_over(old_ids, steps, since)
