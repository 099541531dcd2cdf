"""What a batch has to do: its options, one Item per assessment, fingerprints, the manifest.

An output is made again only when its fingerprint changes: a hash of everything it is
made from — the assessment, the criteria file it names and its previous assessments, the
bundled criteria, the templates, the cohort, the options, and clusterbench's own code and
translations.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path, PurePath
from typing import Any, Literal

from .._resources import bundled_dir
from .._version import __version__
from ..errors import InputError
from ..loader.source import Document, read_document
from ..pipeline.files import write_atomically
from ..pipeline.validation import detect_kind, expand_paths

__all__ = [
    "MANIFEST",
    "BatchOptions",
    "Item",
    "environment_hash",
    "fingerprint",
    "plan",
    "read_manifest",
    "write_manifest",
]

MANIFEST = "manifest.json"
Form = Literal["pdf", "html", "json"]
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
    language: str | None = None
    audience: Literal["full", "summary"] = "full"
    cohort: Path | None = None
    templates: Path | None = None
    jobs: int = 1
    force: bool = False
    recycle: int = 200

    def settings(self) -> dict[str, Any]:
        """The options that change an output (part of every fingerprint)."""
        return {"form": self.form, "language": self.language, "audience": self.audience}


@dataclass(slots=True)
class Item:
    """One assessment of a batch and what became of it.

    `key` is the output's path inside the output folder: it identifies the item from
    one run to the next, however the folders were written on the command line.
    """

    input: str
    output: str
    key: str
    fingerprint: str
    status: Literal["pending", "rendered", "unchanged", "failed"] = "pending"
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

    def to_dict(self) -> dict[str, Any]:
        """A manifest entry."""
        return asdict(self)

    def take_result_of(self, entry: dict[str, Any]) -> None:
        """Mark unchanged, with the level and score a previous run recorded."""
        self.status = "unchanged"
        for key in _RESULT_KEYS:
            setattr(self, key, entry.get(key))


# ------------------------------------------------------------- fingerprints
def _files_hash(paths: Sequence[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(os.fsencode(path.relative_to(root).as_posix()))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _tree(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    return [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and (suffixes is None or p.suffix in suffixes)
    ]


def environment_hash(options: BatchOptions) -> str:
    """What every output depends on: code, translations, options, criteria, templates, cohort."""
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
        digest.update(options.cohort.read_bytes())
    return digest.hexdigest()


def _referenced(path: Path, seen: set[Path], document: Document | None = None) -> Iterator[Path]:
    """The files an assessment depends on: its criteria file and previous assessments."""
    resolved = path.resolve()
    if resolved in seen or not path.is_file():
        return
    seen.add(resolved)
    yield path
    try:
        data = (document or read_document(path)).data
    except InputError:
        return
    if not isinstance(data, dict):
        return
    criteria = data.get("criteria")
    if isinstance(criteria, dict) and isinstance(criteria.get("file"), str):
        target = path.parent / criteria["file"]
        if target.is_file():
            yield target
    previous = data.get("previous")
    if isinstance(previous, dict) and isinstance(previous.get("file"), str):
        yield from _referenced(path.parent / previous["file"], seen)


def fingerprint(path: Path, environment: str, document: Document | None = None) -> str:
    """A hash of everything the output of `path` (parsed: `document`) is made from."""
    digest = hashlib.sha256(environment.encode())
    for part in _referenced(path, set(), document):
        digest.update(part.read_bytes())
    return digest.hexdigest()


# ----------------------------------------------------------------- planning
def plan(source: Path, options: BatchOptions) -> list[Item]:
    """Every assessment under `source`, its output path and fingerprint (criteria files skipped).

    Outputs keep the folders below `source`; two inputs that would share an output
    (`a.yaml` and `a.yml`) keep their own, the second as `a.yml.pdf`.
    """
    environment = environment_hash(options)
    base = source if source.is_dir() else source.parent
    items = []
    taken: set[str] = set()
    for path in expand_paths([source]):
        document: Document | None = None
        try:
            document = read_document(path)
            if detect_kind(document) == "criteria":
                continue
        except InputError:
            pass  # unreadable: planned anyway, so that it is reported as failed
        relative = path.relative_to(base)
        key = relative.with_suffix(f".{options.form}").as_posix()
        if key in taken:
            key = f"{relative.as_posix()}.{options.form}"
        taken.add(key)
        items.append(
            Item(
                input=os.fspath(path),
                output=os.fspath(options.out_dir / PurePath(key)),
                key=key,
                fingerprint=fingerprint(path, environment, document),
            )
        )
    return items


# ----------------------------------------------------------------- manifest
def read_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    """The entries of the last run's manifest by key (none when there is no readable one)."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return {entry["key"]: entry for entry in data.get("items", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def write_manifest(options: BatchOptions, items: Sequence[Item]) -> None:
    """Write `manifest.json` whole or not at all."""
    data = {
        "format": 1,
        "generator": f"clusterbench {__version__}",
        "options": options.settings(),
        "items": [i.to_dict() for i in items],
    }
    write_atomically(
        options.out_dir / MANIFEST, (json.dumps(data, indent=1) + "\n").encode("utf-8")
    )
