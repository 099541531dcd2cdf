"""Scoring and rendering many assessments: worker processes, incremental, interruptible.

Each worker process keeps its criteria library, cohort, Jinja environment and font
configuration for its whole life and is replaced after `recycle` assessments, so that
memory does not grow with the size of the batch.  An output whose inputs have not
changed since the last run (same fingerprint in `manifest.json`, file still there) is not
rendered again.  One bad file never stops the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from .. import __version__
from .._resources import bundled_dir
from ..errors import ClusterbenchError, InputError
from ..loader.library import CriteriaLibrary
from ..loader.source import Document, read_document
from ..models.cohort import Cohort
from ..pipeline.cohort import load_cohort
from ..pipeline.files import write_atomically
from ..pipeline.scoring import score_file
from ..pipeline.validation import detect_kind, expand_paths
from ..report.render import render_html, render_pdf
from ..scoring.cohort import why_no_peers

__all__ = ["MANIFEST", "BatchOptions", "Item", "plan", "run_batch"]

MANIFEST = "manifest.json"
Form = Literal["pdf", "html", "json"]


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
    """One assessment of a batch and what became of it."""

    input: str
    output: str
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
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A manifest entry."""
        data = asdict(self)
        data.pop("extra")
        return data


# ------------------------------------------------------------------ planning
def _files_hash(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(os.fsencode(path.name))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _tree(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def environment_hash(options: BatchOptions) -> str:
    """What every output depends on: version, options, criteria, templates, cohort."""
    digest = hashlib.sha256(json.dumps([__version__, options.settings()]).encode())
    digest.update(_files_hash(sorted(bundled_dir("criteria").glob("*.yaml"))).encode())
    if options.form != "json":
        digest.update(_files_hash(_tree(bundled_dir("templates"))).encode())
        if options.templates is not None:
            digest.update(_files_hash(_tree(options.templates)).encode())
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


def plan(source: Path, options: BatchOptions) -> list[Item]:
    """Every assessment under `source`, its output path and fingerprint (criteria files skipped)."""
    environment = environment_hash(options)
    base = source if source.is_dir() else source.parent
    items = []
    for path in expand_paths([source]):
        document: Document | None = None
        try:
            document = read_document(path)
            if detect_kind(document) == "criteria":
                continue
        except InputError:
            pass  # unreadable: planned anyway, so that it is reported as failed
        relative = path.relative_to(base).with_suffix(f".{options.form}")
        items.append(
            Item(
                os.fspath(path),
                os.fspath(options.out_dir / relative),
                fingerprint(path, environment, document),
            )
        )
    return items


def _previous_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return {entry["input"]: entry for entry in data.get("items", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


# ------------------------------------------------------------------- workers
_STATE: dict[str, Any] = {}


def _init_worker(options: BatchOptions) -> None:
    # The parent handles Ctrl-C; a worker must not die half-way through a file on its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STATE["options"] = options
    _STATE["library"] = CriteriaLibrary()
    _STATE["cohort"] = load_cohort(options.cohort) if options.cohort is not None else None


def _render(item: Item) -> Item:
    options: BatchOptions = _STATE["options"]
    library: CriteriaLibrary = _STATE["library"]
    cohort: Cohort | None = _STATE["cohort"]
    started = time.perf_counter()
    try:
        scored = score_file(item.input, library=library, cohort=cohort)
        output = Path(item.output)
        if options.form == "json":
            write_atomically(
                output, (scored.result.model_dump_json(indent=2) + "\n").encode("utf-8")
            )
        else:
            settings = {
                "language": options.language,
                "audience": options.audience,
                "templates": options.templates,
            }
            if options.form == "html":
                write_atomically(output, render_html(scored, **settings).encode("utf-8"))  # type: ignore[arg-type]
            else:
                render_pdf(scored, output, **settings)  # type: ignore[arg-type]
        result = scored.result
        item.status = "rendered"
        item.level = result.level
        item.points = float(result.score.points)
        item.max_points = float(result.score.max_points)
        item.share = float(result.score.share) if result.score.share is not None else None
        item.criteria = result.criteria.id
        item.criteria_hash = result.criteria.hash
        if cohort is not None:
            item.peers = result.peers.group if result.peers is not None else None
            item.note = None if result.peers is not None else why_no_peers(result, cohort)
    except ClusterbenchError as exc:
        item.status = "failed"
        issues = getattr(exc, "issues", None)
        item.error = "\n".join(str(i) for i in issues) if issues else str(exc)
    except Exception as exc:  # a bug must not stop the batch either: it is reported per file
        item.status = "failed"
        item.error = f"{type(exc).__name__}: {exc}"
    item.seconds = round(time.perf_counter() - started, 3)
    return item


# --------------------------------------------------------------------- batch
def run_batch(
    source: Path, options: BatchOptions, *, progress: Callable[[Item, int, int], None] | None = None
) -> list[Item]:
    """Render every assessment under `source` into `options.out_dir`; write the manifest.

    Returns every item with its status.  On KeyboardInterrupt the workers are stopped,
    half-written files are removed, the manifest records what was finished, and the
    interruption is raised again.
    """
    options.out_dir.mkdir(parents=True, exist_ok=True)
    items = plan(source, options)
    before = _previous_manifest(options.out_dir)
    todo = []
    for item in items:
        old = before.get(item.input)
        unchanged = (
            not options.force
            and old is not None
            and old.get("fingerprint") == item.fingerprint
            and old.get("status") in ("rendered", "unchanged")
            and Path(item.output).is_file()
        )
        if unchanged and old is not None:
            item.status = "unchanged"
            for key in (
                "level",
                "points",
                "max_points",
                "share",
                "criteria",
                "criteria_hash",
                "peers",
                "note",
            ):
                setattr(item, key, old.get(key))
        else:
            todo.append(item)
    done = len(items) - len(todo)
    for item in items:
        if item.status == "unchanged" and progress is not None:
            progress(item, 0, len(items))
    finished: dict[str, Item] = {i.input: i for i in items if i.status == "unchanged"}
    try:
        for result in _run(todo, options):
            done += 1
            finished[result.input] = result
            if progress is not None:
                progress(result, done, len(items))
    except KeyboardInterrupt:
        _remove_partial_files(options.out_dir)
        _write_manifest(options, [finished[i.input] for i in items if i.input in finished])
        raise
    ordered = [finished.get(i.input, i) for i in items]
    _write_manifest(options, ordered)
    return ordered


def _run(todo: list[Item], options: BatchOptions) -> Iterator[Item]:
    if not todo:
        return
    context = multiprocessing.get_context("spawn")  # a clean interpreter per worker
    jobs = max(1, min(options.jobs, len(todo)))
    pool = context.Pool(
        jobs, initializer=_init_worker, initargs=(options,), maxtasksperchild=options.recycle
    )
    try:
        yield from pool.imap_unordered(_render, todo, chunksize=1)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _remove_partial_files(out_dir: Path) -> None:
    for partial in out_dir.rglob(".*.part"):
        with contextlib.suppress(OSError):
            partial.unlink()


def _write_manifest(options: BatchOptions, items: list[Item]) -> None:
    data = {
        "format": 1,
        "generator": f"clusterbench {__version__}",
        "options": options.settings(),
        "items": [i.to_dict() for i in items],
    }
    write_atomically(
        options.out_dir / MANIFEST, (json.dumps(data, indent=1) + "\n").encode("utf-8")
    )
