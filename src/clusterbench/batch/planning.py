"""What a batch has to do: its options, one Item per file, fingerprints, the manifest.

An output is made again only when its fingerprint changes: a hash of everything it is
made from — the files it was made from (the assessment, the criteria file it names, its
previous assessments and their criteria), the bundled criteria, the templates, the
cohort, the options, and clusterbench's own code and translations.

Planning reads no assessment: the manifest records, for every output, the size,
modification time and SHA-256 of each file it was made from, so that an unchanged run
only looks at file metadata; a file whose metadata changed is hashed again (a touched
file with the same content stays unchanged).  Scoring, and so finding out what a new
file refers to, happens in the workers.

The manifest is kept as an append-only journal while the batch runs (one line per
finished file, O(1) each) and compacted into ``manifest.json`` at the end, or when
the batch is interrupted; a journal left by a killed run is folded in by the next.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Literal

from .._resources import bundled_dir
from .._version import __version__
from ..errors import InputError, Issue, OutputError
from ..loader.reader import MAX_BYTES, read_bytes
from ..pipeline.files import Inputs, check_output, new_file_mode, write_atomically
from ..report.options import ReportLanguage

__all__ = [
    "JOURNAL",
    "MANIFEST",
    "BatchOptions",
    "Item",
    "Journal",
    "Source",
    "environment_hash",
    "fingerprint",
    "is_unchanged",
    "plan",
    "read_manifest",
    "sources_of",
    "write_manifest",
]

MANIFEST = "manifest.json"
JOURNAL = ".manifest.journal"
"""Where finished items are appended while a batch runs (removed when it ends)."""
MAX_MANIFEST = 512 * 1024 * 1024
"""Largest manifest read back (our own file; about 600 bytes an item)."""
_RACY_NS = 2_000_000_000
"""A file changed less than this long before it was hashed is hashed again next time:
file times are coarser than the clock (a few ms on ext4)."""
_SUFFIXES = (".yaml", ".yml")
Form = Literal["pdf", "html", "json"]
Status = Literal["pending", "rendered", "unchanged", "failed", "skipped"]
_PACKAGE = Path(__file__).resolve().parents[1]
_RESULT_KEYS = (
    "level",
    "points",
    "max_points",
    "share",
    "criteria",
    "criteria_hash",
    "peers",
    "note",
)


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What a batch renders and how."""

    out_dir: Path
    form: Form = "pdf"
    language: ReportLanguage | None = None
    audience: Literal["full", "summary"] = "full"
    cohort: Path | None = None
    templates: Path | None = None
    jobs: int = 1
    force: bool = False
    recycle: int = 200

    def settings(self) -> dict[str, Any]:
        """The options that change an output (part of every fingerprint)."""
        return {"form": self.form, "language": self.language, "audience": self.audience}


Source = tuple[str, int, int, str]
"""A file an output was made from: (path, size, modification time in ns, SHA-256)."""


@dataclass(slots=True)
class Item:
    """One file of a batch and what became of it.

    `key` is the output's path inside the output folder: it identifies the item from
    one run to the next, however the folders were written on the command line.
    `sources` are the files the output was made from, as they were when it was made.
    """

    input: str
    output: str
    key: str
    fingerprint: str = ""
    status: Status = "pending"
    level: str | None = None
    points: float | None = None
    max_points: float | None = None
    share: float | None = None
    criteria: str | None = None
    criteria_hash: str | None = None
    peers: str | None = None
    note: str | None = None
    error: str | None = None
    seconds: float = 0.0
    sources: list[Source] = field(default_factory=list)
    hashed_at: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A manifest entry."""
        return {
            "input": self.input,
            "output": self.output,
            "key": self.key,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "level": self.level,
            "points": self.points,
            "max_points": self.max_points,
            "share": self.share,
            "criteria": self.criteria,
            "criteria_hash": self.criteria_hash,
            "peers": self.peers,
            "note": self.note,
            "error": self.error,
            "seconds": self.seconds,
            "sources": [list(s) for s in self.sources],
            "hashed_at": self.hashed_at,
        }

    def take_result_of(self, entry: dict[str, Any]) -> None:
        """Mark unchanged, with what a previous run recorded."""
        self.status = "unchanged" if entry.get("status") != "skipped" else "skipped"
        for key in _RESULT_KEYS:
            setattr(self, key, entry.get(key))
        self.fingerprint = str(entry.get("fingerprint", ""))
        self.sources = [tuple(s) for s in entry.get("sources", [])]
        self.hashed_at = int(entry.get("hashed_at", 0))


# ------------------------------------------------------------- fingerprints
def _files_hash(paths: Sequence[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(os.fsencode(path.relative_to(root).as_posix()))
        digest.update(read_bytes(path, limit=MAX_BYTES))  # bounded, regular files only
    return digest.hexdigest()


def _tree(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if suffixes is None or name.endswith(suffixes):
                found.append(Path(root) / name)
    return found


def environment_hash(options: BatchOptions) -> str:
    """What every output depends on: code, translations, options, criteria, templates, cohort.

    Raises InputError for a templates folder or cohort file that cannot be read.
    """
    digest = hashlib.sha256(json.dumps([__version__, options.settings()]).encode())
    # The package's own code and catalogues: a fix in scoring or in a translation must
    # show in the next run's outputs even when the version number stays the same.
    digest.update(_files_hash(_tree(_PACKAGE, (".py", ".po")), _PACKAGE).encode())
    criteria = bundled_dir("criteria")
    digest.update(_files_hash(sorted(criteria.glob("*.yaml")), criteria).encode())
    if options.form != "json":
        templates = bundled_dir("templates")
        digest.update(_files_hash(_tree(templates), templates).encode())
        if options.templates is not None:
            digest.update(_files_hash(_tree(options.templates), options.templates).encode())
    if options.cohort is not None:
        digest.update(read_bytes(options.cohort))
    return digest.hexdigest()


def fingerprint(environment: str, sources: Iterable[Source]) -> str:
    """The hash of everything an output is made from."""
    digest = hashlib.sha256(environment.encode())
    for path, _size, _mtime, sha in sources:
        digest.update(os.fsencode(path))
        digest.update(sha.encode())
    return digest.hexdigest()


def sources_of(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Source], int]:
    """Each file's (path, size, mtime, SHA-256), read now; and when they were hashed."""
    found: list[Source] = []
    when = 0
    for path in dict.fromkeys(os.fspath(p) for p in paths):
        info = os.stat(path)  # before reading: a change after it shows next time
        data = read_bytes(path)
        when = max(when, time.time_ns())
        found.append((path, info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest()))
    return found, when


