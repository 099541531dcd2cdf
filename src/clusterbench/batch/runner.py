"""Scoring and rendering many assessments: own worker processes, incremental, interruptible.

The batch manages its worker processes itself: each has its own pipe to the parent and
nothing is shared, so no lock can be left held by a process that dies (the way
``multiprocessing.Pool.terminate`` deadlocks when SIGTERM reaches the whole process
group).  A worker keeps its criteria library, cohort, Jinja environment and fonts for
its life and, for PDFs, is replaced after `recycle` reports so that memory does not
grow with the batch.

A worker writes each output to a temporary file beside its target; only the parent
renames it into place and appends it to the journal, in one step that signals cannot
split.  So whatever stops a batch — Ctrl-C, SIGTERM to it or to its whole process
group, a killed worker — every output on disk is whole and the manifest lists exactly
the outputs that were finished.  One bad, unreadable or oversized file is that file's
located error; every other report is written.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import FrameType
from typing import Any

from ..errors import ClusterbenchError, OutputError, ReportError
from ..loader.chain import AssessmentReader
from ..loader.kinds import detect_kind
from ..loader.library import CriteriaLibrary
from ..loader.reader import find_files
from ..loader.source import read_document
from ..models.cohort import Cohort
from ..pipeline.cohort import load_cohort
from ..pipeline.files import (
    Inputs,
    check_output,
    commit,
    discard,
    remove_stale_temporaries,
    temporary_for,
)
from ..pipeline.scoring import Scored, score_parsed
from .planning import (
    MANIFEST,
    BatchOptions,
    Item,
    Journal,
    environment_hash,
    fingerprint,
    folder_item,
    inputs_of,
    is_unchanged,
    plan,
    read_manifest,
    sources_of,
    write_manifest,
)

__all__ = ["check_options", "run_batch"]

_STOP_GRACE = 2.0
"""Seconds a stopped worker gets to remove its temporary file before it is killed."""
_CHUNK = 8
"""Most files handed to a worker at once (fewer near the end, so that all finish together)."""
_STILLBORN = 3
"""Workers in a row that die before finishing a file, after which none is started again."""
_SUFFIXES = (".yaml", ".yml")


def check_options(options: BatchOptions) -> Cohort | None:
    """Raise a ClusterbenchError for options no file could be rendered with; the cohort."""
    if options.form != "json":
        from ..report.options import LANGUAGES
        from ..report.templating import template_dirs

        if options.language is not None and options.language not in LANGUAGES:
            raise ReportError(
                f"reports are written in {', '.join(LANGUAGES)}, not {options.language!r}"
            )
        template_dirs(options.templates)
    out = options.out_dir
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is not a folder; batch writes its reports into a folder")
    check_output(out / MANIFEST)
    return load_cohort(options.cohort) if options.cohort is not None else None


# ------------------------------------------------------------------- workers
@dataclass
class _State:
    options: BatchOptions
    environment: str
    library: CriteriaLibrary | None = None
    cohort: Cohort | None = None
    broken: str | None = None


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    # At once, and without raising: an exception raised here could land in a garbage-
    # collection callback and be dropped.  The batch removes what this worker leaves (its
    # temporary file carries this process's id).
    os._exit(143)


def _serve(connection: Connection, options: BatchOptions, environment: str) -> None:
    """A worker process: render the files it is sent until it is told to stop."""
    # The parent handles Ctrl-C for the whole batch; SIGTERM stops a worker cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    state = _State(options, environment)
    try:
        state.library = CriteriaLibrary()
        state.cohort = load_cohort(options.cohort) if options.cohort is not None else None
    except Exception as exc:  # every file of this worker fails with the reason
        state.broken = f"{type(exc).__name__}: {exc}"
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return  # the parent has gone
        if message[0] == "stop":
            return
        for index, job in message[1]:
            connection.send(("done", index, _render(job, state)))


def _render(job: Item, state: _State) -> dict[str, Any]:
    started = time.perf_counter()
    result: dict[str, Any] = {"status": "failed"}
    try:
        if state.broken is not None:
            raise ReportError(f"the worker could not start: {state.broken}")
        result = _render_one(job, state)
    except ClusterbenchError as exc:
        issues = getattr(exc, "issues", None)
        result["error"] = "\n".join(str(i) for i in issues) if issues else str(exc)
    except Exception as exc:  # a bug must not stop the batch either: it is reported per file
        result["error"] = f"internal error: {type(exc).__name__}: {exc}"
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


def _render_one(job: Item, state: _State) -> dict[str, Any]:
    options = state.options
    document = read_document(job.input)
    if detect_kind(document) in ("criteria", "cohort"):
        sources, when = sources_of([job.input])
        return {"status": "skipped", "sources": sources, "hashed_at": when}
    # One reader per file: a long-lived worker must not keep every file it has read.
    reader = AssessmentReader(state.library)
    scored = score_parsed(job.input, document, reader=reader, cohort=state.cohort)
    real = check_output(job.output, Inputs(scored.sources))
    data = _output(scored, options)
    handle, temporary = temporary_for(real)
    try:
        with open(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        sources, when = sources_of(scored.sources)
    except BaseException:
        discard(temporary)
        raise
    result = scored.result
    facts: dict[str, Any] = {
        "status": "rendered",
        "temporary": str(temporary),
        "sources": sources,
        "hashed_at": when,
        "fingerprint": fingerprint(state.environment, sources),
        "level": result.level,
        "points": float(result.score.points),
        "max_points": float(result.score.max_points),
        "share": float(result.score.share) if result.score.share is not None else None,
        "criteria": result.criteria.id,
        "criteria_hash": result.criteria.hash,
    }
    if state.cohort is not None:
        from ..scoring.peers import why_no_peers

        facts["peers"] = result.peers.group if result.peers is not None else None
        facts["note"] = None if result.peers is not None else why_no_peers(result, state.cohort)
    return facts


def _output(scored: Scored, options: BatchOptions) -> bytes:
    if options.form == "json":
        return (scored.result.model_dump_json(indent=2) + "\n").encode("utf-8")
    from ..report.render import pdf_report, render_html

    if options.form == "html":
        html = render_html(
            scored,
            language=options.language,
            audience=options.audience,
            templates=options.templates,
        )
        return html.encode("utf-8")
    return pdf_report(
        scored,
        language=options.language,
        audience=options.audience,
        templates=options.templates,
    ).data


# --------------------------------------------------------------------- batch
def run_batch(
    source: Path,
    options: BatchOptions,
    *,
    progress: Callable[[Item, int, int], None] | None = None,
    timings: dict[str, float] | None = None,
) -> list[Item]:
    """Render every assessment under `source` into `options.out_dir`; write the manifest.

    Returns every item with its status (criteria files found are left out).  Raises a
    ClusterbenchError before any work when the options are wrong (see `check_options`).
    On KeyboardInterrupt (or SIGTERM) the workers are stopped, their temporary files
    removed, the manifest records exactly what was finished, and the interruption is
    raised again.  ``timings``, when given, receives the seconds spent on bookkeeping
    (planning, committing, the journal and the manifest) and in all.
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
    items = plan(source, options, found.files)
    inputs = inputs_of(found.files, options)
    before = read_manifest(options.out_dir)
    todo = []
    for item in items:
        old = before.get(item.key)
        if (
            not options.force
            and old is not None
            and old.get("status") in ("rendered", "unchanged", "skipped")
            and (old.get("status") == "skipped" or Path(item.output).is_file())
            and is_unchanged(old, environment)
        ):
            item.take_result_of(old)
        else:
            todo.append(item)
    finished: dict[str, Item] = {i.key: i for i in items if i.status in ("unchanged", "skipped")}
    problems = [folder_item(issue) for issue in found.issues]
    journal = Journal(options.out_dir)
    record = _Record(journal, finished)
    book = planning = time.perf_counter() - started
    done = len(finished)
    total = len(items) + len(problems)
    for problem in problems:
        done += 1
        if progress is not None:
            progress(problem, done, total)

    def save() -> None:
        kept = [finished[i.key] for i in items if i.key in finished]
        write_manifest(options, [*kept, *problems])
        journal.remove()

    try:
        with _stopping() as stop:
            for result in _run(todo, options, environment, inputs, record, stop):
                tick = time.perf_counter()
                done += 1
                if progress is not None and result.status != "skipped":
                    progress(result, done, total)
                book += time.perf_counter() - tick
    except KeyboardInterrupt:
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
    outcome = [finished.get(i.key, i) for i in items]
    return [i for i in outcome if i.status != "skipped"] + problems  # criteria files left out


