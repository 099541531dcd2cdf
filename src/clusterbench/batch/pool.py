"""The batch's worker processes: started, fed, recycled, and stopped by the batch itself.

Each worker has its own pipe to the parent and nothing is shared, so no lock can be
left held by a process that dies (the way ``multiprocessing.Pool.terminate`` deadlocks
when SIGTERM reaches the whole process group).  A worker that dies fails the files it
held; workers that die as they start stop being started.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ..pipeline.files import remove_stale_temporaries
from .options import BatchOptions
from .planning import Item, Job
from .signals import Stop
from .worker import serve

__all__ = ["Commit", "run_jobs"]

_STOP_GRACE = 2.0
"""Seconds a stopped worker gets to remove its temporary file before it is killed."""
_CHUNK = 8
"""Most files handed to a worker at once (fewer near the end, so that all finish together)."""
_STILLBORN = 3
"""Workers in a row that die before finishing a file, after which none is started again."""

Commit = Callable[[list[tuple[Item, dict[str, Any]]]], list[Item]]
"""Takes the items a worker finished, with what it found; returns them once recorded."""
Fail = Callable[[list[Item]], list[Item]]
"""Records items that failed without an output; returns them."""


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
        target=serve, args=(theirs, options, environment), name="clusterbench-batch", daemon=True
    )
    process.start()
    theirs.close()
    return _Worker(process, ours)


def run_jobs(
    todo: list[Job],
    options: BatchOptions,
    environment: str,
    commit: Commit,
    fail: Fail,
    stop: Stop | None = None,
) -> Iterator[Item]:
    """Render `todo` in worker processes; yield each item once ``commit`` (or ``fail``)
    has recorded it.  ``stop`` is woken by Ctrl-C and SIGTERM (a KeyboardInterrupt then)."""
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
                    yield from commit(
                        [
                            (item, facts)
                            for index, found in results
                            for item, facts in zip(todo[index].items, found, strict=True)
                        ]
                    )
                if closed or not worker.process.is_alive():
                    worker.process.join()
                    yield from fail(list(_lost(worker, todo)))
                    workers.remove(worker)
                    with contextlib.suppress(OSError):
                        worker.connection.close()
                    stillborn = stillborn + 1 if worker.done == 0 else 0
                    if stillborn >= _STILLBORN:
                        # Workers die as they start (a broken installation): say so for
                        # every file left, rather than start workers for ever.
                        yield from fail(list(_unstartable(todo, queue, worker.process.exitcode)))
                    elif queue:
                        workers.append(_start(context, options, environment))
    finally:
        _shutdown(workers, options.out_dir)


def _receive(worker: _Worker) -> tuple[list[tuple[int, list[dict[str, Any]]]], bool]:
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


def _feed(worker: _Worker, todo: list[Job], queue: list[int], jobs: int, recycle: int) -> None:
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


def _lost(worker: _Worker, todo: list[Job]) -> Iterator[Item]:
    """The files a worker had when it died: failed, unless the batch is being stopped."""
    code = worker.process.exitcode
    if code in (-signal.SIGTERM, -signal.SIGINT, 143, 130):
        raise KeyboardInterrupt  # the whole group is being stopped: stop with it
    if not worker.pending:
        return
    how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited ({code})"
    for index in worker.pending:
        for item in todo[index].items:
            item.status = "failed"
            item.error = f"the worker process {how} while rendering this file"
            yield item
    worker.pending.clear()


def _unstartable(todo: list[Job], queue: list[int], code: int | None) -> Iterator[Item]:
    while queue:
        for item in todo[queue.pop()].items:
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
