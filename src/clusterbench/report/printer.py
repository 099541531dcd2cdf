"""WeasyPrint made ready while the report is written: a helper process for one PDF.

A fresh `clusterbench report` would spend a third of a second importing WeasyPrint
(Pango, HarfBuzz, fonts) after loading, scoring and templating, one after the other.
:meth:`Printer.start` forks a child at the command's start that imports WeasyPrint
and primes fontconfig while the parent loads, scores and writes the HTML;
the parent then hands the HTML over a pipe, and the child lays it out and returns the
PDF's bytes.  On a machine with two cores the two halves overlap, and the whole
command takes about what WeasyPrint alone takes.

The child does one job and exits.  It ends with its parent: an interrupt or a
termination sent to the process group ends it too (it takes the default action of
both signals), a parent that exits without a job closes the pipe (the child reads
the end of it and exits), and a parent that dies while the child writes makes the
write fail.  Where ``os.fork`` is missing, :meth:`start` gives None and the report is
made in-process, as the library's `render_pdf` always does.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ClusterbenchError, ReportError
from .pdf import Embedded, PdfResult

__all__ = ["Printer"]


class Printer:
    """A child process, importing WeasyPrint now, that will render one PDF."""

    def __init__(self, pid: int, jobs: int, results: int) -> None:
        self.pid = pid
        self._jobs: int | None = jobs
        self._results: int | None = results

    @classmethod
    def start(cls) -> Printer | None:
        """Fork the child (None where processes cannot be forked)."""
        if not hasattr(os, "fork"):  # pragma: no cover - POSIX only
            return None
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: it never returns
            os.close(job_write)
            os.close(result_read)
            _serve(job_read, result_write)
        os.close(job_read)
        os.close(result_write)
        return cls(pid, job_write, result_read)

    def render(
        self,
        html: str,
        *,
        base: Path,
        roots: Sequence[Path],
        attachments: Sequence[Embedded],
        date: dt.date,
        variant: str | None = None,
    ) -> PdfResult:
        """The PDF of one job, as :func:`~.pdf.html_to_pdf` would make it here."""
        assert self._jobs is not None, "one job per printer"
        assert self._results is not None, "one job per printer"
        job = {
            "html": html,
            "base": base,
            "roots": list(roots),
            "attachments": list(attachments),
            "date": date,
            "variant": variant,
        }
        jobs, self._jobs = self._jobs, None
        with os.fdopen(jobs, "wb") as pipe:
            pickle.dump(job, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        results, self._results = self._results, None
        with os.fdopen(results, "rb") as pipe:
            answer = pipe.read()
        status = self._reap()
        if not answer:
            raise ReportError(f"the PDF process ended without a PDF ({_how(status)})")
        kind, value = pickle.loads(answer)  # our own child's bytes
        if kind == "pdf":
            assert isinstance(value, PdfResult)
            return value
        if kind == "error":
            assert isinstance(value, ClusterbenchError)
            raise value
        raise RuntimeError(f"the PDF process failed:\n{value}")

    def close(self) -> None:
        """End the child if no job was given (it reads the end of the pipe), and reap it."""
        for name in ("_jobs", "_results"):
            fd = getattr(self, name)
            if fd is not None:
                os.close(fd)
                setattr(self, name, None)
        if self.pid:
            self._reap()

    def _reap(self) -> int:
        pid, self.pid = self.pid, 0
        if not pid:
            return 0
        while True:
            try:
                return os.waitpid(pid, 0)[1]
            except InterruptedError:  # pragma: no cover - retried by Python itself
                continue
            except ChildProcessError:  # pragma: no cover - reaped elsewhere
                return 0


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.WEXITSTATUS(status)}"


def _serve(jobs: int, results: int) -> None:  # pragma: no cover - runs in the child
    """Import WeasyPrint, wait for one job, answer it, exit without Python's clean-up."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the child quietly
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    code = 0
    try:
        from .pdf import html_to_pdf, warm_up

        warm_up()  # WeasyPrint and the fonts, before the HTML arrives
        with os.fdopen(jobs, "rb") as pipe:
            data = pipe.read()
        if data:
            job = pickle.loads(data)
            try:
                answer: tuple[str, Any] = ("pdf", html_to_pdf(**job))
            except ClusterbenchError as exc:
                answer = ("error", exc)
            except BaseException:  # a bug: the parent reports it as one
                answer = ("crash", traceback.format_exc())
            with os.fdopen(results, "wb") as pipe:
                pipe.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # never run the parent's atexit handlers or flush its buffers twice