class _Stop:
    """Ctrl-C and SIGTERM, turned into a flag and a byte on a pipe the main loop waits on.

    A handler that raises could fire anywhere, even inside a garbage-collection callback,
    where Python prints "Exception ignored" and drops it; so the batch stops only where
    it looks: between two waits, never half-way through a commit.
    """

    def __init__(self) -> None:
        self.asked = False
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)

    def fileno(self) -> int:
        """The pipe's end to wait on (multiprocessing.connection.wait takes it)."""
        return self._read

    def handle(self, signum: int, frame: FrameType | None) -> None:
        self.asked = True
        with contextlib.suppress(OSError):  # the pipe is full: it is awake anyway
            os.write(self._write, b"!")

    def check(self) -> None:
        """Raise KeyboardInterrupt when a stop was asked for."""
        if self.asked:
            raise KeyboardInterrupt

    def close(self) -> None:
        os.close(self._read)
        os.close(self._write)


@contextlib.contextmanager
def _stopping() -> Iterator[_Stop | None]:
    """SIGINT and SIGTERM (Ctrl-C, a CI timeout, a service stop) stop the batch cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield None  # only the main thread receives signals
        return
    stop = _Stop()
    previous = {sig: signal.signal(sig, stop.handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
        stop.check()  # asked for after the last wait
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        stop.close()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for a moment (they arrive when it ends): a commit and its
    journal line happen both or neither."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@dataclass
class _Record:
    """What a run has finished, on disk (the journal) and in memory, kept in step."""

    journal: Journal
    finished: dict[str, Item]
    seconds: float = 0.0  # spent committing and journalling: bookkeeping

    def keep(self, items: list[Item]) -> None:
        """Journal finished items (call it with signals held, after their commit)."""
        self.journal.append(*items)
        for item in items:
            self.finished[item.key] = item


@dataclass
class _Worker:
    process: Any
    connection: Connection
    pending: list[int] = field(default_factory=list)
    given: int = 0
    done: int = 0


def _start(context: Any, options: BatchOptions, environment: str) -> _Worker:
    ours, theirs = context.Pipe(duplex=True)
    process = context.Process(
        target=_serve, args=(theirs, options, environment), name="clusterbench-batch", daemon=True
    )
    process.start()
    theirs.close()
    return _Worker(process, ours)


def _run(
    todo: list[Item],
    options: BatchOptions,
    environment: str,
    inputs: Inputs,
    record: _Record,
    stop: _Stop | None = None,
) -> Iterator[Item]:
    """Render `todo` in worker processes; yield each item once it is recorded.

    Whatever interrupts the run, ``record`` holds exactly the files finished; ``stop``
    is woken by Ctrl-C and SIGTERM.
    """
    if not todo:
        return
    context = multiprocessing.get_context("spawn")  # a clean interpreter per worker
    jobs = max(1, min(options.jobs, len(todo)))
    recycle = options.recycle if options.form == "pdf" else 0  # WeasyPrint's memory grows
    queue = list(reversed(range(len(todo))))  # popped from the end: in order
    workers: list[_Worker] = []
    stillborn = 0  # workers in a row that died before finishing one file
    try:
        workers = [_start(context, options, environment) for _ in range(jobs)]
        while queue or any(w.pending for w in workers):
            for n, worker in enumerate(workers):
                if recycle and worker.given >= recycle and not worker.pending and queue:
                    _retire(worker)
                    worker = workers[n] = _start(context, options, environment)
                _feed(worker, todo, queue, jobs, recycle)
            waited: list[Any] = [w.connection for w in workers]
            waited += [w.process.sentinel for w in workers]
            ready = set(wait([*waited, stop.fileno()] if stop is not None else waited))
            if stop is not None:
                stop.check()
            for worker in list(workers):
                if worker.connection not in ready and worker.process.sentinel not in ready:
                    continue
                results, closed = _receive(worker)
                if results:
                    yield from _commit([(todo[i], facts) for i, facts in results], inputs, record)
                if closed or not worker.process.is_alive():
                    worker.process.join()
                    yield from _failed(list(_lost(worker, todo)), record)
                    workers.remove(worker)
                    with contextlib.suppress(OSError):
                        worker.connection.close()
                    stillborn = stillborn + 1 if worker.done == 0 else 0
                    if stillborn >= _STILLBORN:
                        # Workers die as they start (a broken installation): say so for
                        # every file left, rather than start workers for ever.
                        gone = list(_unstartable(todo, queue, worker.process.exitcode))
                        yield from _failed(gone, record)
                    elif queue:
                        workers.append(_start(context, options, environment))
    finally:
        _shutdown(workers, options.out_dir)


def _receive(worker: _Worker) -> tuple[list[tuple[int, dict[str, Any]]], bool]:
    """Every result the worker has sent, and whether its pipe has closed (it died)."""
    results = []
    try:
        while worker.connection.poll():
            _, index, facts = worker.connection.recv()
            worker.pending.remove(index)
            worker.done += 1
            results.append((index, facts))
    except Exception:  # EOF, or a message cut off when it was killed
        return results, True
    return results, False


def _feed(worker: _Worker, todo: list[Item], queue: list[int], jobs: int, recycle: int) -> None:
    """Give a worker more files when it is about to run out (its pipe stays busy)."""
    if len(worker.pending) > 1 or not queue:
        return
    room = _CHUNK if not recycle else min(_CHUNK, recycle - worker.given)
    if room <= 0:
        return
    size = max(1, min(room, len(queue) // (jobs * 2)))
    chunk = [queue.pop() for _ in range(min(size, len(queue)))]
    try:
        worker.connection.send(("work", [(index, todo[index]) for index in chunk]))
    except OSError:  # it has died: the files go back, its death is seen by the main loop
        queue.extend(reversed(chunk))
        return
    worker.pending += chunk
    worker.given += len(chunk)


def _commit(
    found: list[tuple[Item, dict[str, Any]]], inputs: Inputs, record: _Record
) -> list[Item]:
    """Rename the finished outputs into place and record them, as one step signals
    cannot split (a group at once: what a worker has sent since it was last heard)."""
    started = time.perf_counter()
    items = []
    for item, facts in found:
        for key, value in facts.items():
            if key != "temporary":
                setattr(item, key, value)
        item.sources = [tuple(s) for s in item.sources]  # type: ignore[misc]
        items.append(item)
    with _signals_held():
        for item, facts in found:
            temporary = facts.get("temporary")
            if temporary is None:
                continue
            try:  # the worker checked the output against the file's own sources
                commit(temporary, item.output, inputs)
            except OutputError as exc:
                discard(temporary)
                item.status, item.error = "failed", str(exc)
        record.keep(items)
    record.seconds += time.perf_counter() - started
    return items


def _failed(items: list[Item], record: _Record) -> list[Item]:
    """Record files that failed without an output (a dead worker's)."""
    with _signals_held():
        record.keep(items)
    return items


def _lost(worker: _Worker, todo: list[Item]) -> Iterator[Item]:
    """The files a worker had when it died: failed, unless the batch is being stopped."""
    code = worker.process.exitcode
    if code in (-signal.SIGTERM, -signal.SIGINT, 143, 130):
        raise KeyboardInterrupt  # the whole group is being stopped: stop with it
    if not worker.pending:
        return
    how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited ({code})"
    for index in worker.pending:
        item = todo[index]
        item.status = "failed"
        item.error = f"the worker process {how} while rendering this file"
        yield item
    worker.pending.clear()


def _unstartable(todo: list[Item], queue: list[int], code: int | None) -> Iterator[Item]:
    while queue:
        item = todo[queue.pop()]
        item.status = "failed"
        item.error = f"no worker process could start (the last exited with code {code})"
        yield item


def _retire(worker: _Worker) -> None:
    with contextlib.suppress(OSError, EOFError):
        worker.connection.send(("stop",))
    worker.process.join(timeout=_STOP_GRACE)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.connection.close()


def _shutdown(workers: list[_Worker], out_dir: Path) -> None:
    """Stop every worker (SIGTERM, then SIGKILL after a grace) and remove what they left."""
    for worker in workers:
        if worker.process.is_alive() and worker.pending:
            worker.process.terminate()
        else:
            with contextlib.suppress(OSError, EOFError, ValueError):
                worker.connection.send(("stop",))
    deadline = time.monotonic() + _STOP_GRACE
    for worker in workers:
        worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        with contextlib.suppress(OSError):
            worker.connection.close()
    remove_stale_temporaries(out_dir, recursive=True)  # of workers stopped mid-write
