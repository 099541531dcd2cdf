"""Scoring and rendering many assessments: own worker processes, incremental, interruptible.

The batch manages its worker processes itself (:mod:`.pool`).  A worker
(:mod:`.worker`) keeps its criteria library, cohort, Jinja environment and fonts for
its life and, for PDFs, is replaced after `recycle` reports so that memory does not
grow with the batch.

A worker writes each output to a temporary file beside its target; only the parent
claims it in the journal, renames it into place (when the ledger allows: never over a
file the batch did not write) and records it, in one step that signals cannot split.
So whatever stops a batch — Ctrl-C, SIGTERM to it or to its whole process group, a
killed worker — every output on disk is whole and the manifest lists exactly the
outputs that were finished.  One bad, unreadable or oversized file is that file's
located error; every other report is written.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OutputError, ReportError
from ..loader.reader import find_files, read_bytes
from ..models.cohort import Cohort
from ..pipeline.cohort import load_cohort
from ..pipeline.files import check_output, commit, discard, remove_stale_temporaries
from .ledger import Ledger
from .manifest import MANIFEST, Journal, read_manifest, write_manifest
from .options import BatchOptions, check_name
from .planning import (
    Item,
    Job,
    environment_hash,
    folder_item,
    inputs_of,
    is_unchanged,
    plan,
)
from .pool import run_jobs
from .signals import Stop, signals_held, stopping

__all__ = ["check_options", "run_batch"]

_SUFFIXES = (".yaml", ".yml")


def check_options(options: BatchOptions) -> Cohort | None:
    """Raise a ClusterbenchError for options no file could be rendered with; the cohort."""
    if options.form != "json" or options.certificates:
        from ..report.fetcher import MAX_ASSET
        from ..report.options import LANGUAGES, PDF_VARIANTS, accent_colour
        from ..report.templating import template_dirs

        if options.language is not None and options.language not in LANGUAGES:
            raise ReportError(
                f"reports are written in {', '.join(LANGUAGES)}, not {options.language!r}"
            )
        if options.pdf_variant is not None and options.pdf_variant not in PDF_VARIANTS:
            raise ReportError(f"PDF variants: {', '.join(PDF_VARIANTS)}")
        if options.accent is not None:
            try:
                accent_colour(options.accent)
            except ValueError as exc:
                raise ReportError(str(exc)) from None
        if options.logo is not None:
            read_bytes(options.logo, limit=MAX_ASSET)  # a regular file of a sane size
        template_dirs(options.templates)
    if options.name is not None:
        check_name(options.name, certificates=options.certificates)
    out = options.out_dir
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is not a folder; batch writes its reports into a folder")
    check_output(out / MANIFEST)
    return load_cohort(options.cohort) if options.cohort is not None else None


# --------------------------------------------------------------------- batch
def run_batch(
    source: Path,
    options: BatchOptions,
    *,
    progress: Callable[[Item, int, int], None] | None = None,
    timings: dict[str, float] | None = None,
    summary: dict[str, Any] | None = None,
) -> list[Item]:
    """Render every assessment under `source` into `options.out_dir`; write the manifest.

    Returns this run's items with their status (criteria files found are left out).
    Raises a ClusterbenchError before any work when the options are wrong (see
    `check_options`), an OutputError when the output folder cannot be written (a full
    disk).  On KeyboardInterrupt (or SIGTERM) the workers are stopped, their temporary
    files removed, the manifest records exactly what was finished, and the interruption
    is raised again.  ``timings``, when given, receives the seconds spent on bookkeeping
    (planning, committing, the journal and the manifest) and in all; ``summary`` the
    outputs found orphaned (`forgotten`), all listed as orphaned, and the stale ones.
    """
    started = time.perf_counter()
    check_options(options)
    environment = environment_hash(options)
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{options.out_dir}: cannot make the folder: {exc.strerror}") from None
    remove_stale_temporaries(options.out_dir, recursive=True)
    found = find_files([source], _SUFFIXES)
    jobs = plan(source, options, found.files)
    before = read_manifest(options.out_dir)
    todo: list[Job] = []
    for job in jobs:
        waiting = [
            i for i in job.items if not _still(i, before.entries.get(i.id), options, environment)
        ]
        if waiting:
            todo.append(Job(job.input, waiting))
    items = [item for job in jobs for item in job.items]
    done_before = ("unchanged", "skipped", "not_awarded")
    finished: dict[str, Item] = {i.id: i for i in items if i.status in done_before}
    problems = [folder_item(issue) for issue in found.issues]
    ledger = Ledger(options.out_dir, before, inputs_of(found.files, options))
    journal = Journal(options.out_dir)
    record = _Record(journal, finished, ledger)
    book = planning = time.perf_counter() - started
    done = len(finished)
    total = len(items) + len(problems)
    for problem in problems:
        done += 1
        if progress is not None:
            progress(problem, done, total)

    def save() -> None:
        kept = [finished[i.id] for i in items if i.id in finished]
        settled = ledger.settle([*kept, *problems])
        write_manifest(options.out_dir, settled.entries, settled.orphaned)
        journal.remove()
        if summary is not None:
            summary.update(
                forgotten=settled.forgotten, orphaned=settled.orphaned, stale=settled.stale
            )

    try:
        with stopping() as stop:
            for result in _run(todo, options, environment, record, stop):
                tick = time.perf_counter()
                done += 1
                if progress is not None and result.status != "skipped":
                    progress(result, done, total)
                book += time.perf_counter() - tick
    except KeyboardInterrupt:
        save()
        raise
    except OutputError:  # the journal could not be written: keep what can be kept
        with contextlib.suppress(OutputError):
            save()
        raise
    tick = time.perf_counter()
    save()
    book += time.perf_counter() - tick
    if timings is not None:
        timings["planning"] = planning
        timings["committing"] = record.seconds
        timings["bookkeeping"] = book + record.seconds
        timings["total"] = time.perf_counter() - started
    outcome = [finished.get(i.id, i) for i in items]
    return [i for i in outcome if i.status != "skipped"] + problems  # criteria files left out


def _still(item: Item, old: dict[str, Any] | None, options: BatchOptions, environment: str) -> bool:
    """Whether an earlier run's output of ``item`` is still what its sources give (then
    ``item`` takes its result)."""
    if options.force or old is None:
        return False
    status = old.get("status")
    if status not in ("rendered", "unchanged", "skipped", "not_awarded"):
        return False
    key = old.get("key")
    if status in ("rendered", "unchanged") and not (key and (options.out_dir / key).is_file()):
        return False
    if not is_unchanged(old, environment, options.settings(item.kind)):
        return False
    item.take_result_of(old)
    item.output = str(options.out_dir / key) if key else None  # where it is now
    return True


@dataclass
class _Record:
    """What a run has finished, on disk (the journal) and in memory, kept in step."""

    journal: Journal
    finished: dict[str, Item]
    ledger: Ledger
    seconds: float = 0.0  # spent committing and journalling: bookkeeping

    def keep(self, items: list[Item]) -> None:
        """Journal finished items (call it with signals held, after their commit)."""
        for item in items:
            self.finished[item.id] = item
        self.journal.append(*items)


def _commit(found: list[tuple[Item, dict[str, Any]]], out_dir: Path, record: _Record) -> list[Item]:
    """Claim, rename into place and record the finished outputs, as one step signals cannot
    split (a group at once: what a worker has sent since it was last heard)."""
    started = time.perf_counter()
    items = []
    for item, facts in found:
        for key, value in facts.items():
            if key != "temporary":
                setattr(item, key, value)
        item.sources = [tuple(s) for s in item.sources]  # type: ignore[misc]
        items.append(item)
    with signals_held():
        ready = []
        for item, facts in found:
            temporary = facts.get("temporary")
            if temporary is None:
                continue
            refused = record.ledger.refuse(item)
            if refused is not None:
                discard(temporary)
                item.status, item.error, item.output = "failed", refused, None
            else:
                ready.append((item, temporary))
        record.journal.claim(item.key for item, _ in ready if item.key)
        for item, temporary in ready:
            try:  # the worker checked the output against the file's own sources
                commit(temporary, out_dir / str(item.key), record.ledger.inputs)
            except OutputError as exc:
                discard(temporary)
                item.status, item.error, item.output = "failed", str(exc), None
        record.keep(items)
    record.seconds += time.perf_counter() - started
    return items


def _run(
    todo: list[Job],
    options: BatchOptions,
    environment: str,
    record: _Record,
    stop: Stop | None = None,
) -> Iterator[Item]:
    """Render `todo` in worker processes; yield each item once it is recorded.

    Whatever interrupts the run, ``record`` holds exactly the outputs finished.
    """
    yield from run_jobs(
        todo,
        options,
        environment,
        lambda found: _commit(found, options.out_dir, record),
        lambda failed: _failed(failed, record),
        stop,
    )


def _failed(items: list[Item], record: _Record) -> list[Item]:
    """Record files that failed without an output (a dead worker's)."""
    with signals_held():
        record.keep(items)
    return items
