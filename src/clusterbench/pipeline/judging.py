"""Many assessment files judged for their labels: read, checked and scored once each.

What the register and `history` need of a file is small: who, which criteria, when, the
level reached and its validity, and the body's decision.  Files are read by the one
reader (their previous chains checked as `validate` checks them) and scored without
explanations (levels and validity only), each with its previous assessment scored once.
Above a few hundred files the work is shared by worker processes, one folder to one
worker (a folder holds an organisation's history, so chains stay within a worker); each
worker sends back only these small records.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import signal
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import ClusterbenchError, InputError
from ..loader.assessment import CheckedAssessment
from ..loader.chain import AssessmentReader
from ..loader.kinds import detect_kind
from ..loader.library import CriteriaLibrary
from ..loader.reader import find_files
from ..loader.source import read_document
from ..models.assessment import Decision, Organisation
from ..models.criteria import Criteria
from ..models.result import DesignationResult, RelatedResult, ValidityResult
from .awards import awarded_validity
from .scoring import Scored, check_decision, score_checked

__all__ = ["Judged", "Judgement", "Problem", "Select", "WorkerError", "judge_files"]

Select = Callable[[Organisation], bool]

_PARALLEL_FROM = 400
"""Files from which worker processes pay for their start."""


@dataclass(frozen=True, slots=True)
class Problem:
    """A file the register could not use, or organisations it could not tell apart."""

    file: str
    message: str


@dataclass(frozen=True, slots=True)
class Judged:
    """One assessment file as the register needs it."""

    path: Path
    organisation: Organisation
    criteria: str
    """The key of its criteria in :attr:`Judgement.criteria` (their content hash)."""
    date: dt.date
    report_id: str | None
    decision: Decision | None
    level: str | None
    """The level the answers reach."""
    validity: ValidityResult | None
    """The validity of the level awarded (see :func:`~clusterbench.pipeline.awards.awarded_validity`)."""
    designations: tuple[DesignationResult, ...] = ()
    """Its criteria's designations as decided on the assessment date."""
    share: Decimal | None = None
    """The share of the points reached (None when the criteria award no points)."""
    related: tuple[RelatedResult, ...] = ()
    """The related sets' outcomes it was scored with (for designations on a later day
    when the register holds no label of that set)."""


@dataclass
class Judgement:
    """What judging a set of files found."""

    judged: list[Judged] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    names: set[tuple[str, str]] = field(default_factory=set)
    """(name, country) of every organisation found, selected or not."""
    criteria: dict[str, Criteria] = field(default_factory=dict)

    def merge(self, other: Judgement) -> None:
        """Add what another worker found."""
        self.judged += other.judged
        self.problems += other.problems
        self.names |= other.names
        self.criteria.update(other.criteria)


class _Judge:
    """Judges files with one reader; each file's previous is scored once."""

    def __init__(self, library: CriteriaLibrary | None, select: Select | None) -> None:
        self.library = library or CriteriaLibrary()
        self.reader = AssessmentReader(self.library)
        self.select = select
        self.scored: dict[Path, Scored | None] = {}
        self.found = Judgement()

    def folder(self, paths: Iterable[Path]) -> None:
        # A reader per folder: it keeps every file it read (with its parsed nodes) for
        # the chains that refer to it, and a folder's chains end in the folder.
        self.reader = AssessmentReader(self.library)
        checked: dict[Path, CheckedAssessment] = {}
        for path in paths:
            entry = self._check(path)
            if entry is not None:
                checked[path.resolve()] = entry
        for key, entry in checked.items():
            scored = self._score(key, entry, checked, frozenset())
            if scored is not None:
                self._keep(scored)
        self.scored.clear()  # a folder's chains are done: memory stays flat

    def _check(self, path: Path) -> CheckedAssessment | None:
        try:
            document = read_document(path)
        except InputError as exc:
            self.found.problems.append(Problem(os.fspath(path), str(exc.issues[0])))
            return None
        if detect_kind(document) != "assessment":
            return None  # criteria files and others in the same folders
        try:
            checked = self.reader.read(path, document=document)
        except InputError as exc:
            self.found.problems.append(Problem(os.fspath(path), str(exc.issues[0])))
            return None
        if not checked.ok or checked.assessment is None:
            first = next(i for i in checked.issues if i.is_error)
            self.found.problems.append(Problem(os.fspath(path), str(first)))
            return None
        org = checked.assessment.organisation
        self.found.names.add((org.name, org.country))
        return checked if self.select is None or self.select(org) else None

    def _score(
        self,
        key: Path,
        entry: CheckedAssessment,
        folder: dict[Path, CheckedAssessment],
        active: frozenset[Path],
    ) -> Scored | None:
        if key in self.scored:
            return self.scored[key]
        path = Path(entry.document.file)
        assessment = entry.assessment
        assert assessment is not None
        previous: Scored | None = None
        stated = assessment.previous
        if stated is not None and stated.file is not None:
            prior = (path.parent / stated.file).resolve()
            if prior in folder and prior not in active:
                previous = self._score(prior, folder[prior], folder, active | {key})
                if previous is None:
                    why = f"its previous assessment {stated.file} cannot be scored"
                    self.found.problems.append(Problem(os.fspath(path), why))
                    self.scored[key] = None
                    return None
            # else: a previous outside these files is scored from the checked chain
        library = self.reader.library
        scored: Scored | None
        try:
            scored = score_checked(
                entry, path=path, library=library, previous=previous, explain=False
            )
        except ClusterbenchError as exc:
            self.found.problems.append(Problem(os.fspath(path), str(exc)))
            scored = None
        wrong = check_decision(scored, entry.document) if scored is not None else None
        if wrong is not None:  # a label the answers do not support is not counted
            self.found.problems.append(Problem(os.fspath(path), str(wrong)))
            scored = None
        self.scored[key] = scored
        return scored

    def _keep(self, scored: Scored) -> None:
        criteria = scored.criteria
        self.found.criteria.setdefault(criteria.content_hash, criteria)
        assessment = scored.assessment
        self.found.judged.append(
            Judged(
                path=scored.path or Path(),
                organisation=assessment.organisation,
                criteria=criteria.content_hash,
                date=assessment.date,
                report_id=assessment.assessment.report_id,
                decision=assessment.decision,
                level=scored.result.level,
                validity=awarded_validity(scored),
                designations=scored.result.designations,
                share=scored.result.score.share,
                related=scored.result.related,
            )
        )