def is_unchanged(entry: dict[str, Any], environment: str) -> bool:
    """Whether the output of a previous run's entry is still what its sources give.

    Only metadata is looked at for files whose size and modification time are as
    recorded (and were not changed just before they were hashed); others are hashed.
    """
    sources = entry.get("sources")
    if not isinstance(sources, list) or not sources:
        return False
    hashed_at = int(entry.get("hashed_at") or 0)
    current: list[Source] = []
    try:
        for path, size, mtime, sha in sources:
            info = os.stat(path)
            same = info.st_size == size and info.st_mtime_ns == mtime
            if not same or mtime + _RACY_NS >= hashed_at:
                sha = hashlib.sha256(read_bytes(path)).hexdigest()
            current.append((path, size, mtime, sha))
    except (OSError, ValueError, TypeError, InputError):
        return False
    return fingerprint(environment, current) == entry.get("fingerprint")


# ----------------------------------------------------------------- planning
def plan(source: Path, options: BatchOptions, found: Sequence[Path]) -> list[Item]:
    """One Item per file of `found` under `source`, with its output path.

    Outputs keep the folders below `source`; two inputs that would share an output
    (`a.yaml` and `a.yml`) keep their own, the second as `a.yml.pdf`.  Nothing is
    read: planning costs metadata only.
    """
    base = source if source.is_dir() else source.parent
    items = []
    taken: set[str] = set()
    for path in found:
        relative = path.relative_to(base)
        key = relative.with_suffix(f".{options.form}").as_posix()
        if key in taken:
            key = f"{relative.as_posix()}.{options.form}"
        taken.add(key)
        output = os.fspath(options.out_dir / PurePath(key))
        items.append(Item(input=os.fspath(path), output=output, key=key))
    return items


def folder_item(issue: Issue) -> Item:
    """A folder that could not be searched, as a failed item of the batch."""
    return Item(
        input=issue.file,
        output="",
        key=f"{issue.file}/",
        status="failed",
        error=str(issue),
    )


def inputs_of(found: Sequence[Path], options: BatchOptions) -> Inputs:
    """Every file of the run that an output must never replace."""
    inputs = Inputs([*found, options.cohort])
    inputs.add_tree(options.templates)
    return inputs


# ----------------------------------------------------------------- manifest
def read_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    """The entries of the last run by key: its manifest, then the journal of a killed run."""
    entries: dict[str, dict[str, Any]] = {}
    try:
        data = json.loads(read_bytes(out_dir / MANIFEST, limit=MAX_MANIFEST))
        entries = {entry["key"]: entry for entry in data.get("items", [])}
        entries.update({entry["key"]: entry for entry in data.get("skipped", [])})
    except (InputError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        entries = {}
    try:
        journal = read_bytes(out_dir / JOURNAL, limit=MAX_MANIFEST).decode("utf-8", "replace")
    except InputError:
        return entries
    for line in journal.splitlines():
        with contextlib.suppress(ValueError, KeyError, TypeError, RecursionError):
            entry = json.loads(line)
            entries[entry["key"]] = entry
    return entries


class Journal:
    """The append-only record of a running batch: one JSON line per finished item."""

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

    def append(self, *items: Item) -> None:
        """Record finished items, in one write (flushed: a killed batch keeps them)."""
        self._stream.write("".join(json.dumps(i.to_dict()) + "\n" for i in items))
        self._stream.flush()

    def close(self) -> None:
        """Close the journal (the manifest written, it is removed)."""
        self._stream.close()

    def remove(self) -> None:
        """Close and delete the journal."""
        self.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def write_manifest(options: BatchOptions, items: Sequence[Item]) -> None:
    """Write `manifest.json` whole or not at all: assessments, and the files skipped."""
    head = {"format": 1, "generator": f"clusterbench {__version__}", "options": options.settings()}
    # One item a line: readable and diffable, and written by the C encoder (an indented
    # dump goes through the pure-Python one, ten times slower on a big batch).
    parts = [json.dumps(head)[:-1]]
    for key, chosen in (
        ("items", [i for i in items if i.status != "skipped"]),
        ("skipped", [i for i in items if i.status == "skipped"]),
    ):
        lines = ",\n".join(json.dumps(i.to_dict()) for i in chosen)
        parts.append(f'"{key}": [\n{lines}\n]' if chosen else f'"{key}": []')
    text = ",\n".join(parts) + "\n}\n"
    write_atomically(options.out_dir / MANIFEST, text.encode("utf-8"))
