"""Scoring and rendering many assessments: worker processes, incremental, interruptible.

Each worker process keeps its criteria library, cohort, Jinja environment and font
configuration for its whole life and is replaced after `recycle` assessments, so that
memory does not grow with the size of the batch.  One bad file never stops the others.
The options are checked before any work starts, so that a mistake in them is one clear
error rather than the same failure for every file.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from ..errors import ClusterbenchError, ReportError
from ..loader.library import CriteriaLibrary
from ..models.cohort import Cohort
from ..pipeline.cohort import load_cohort
from ..pipeline.files import write_atomically
from ..pipeline.scoring import score_file
from ..report.options import LANGUAGES
from ..report.render import render_html, render_pdf
from ..report.templating import template_dirs
from ..scoring.peers import why_no_peers
from .planning import BatchOptions, Item, plan, read_manifest, write_manifest

__all__ = ["check_options", "run_batch"]

_SAVE_EVERY = 25
"""Results between two writes of the manifest: a killed batch loses little."""


def check_options(options: BatchOptions) -> Cohort | None:
    """Raise a ClusterbenchError for options no file could be rendered with; the cohort."""
    if options.form != "json":
        if options.language is not None and options.language not in LANGUAGES:
            raise ReportError(
                f"reports are written in {', '.join(LANGUAGES)}, not {options.language!r}"
            )
        template_dirs(options.templates)
    return load_cohort(options.cohort) if options.cohort is not None else None


# ------------------------------------------------------------------- workers
_STATE: dict[str, Any] = {}


def _init_worker(options: BatchOptions) -> None:
    # The parent handles Ctrl-C; a worker must not die half-way through a file on its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STATE["options"] = options
    try:
        _STATE["library"] = CriteriaLibrary()
        _STATE["cohort"] = load_cohort(options.cohort) if options.cohort is not None else None
    except Exception as exc:
        # An initializer that raises makes the pool start workers for ever; instead
        # every file of this worker fails with the reason.
        _STATE["broken"] = f"{type(exc).__name__}: {exc}"


def _render(item: Item) -> Item:
    started = time.perf_counter()
    try:
        if "broken" in _STATE:
            raise ReportError(f"the worker could not start: {_STATE['broken']}")
        _render_one(item, _STATE["options"], _STATE["library"], _STATE["cohort"])
    except ClusterbenchError as exc:
        item.status = "failed"
        issues = getattr(exc, "issues", None)
        item.error = "\n".join(str(i) for i in issues) if issues else str(exc)
    except Exception as exc:  # a bug must not stop the batch either: it is reported per file
        item.status = "failed"
        item.error = f"{type(exc).__name__}: {exc}"
    item.seconds = round(time.perf_counter() - started, 3)
    return item


def _render_one(
    item: Item, options: BatchOptions, library: CriteriaLibrary, cohort: Cohort | None
) -> None:
    scored = score_file(item.input, library=library, cohort=cohort)
    output = Path(item.output)
    if options.form == "json":
        write_atomically(output, (scored.result.model_dump_json(indent=2) + "\n").encode("utf-8"))
    elif options.form == "html":
        html = render_html(
            scored,
            language=options.language,
            audience=options.audience,
            templates=options.templates,
        )
        write_atomically(output, html.encode("utf-8"))
    else:
        render_pdf(
            scored,
            output,
            language=options.language,
            audience=options.audience,
            templates=options.templates,
        )
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


# --------------------------------------------------------------------- batch
def run_batch(
    source: Path, options: BatchOptions, *, progress: Callable[[Item, int, int], None] | None = None
) -> list[Item]:
    """Render every assessment under `source` into `options.out_dir`; write the manifest.

    Returns every item with its status.  Raises a ClusterbenchError before any work
    when the options are wrong (see `check_options`).  On KeyboardInterrupt (or
    SIGTERM) the workers are stopped, half-written files are removed, the manifest
    records what was finished, and the interruption is raised again.
    """
    check_options(options)
    options.out_dir.mkdir(parents=True, exist_ok=True)
    items = plan(source, options)
    before = read_manifest(options.out_dir)
    todo = []
    for item in items:
        old = before.get(item.key)
        if (
            not options.force
            and old is not None
            and old.get("fingerprint") == item.fingerprint
            and old.get("status") in ("rendered", "unchanged")
            and Path(item.output).is_file()
        ):
            item.take_result_of(old)
        else:
            todo.append(item)
    done = len(items) - len(todo)
    finished: dict[str, Item] = {i.key: i for i in items if i.status == "unchanged"}

    def save() -> None:
        write_manifest(options, [finished[i.key] for i in items if i.key in finished])

    try:
        with _terminate_as_interrupt():
            for result in _run(todo, options):
                done += 1
                finished[result.key] = result
                if progress is not None:
                    progress(result, done, len(items))
                if done % _SAVE_EVERY == 0:
                    save()
    except KeyboardInterrupt:
        _remove_partial_files(options.out_dir)
        save()
        raise
    save()
    return [finished.get(i.key, i) for i in items]


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a CI timeout, a service stop) ends the batch as cleanly as Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
