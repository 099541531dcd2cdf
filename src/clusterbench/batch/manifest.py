"""The batch's record of its outputs: `manifest.json`, and the journal kept while it runs.

The manifest keeps one entry per output across runs (an output is named by its input,
kind, format, language and audience: see :class:`~clusterbench.batch.planning.Item`),
each with the options it was made with, so that runs in several languages and for
several audiences into one folder keep every output listed.  An output whose input is
gone is forgotten and listed under `orphaned`; its file is kept (the batch removes
nothing: the report may be the only record left of a deleted assessment), until it is
removed by hand, when the next run drops it from the list.

The outputs the manifest lists, and those the journal claimed, are the batch's own:
only these does a batch ever replace.  While a batch runs, each group of outputs is
claimed in the journal before they are renamed into place and recorded after (one line
each, O(1) per file), and the journal is compacted into `manifest.json` at the end or
when the batch is interrupted; a journal left by a killed run is folded in by the next.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import InputError, OutputError
from ..loader.reader import read_bytes
from ..pipeline.files import check_output, new_file_mode, write_atomically
from .planning import Item

__all__ = [
    "JOURNAL",
    "MANIFEST",
    "RESERVED",
    "Journal",
    "Manifest",
    "read_manifest",
    "reserved",
    "write_manifest",
]

MANIFEST = "manifest.json"
JOURNAL = ".manifest.journal"
"""Where finished items are appended while a batch runs (removed when it ends)."""
RESERVED = (MANIFEST, JOURNAL)
"""Names in the output folder no output may take."""
MAX_MANIFEST = 512 * 1024 * 1024
"""Largest manifest read back (our own file; about 800 bytes an item)."""


def reserved(key: str) -> str | None:
    """Why no output may be called ``key`` (its path inside the output folder), or None."""
    if key not in RESERVED:
        return None
    return (
        f"the output would be {key}, the batch's own record of its outputs; rename the "
        "input, or give the outputs other names with --name"
    )


@dataclass
class Manifest:
    """What earlier runs left: entries by id, orphaned outputs, and every output that is ours."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    orphaned: list[dict[str, Any]] = field(default_factory=list)
    claimed: set[str] = field(default_factory=set)
    """Keys (paths inside the output folder) a killed run was writing."""

    @property
    def ours(self) -> set[str]:
        """The keys of every output a batch wrote into this folder (it may replace them)."""
        keys = {str(e["key"]) for e in self.entries.values() if e.get("key") and e.get("output")}
        keys |= {str(o["key"]) for o in self.orphaned if o.get("key")}
        return keys | self.claimed


def read_manifest(out_dir: Path) -> Manifest:
    """The record of earlier runs: their manifest, then the journal of a killed run.

    A manifest of clusterbench's first format (one run's outputs, named by output) is
    read as outputs of this folder whose inputs are to be made again.
    """
    found = Manifest()
    try:
        data = json.loads(read_bytes(out_dir / MANIFEST, limit=MAX_MANIFEST))
        if data.get("format") == 1:
            found.orphaned = [_earlier(e) for e in (*data["items"], *data.get("skipped", ()))]
        else:
            found.entries = {e["id"]: e for e in (*data["items"], *data.get("skipped", ()))}
            found.orphaned = [dict(o) for o in data.get("orphaned", ())]
    except (InputError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        found = Manifest()
    try:
        journal = read_bytes(out_dir / JOURNAL, limit=MAX_MANIFEST).decode("utf-8", "replace")
    except InputError:
        return found
    for line in journal.splitlines():
        with contextlib.suppress(ValueError, KeyError, TypeError, AttributeError, RecursionError):
            entry = json.loads(line)
            if "claim" in entry:
                found.claimed.add(str(entry["claim"]))
            else:
                found.entries[entry["id"]] = entry
    return found


def _earlier(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": entry.get("key"),
        "output": entry.get("output"),
        "input": entry.get("input"),
        "reason": "made by a batch of an earlier clusterbench, named another way",
    }


class Journal:
    """The append-only record of a running batch: one JSON line per claim and per item."""

    def __init__(self, out_dir: Path) -> None:
        self.path = check_output(out_dir / JOURNAL)  # a regular file (or none), never a FIFO
        flags = (
            os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
        )
        try:
            handle = os.open(self.path, flags, new_file_mode())
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write the journal: {exc.strerror}") from None
        self._stream = os.fdopen(handle, "a", encoding="utf-8")

    def claim(self, keys: Iterable[str]) -> None:
        """Record outputs about to be renamed into place (so a killed run's are known as ours)."""
        self._write("".join(json.dumps({"claim": key}) + "\n" for key in keys))

    def append(self, *items: Item) -> None:
        """Record finished items, in one write (flushed: a killed batch keeps them)."""
        self._write("".join(json.dumps(i.to_dict()) + "\n" for i in items))

    def _write(self, text: str) -> None:
        if not text:
            return
        try:
            self._stream.write(text)
            self._stream.flush()
        except OSError as exc:  # a full disk, a quota: the batch stops with a clean error
            raise OutputError(f"{self.path}: cannot write the journal: {exc.strerror}") from None

    def close(self) -> None:
        """Close the journal (the manifest written, it is removed)."""
        with contextlib.suppress(OSError):  # what could not be flushed was said already
            self._stream.close()

    def remove(self) -> None:
        """Close and delete the journal."""
        self.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def write_manifest(
    out_dir: Path, entries: Iterable[dict[str, Any]], orphaned: Sequence[dict[str, Any]] = ()
) -> None:
    """Write `manifest.json` whole or not at all: every output's entry (see
    :meth:`Item.to_dict <clusterbench.batch.planning.Item.to_dict>`), the files skipped
    (not assessments), and the outputs whose input is gone."""
    head = {"format": 2, "generator": f"clusterbench {__version__}"}
    # One item a line: readable and diffable, and written by the C encoder (an indented
    # dump goes through the pure-Python one, ten times slower on a big batch).
    parts = [json.dumps(head)[:-1]]
    ordered = sorted(entries, key=lambda e: str(e.get("id")))
    for key, chosen in (
        ("items", [e for e in ordered if e.get("status") != "skipped"]),
        ("skipped", [e for e in ordered if e.get("status") == "skipped"]),
        ("orphaned", sorted(orphaned, key=lambda o: str(o.get("key")))),
    ):
        lines = ",\n".join(json.dumps(entry) for entry in chosen)
        parts.append(f'"{key}": [\n{lines}\n]' if chosen else f'"{key}": []')
    text = ",\n".join(parts) + "\n}\n"
    write_atomically(out_dir / MANIFEST, text.encode("utf-8"))
