"""What a batch has to do: one Item per output, and the fingerprints that tell which
outputs are still what their sources give.

An output is made again only when its fingerprint changes: a hash of everything it is
made from — the files it was made from (the assessment, the criteria file it names, its
previous assessments and their criteria, the logo), the bundled criteria, the
templates, the cohort, the options that shape it, and clusterbench's own code and
translations.

Planning reads no assessment: the manifest records, for every output, the size,
modification time and SHA-256 of each file it was made from, so that an unchanged run
only looks at file metadata; a file whose metadata changed is hashed again (a touched
file with the same content stays unchanged).  Scoring, and so finding out what a new
file refers to and what its output is called, happens in the workers.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .._resources import bundled_dir
from .._version import __version__
from ..errors import InputError, Issue
from ..loader.reader import MAX_BYTES, read_bytes
from ..pipeline.files import Inputs
from .options import BatchOptions, Kind

__all__ = [
    "Item",
    "Job",
    "Source",
    "environment_hash",
    "fingerprint",
    "folder_item",
    "inputs_of",
    "is_unchanged",
    "plan",
    "sources_of",
]

_RACY_NS = 2_000_000_000
"""A file changed less than this long before it was hashed is hashed again next time:
file times are coarser than the clock (a few ms on ext4)."""
Status = Literal["pending", "rendered", "unchanged", "failed", "skipped", "not_awarded"]
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
    "language",
    "output",
    "key",
)

Source = tuple[str, int, int, str]
"""A file an output was made from: (path, size, modification time in ns, SHA-256)."""


@dataclass(slots=True)
class Item:
    """One output of a batch and what became of it: a manifest entry.

    `id` names the output from one run to the next, however the folders were written on
    the command line: the input's path below the batch's folder, the kind, the format,
    and the language and audience asked for.  `key` is the output's path inside the
    output folder, where it is or would be (None while its name is not known: a name
    from the assessment is given once the worker has read it); `output` the file
    written (None when there is none).  `sources` are the files it was made
    from, as they were when it was made.  `stale`: the output on disk is an earlier
    run's, of the input as it was then (this run failed to make it again).
    """

    id: str
    input: str
    kind: Kind = "report"
    stem: str = ""
    folder: str = ""
    """The input's folder below the batch's folder (the output goes to the same one)."""
    key: str | None = None
    output: str | None = None
    fingerprint: str = ""
    status: Status = "pending"
    language: str | None = None
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
    stale: bool = False
    sources: list[Source] = field(default_factory=list)
    hashed_at: int = 0
    options: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A manifest entry."""
        return {
            "id": self.id,
            "input": self.input,
            "kind": self.kind,
            "stem": self.stem,
            "folder": self.folder,
            "output": self.output,
            "key": self.key,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "language": self.language,
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
            "stale": self.stale,
            "options": self.options,
            "sources": [list(s) for s in self.sources],
            "hashed_at": self.hashed_at,
        }

    def take_result_of(self, entry: dict[str, Any]) -> None:
        """Mark unchanged, with what a previous run recorded."""
        kept = entry.get("status")
        self.status = kept if kept in ("skipped", "not_awarded") else "unchanged"
        for key in _RESULT_KEYS:
            setattr(self, key, entry.get(key))
        self.fingerprint = str(entry.get("fingerprint", ""))
        self.sources = [tuple(s) for s in entry.get("sources", [])]
        self.hashed_at = int(entry.get("hashed_at", 0))
        self.options = dict(entry.get("options") or {})


@dataclass(slots=True)
class Job:
    """One input and the outputs to make of it (its report, its certificate): the input is
    read and scored once for all of them."""

    input: str
    items: list[Item]


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
    """What every output of a run depends on: code, translations, criteria, templates, cohort.

    Raises InputError for a templates folder or cohort file that cannot be read.
    """
    digest = hashlib.sha256(json.dumps([__version__]).encode())
    # The package's own code and catalogues: a fix in scoring or in a translation must
    # show in the next run's outputs even when the version number stays the same.
    digest.update(_files_hash(_tree(_PACKAGE, (".py", ".po")), _PACKAGE).encode())
    criteria = bundled_dir("criteria")
    digest.update(_files_hash(sorted(criteria.glob("*.yaml")), criteria).encode())
    if options.form != "json" or options.certificates:  # a Result uses no template
        templates = bundled_dir("templates")
        digest.update(_files_hash(_tree(templates), templates).encode())
        if options.templates is not None:
            digest.update(_files_hash(_tree(options.templates), options.templates).encode())
    if options.cohort is not None:
        digest.update(read_bytes(options.cohort))
    return digest.hexdigest()


def fingerprint(environment: str, settings: dict[str, Any], sources: Iterable[Source]) -> str:
    """The hash of everything an output is made from."""
    digest = hashlib.sha256(environment.encode())
    digest.update(json.dumps(settings, sort_keys=True).encode())
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


def is_unchanged(entry: dict[str, Any], environment: str, settings: dict[str, Any]) -> bool:
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
    return fingerprint(environment, settings, current) == entry.get("fingerprint")


# ----------------------------------------------------------------- planning
def plan(source: Path, options: BatchOptions, found: Sequence[Path]) -> list[Job]:
    """One Job per file of `found` under `source`, with an Item per output to make of it.

    An output keeps its input's folder below `source`; the name comes later (see
    :mod:`.options`).  Two inputs of one stem in one folder (`a.yaml`, `a.yml`) keep
    their own names: the second's stem is its whole name (`a.yml`).  Nothing is read:
    planning costs metadata only.
    """
    base = source if source.is_dir() else source.parent
    jobs = []
    stems: set[tuple[str, str]] = set()
    kinds: list[Kind] = ["report", "certificate"] if options.certificates else ["report"]
    for path in found:
        relative = path.relative_to(base)
        folder = relative.parent.as_posix() if relative.parent != Path() else ""
        stem = relative.stem
        if (folder, stem) in stems:
            stem = relative.name
        stems.add((folder, stem))
        items = [
            Item(
                id=_id(relative.as_posix(), kind, options),
                input=os.path.abspath(path),
                kind=kind,
                stem=stem,
                folder=folder,
                key=options.planned_key(kind, folder, stem),
                options=options.record(),
            )
            for kind in kinds
        ]
        jobs.append(Job(os.path.abspath(path), items))
    return jobs


def _id(relative: str, kind: Kind, options: BatchOptions) -> str:
    """An output's identity across runs: the input below the folder, kind, format, language
    and audience asked for (a JSON Result is the same in every language)."""
    language = options.language or "*"
    if kind == "certificate":
        return f"{relative}|certificate|{language}"
    if options.form == "json":
        return f"{relative}|json"
    return f"{relative}|{options.form}|{language}|{options.audience}"


def folder_item(issue: Issue) -> Item:
    """A folder that could not be searched, as a failed item of the batch."""
    return Item(id=f"{issue.file}/", input=issue.file, status="failed", error=str(issue))


def inputs_of(found: Sequence[Path], options: BatchOptions) -> Inputs:
    """Every file of the run known before any is read, that an output must never replace."""
    inputs = Inputs([*found, options.cohort, options.logo])
    inputs.add_tree(options.templates)
    return inputs
