"""A batch's worker process: it reads, scores and renders the inputs it is sent.

Each worker keeps its criteria library, cohort, Jinja environment and fonts for its
life.  It reads and scores an input once for all the outputs asked of it (its report,
its certificate), names each output (:mod:`.options`), and writes each to a temporary
file beside its target; only the parent renames it into place.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import FrameType
from typing import Any

from ..errors import ClusterbenchError, OutputError, ReportError
from ..loader.chain import AssessmentReader
from ..loader.kinds import detect_kind
from ..loader.library import CriteriaLibrary
from ..loader.source import read_document
from ..models.cohort import Cohort
from ..pipeline.cohort import load_cohort
from ..pipeline.files import Inputs, check_output, discard, temporary_for
from ..pipeline.scoring import Scored, score_parsed
from ..report.options import ReportLanguage
from .manifest import reserved
from .options import BatchOptions, fill_name
from .planning import Item, Job, Source, fingerprint, sources_of

__all__ = ["render_job", "serve"]


@dataclass
class State:
    """What a worker keeps for its life."""

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


def serve(connection: Connection, options: BatchOptions, environment: str) -> None:
    """A worker process: render the jobs it is sent until it is told to stop."""
    # The parent handles Ctrl-C for the whole batch; SIGTERM stops a worker cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    state = State(options, environment)
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
            connection.send(("done", index, render_job(job, state)))


def render_job(job: Job, state: State) -> list[dict[str, Any]]:
    """What became of each item of ``job``: facts to set on it (and a temporary to commit)."""
    started = time.perf_counter()
    try:
        if state.broken is not None:
            raise ReportError(f"the worker could not start: {state.broken}")
        results = _render(job, state)
    except ClusterbenchError as exc:
        results = [_failed(exc) for _ in job.items]
    except Exception as exc:  # a bug must not stop the batch either: it is reported per file
        results = [{"status": "failed", "error": f"internal error: {type(exc).__name__}: {exc}"}]
        results *= len(job.items)
    seconds = round((time.perf_counter() - started) / max(1, len(job.items)), 3)
    return [{**facts, "seconds": seconds} for facts in results]


def _failed(exc: Exception) -> dict[str, Any]:
    issues = getattr(exc, "issues", None)
    error = "\n".join(str(i) for i in issues) if issues else str(exc)
    return {"status": "failed", "error": error}


def _render(job: Job, state: State) -> list[dict[str, Any]]:
    document = read_document(job.input)
    if detect_kind(document) in ("criteria", "cohort"):
        sources, when = sources_of([job.input])
        return [
            {
                "status": "skipped",
                "sources": sources,
                "hashed_at": when,
                "fingerprint": _print(item, state, sources),
            }
            for item in job.items
        ]
    # One reader per file: a long-lived worker must not keep every file it has read.
    reader = AssessmentReader(state.library)
    scored = score_parsed(job.input, document, reader=reader, cohort=state.cohort)
    results = []
    for item in job.items:
        try:
            results.append(_make(item, scored, state))
        except ClusterbenchError as exc:
            results.append(_failed(exc))
    return results


def _print(item: Item, state: State, sources: list[Source]) -> str:
    return fingerprint(state.environment, state.options.settings(item.kind), sources)


def _make(item: Item, scored: Scored, state: State) -> dict[str, Any]:
    options = state.options
    logo = options.logo if item.kind == "report" and options.form != "json" else None
    sources, when = sources_of([*scored.sources, *([logo] if logo is not None else [])])
    result = scored.result
    facts: dict[str, Any] = {
        "sources": sources,
        "hashed_at": when,
        "fingerprint": _print(item, state, sources),
        "level": result.level,
        "points": float(result.score.points),
        "max_points": float(result.score.max_points),
        "share": float(result.score.share) if result.score.share is not None else None,
        "criteria": result.criteria.id,
        "criteria_hash": result.criteria.hash,
    }
    if state.cohort is not None and item.kind == "report":
        from ..scoring.peers import why_no_peers

        facts["peers"] = result.peers.group if result.peers is not None else None
        facts["note"] = None if result.peers is not None else why_no_peers(result, state.cohort)
    language = _language(
        scored, options.language, required=item.kind == "certificate" or options.form != "json"
    )
    facts["language"] = language
    if item.kind == "certificate":
        from ..report.certificate import certificate_pdf, certificate_refusal

        refused = certificate_refusal(scored)
        if refused is not None:
            return {**facts, "status": "not_awarded", "note": refused}
        data = certificate_pdf(scored, language=language)
    else:
        data = _output(scored, options, language)
    key = _key(item, scored, options, language)
    real = check_output(options.out_dir / key, Inputs(scored.sources))
    handle, temporary = temporary_for(real)
    try:
        with open(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        discard(temporary)
        raise
    return {
        **facts,
        "status": "rendered",
        "temporary": str(temporary),
        "key": key,
        "output": os.fspath(options.out_dir / key),
    }


def _language(
    scored: Scored, asked: ReportLanguage | None, *, required: bool
) -> ReportLanguage | None:
    from ..report.i18n import choose_language

    try:
        return choose_language(scored.criteria, asked)
    except ReportError:
        if required:
            raise
        return asked  # a Result is the same in every language: only its name may say one


def _key(item: Item, scored: Scored, options: BatchOptions, language: str | None) -> str:
    """The output's path inside the output folder (an OutputError for a reserved name)."""
    assessment = scored.assessment
    name = fill_name(
        options.template(item.kind),
        {
            "stem": item.stem,
            "lang": language,
            "audience": "certificate" if item.kind == "certificate" else options.audience,
            "organisation": assessment.organisation.name,
            "report_id": assessment.assessment.report_id,
        },
    )
    suffix = "pdf" if item.kind == "certificate" else options.form
    key = f"{item.folder}/{name}.{suffix}" if item.folder else f"{name}.{suffix}"
    problem = reserved(key)
    if problem is not None:
        raise OutputError(problem)
    return key


def _output(scored: Scored, options: BatchOptions, language: ReportLanguage | None) -> bytes:
    if options.form == "json":
        return (scored.result.model_dump_json(indent=2) + "\n").encode("utf-8")
    from ..report.render import pdf_report, render_html

    if options.form == "html":
        html = render_html(
            scored,
            language=language,
            audience=options.audience,
            accent=options.accent,
            logo=options.logo,
            templates=options.templates,
        )
        return html.encode("utf-8")
    return pdf_report(
        scored,
        language=language,
        audience=options.audience,
        accent=options.accent,
        logo=options.logo,
        templates=options.templates,
        pdf_variant=options.pdf_variant,
    ).data