def _folders(files: Sequence[Path]) -> list[list[Path]]:
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for path in files:
        by_folder[path.parent].append(path)
    return list(by_folder.values())


def _work(
    folders: list[list[Path]], library: CriteriaLibrary | None, select: Select | None
) -> Judgement:
    """A worker's share (and a serial run's): kept apart from :func:`_judge`, which the
    parent calls for its own share, so that a worker can be told apart from the parent."""
    return _judge(folders, library, select)


def _judge(
    folders: list[list[Path]], library: CriteriaLibrary | None, select: Select | None
) -> Judgement:
    judge = _Judge(library, select)
    # What a folder leaves behind (its records, the criteria read) lives to the end: moved
    # out of the collector's reach after each folder, so that its full collections do not
    # walk a heap that only grows (about a third of the time of a large register).  A
    # folder leaves almost no cyclic garbage; it is collectable again at the end.
    try:
        for paths in folders:
            judge.folder(paths)
            gc.freeze()
    finally:
        gc.unfreeze()
    return judge.found


class WorkerError(Exception):
    """An unforeseen error in a worker process, raised again in the parent: a bug, not a
    problem of the files (which are Problems).  Its cause carries the worker's traceback."""


class _InWorkerError(Exception):
    """The traceback of the worker, shown as the cause of a WorkerError."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f'\n"""\n{self.text}"""'


def _worker(connection: Connection, folders: list[list[Path]], select: Select | None) -> None:
    import traceback

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: end at once
    try:
        try:
            found: Judgement | tuple[bool, str, str, str] = _work(folders, None, select)
        except Exception as exc:  # sent back, so that the parent says it as it is
            on_purpose = isinstance(exc, ClusterbenchError)
            found = (on_purpose, type(exc).__name__, str(exc), traceback.format_exc())
        connection.send(found)
    finally:
        connection.close()


def judge_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    library: CriteriaLibrary | None = None,
    select: Select | None = None,
    jobs: int | None = None,
) -> tuple[Judgement, list[Path]]:
    """Every assessment under ``paths`` judged, and every file looked at.

    ``select`` keeps only the organisations it accepts (asked before scoring);
    ``jobs`` worker processes share the work (default: one per core; many files only).
    """
    found = find_files(paths, (".yaml", ".yml"))
    files = list(found.files)
    folders = _folders(files)
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    usable = "fork" in multiprocessing.get_all_start_methods()
    if jobs <= 1 or len(files) < _PARALLEL_FROM or len(folders) < 2 or not usable:
        judgement = _work(folders, library, select)
    else:
        judgement = _parallel(folders, select, jobs)
    judgement.problems[:0] = [Problem(i.file, i.message) for i in found.issues]
    return judgement, files


def _parallel(folders: list[list[Path]], select: Select | None, jobs: int) -> Judgement:
    shares: list[list[list[Path]]] = [[] for _ in range(min(jobs, len(folders)))]
    loads = [0] * len(shares)
    for paths in sorted(folders, key=len, reverse=True):  # the largest first, to the least loaded
        least = loads.index(min(loads))
        shares[least].append(paths)
        loads[least] += len(paths)
    # Fork: each worker starts with the parent's imports and the selection function.  The
    # parent judges the first share itself (one process fewer, and its records need no
    # sending), once the others are started.
    context = multiprocessing.get_context("fork")
    own, shares = shares[0], shares[1:]
    running = []
    for share in shares:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(send, share, select), daemon=True)
        process.start()
        send.close()
        running.append((process, receive))
    try:
        judgement = _judge(own, None, select)
        for (process, receive), share in zip(running, shares, strict=True):
            try:
                found = _received(receive)
            except EOFError:  # the worker died: say so, never return a register without it
                process.join()
                if process.exitcode in (-signal.SIGTERM, -signal.SIGINT):
                    raise KeyboardInterrupt from None  # stopped with the run, not failed
                count = sum(len(paths) for paths in share)
                raise ClusterbenchError(
                    f"a worker process stopped (exit {process.exitcode}) while judging "
                    f"{count} files; run again with --jobs 1 to see why"
                ) from None
            if not isinstance(found, Judgement):
                on_purpose, kind, message, remote = found
                if on_purpose:
                    raise ClusterbenchError(message)
                raise WorkerError(f"{kind}: {message} (in a worker process)") from (
                    _InWorkerError(remote)
                )
            judgement.merge(found)
            process.join()
    finally:
        for process, receive in running:
            receive.close()
            if process.is_alive():
                process.kill()
                process.join()
    return judgement


def _received(receive: Connection) -> Judgement | tuple[bool, str, str, str]:
    """A worker's records (or the error it sent back), unpickled without the collector:
    unpickling makes no garbage cycles, and the collector's passes over the growing heap
    would triple its time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        found: Judgement | tuple[bool, str, str, str] = receive.recv()
        return found
    finally:
        if enabled:
            gc.enable()
