"""Which outputs a batch may write, and the manifest that comes of a run.

A batch replaces only files it wrote itself: outputs the manifest lists (of any run
into this folder), outputs it lists as orphaned, and outputs a killed run claimed in
its journal.  Any other file where an output would go — an input of the run, a file of
the user's, the output another input of this run already took — is left as it is, and
that output fails with a message that says why.

After a run, the manifest keeps one entry per output across runs: this run's, and the
earlier runs' whose inputs are still there (another language, another audience).
Outputs whose input is gone are forgotten and listed as orphaned, their files kept.  An
output this run failed to make again keeps its earlier file, marked stale.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline.files import Inputs
from .manifest import Manifest, reserved
from .planning import Item

__all__ = ["Ledger", "Settled"]


@dataclass
class Settled:
    """The manifest a run leaves: entries, orphaned outputs, and what changed about them."""

    entries: list[dict[str, Any]]
    orphaned: list[dict[str, Any]]
    forgotten: list[dict[str, Any]] = field(default_factory=list)
    """Outputs this run found orphaned: their input is gone, or they were renamed."""
    stale: list[Item] = field(default_factory=list)
    """This run's failures whose earlier output was kept."""


class Ledger:
    """The outputs of one output folder: whose they are, and what this run takes."""

    def __init__(self, out_dir: Path, before: Manifest, inputs: Inputs) -> None:
        self.out_dir = out_dir
        self.before = before
        self.ours = before.ours
        self.inputs = inputs
        self.taken: dict[str, str] = {}
        """Keys this run has written, with the input each came from."""
        for entry in before.entries.values():  # earlier runs' sources stay inputs
            self.inputs.add(*(s[0] for s in entry.get("sources") or () if s))

    def refuse(self, item: Item) -> str | None:
        """Why ``item``'s output may not be written where it is named (else it is taken)."""
        self.inputs.add(*(s[0] for s in item.sources))
        key = item.key
        assert key is not None
        problem = reserved(key)
        if problem is not None:
            return problem
        other = self.taken.get(key)
        if other is not None and other != item.input:
            return (
                f"its output {key} is also the output of {other}: give the outputs names "
                "that tell them apart (--name with {stem} or {report_id})"
            )
        if key not in self.ours and key not in self.taken and os.path.lexists(self.out_dir / key):
            return (
                f"{self.out_dir / key} exists and is not an output of a batch into this "
                "folder (the manifest does not list it); it is left as it is: move it away, "
                "or write the batch into another folder"
            )
        self.taken[key] = item.input
        return None

    def settle(self, items: Sequence[Item]) -> Settled:
        """The manifest after this run's ``items`` (see the module)."""
        before = self.before
        mine = {item.id: item for item in items}
        forgotten: list[dict[str, Any]] = []
        stale: list[Item] = []
        for item in items:
            old = before.entries.get(item.id)
            old_key = old.get("key") if old else None
            if old_key is None or not self._exists(old_key):
                continue
            if item.status == "failed" and item.key in (None, old_key):
                item.key, item.output, item.stale = old_key, old.get("output"), True  # type: ignore[union-attr]
                stale.append(item)
            elif (item.key != old_key or item.output is None) and old_key not in self.taken:
                why = (
                    f"made again as {item.key}"
                    if item.output is not None
                    else f"no longer made: {item.note or item.status}"
                )
                forgotten.append(_orphan(old, why))  # type: ignore[arg-type]
        entries = [item.to_dict() for item in items]
        for key, entry in before.entries.items():
            if key in mine:
                continue
            output = entry.get("key")
            if output is not None and output in self.taken:
                continue  # another entry of this run made it again
            if not os.path.exists(str(entry.get("input"))):
                if output is not None and self._exists(output):
                    forgotten.append(_orphan(entry, "its input is gone"))
                continue
            entries.append(entry)
        kept = [
            o
            for o in before.orphaned
            if o.get("key") and o["key"] not in self.taken and self._exists(o["key"])
        ]
        listed = {o["key"] for o in kept}
        orphaned = kept + [o for o in forgotten if o["key"] not in listed]
        return Settled(entries, orphaned, forgotten, stale)

    def _exists(self, key: str) -> bool:
        return os.path.lexists(self.out_dir / key)


def _orphan(entry: dict[str, Any], reason: str) -> dict[str, Any]:
    return {
        "key": entry.get("key"),
        "output": entry.get("output"),
        "input": entry.get("input"),
        "id": entry.get("id"),
        "reason": reason,
    }
