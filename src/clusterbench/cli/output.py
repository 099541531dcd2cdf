"""Where a command's product goes: ``-o FILE``, or standard output (``-o -``, or no ``-o``).

Every command that writes a product (a report, a certificate, a cohort, a register, a
questionnaire, a migrated assessment) goes through :class:`Target`, so that for all of
them

* a wrong target costs nothing: it is checked before any work (an input of the run, a
  folder, a FIFO, an existing file without ``--force`` where the command asks for it,
  a folder that does not exist: ``-o`` never makes folders);
* a binary product (a PDF) is refused on a terminal, where it would be unreadable;
* the product reaches standard output as bytes, unaltered, whatever its encoding;
* "wrote …" is said only after the product is whole, on standard error when standard
  output is the product itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import OutputError
from ..pipeline.files import STDOUT, Inputs, check_output, check_stdout, write_atomically
from .console import StreamError, discard_output, emit
from .status import UsageError

__all__ = ["Target"]


class Target:
    """The ``-o`` of one command: a file, or standard output when ``given`` is ``-`` or None."""

    def __init__(self, given: str | None) -> None:
        self.given = given
        self.to_stdout = given is None or given == STDOUT

    @property
    def path(self) -> Path | None:
        """The file to write, or None for standard output."""
        return None if self.to_stdout or self.given is None else Path(self.given)

    def check(
        self,
        inputs: Inputs | None = None,
        *,
        force: bool | None = None,
        binary: str | None = None,
    ) -> None:
        """Refuse a target that cannot be written, before any work.

        ``force=False``: an existing file is refused (a command with ``--force``);
        ``binary``: what the product is ("a PDF"), refused on a terminal.
        """
        path = self.path
        if path is None:
            # The shell opened a redirection before the run: `-o - >> a.yaml` would append
            # to an input of the run.
            check_stdout(sys.stdout.buffer, inputs)
            if binary is not None and sys.stdout.isatty():
                raise UsageError(
                    f"{binary} on a terminal is unreadable; redirect it: -o - > {_example(binary)}"
                )
            return
        shown = os.fspath(path)
        if force is False and os.path.lexists(path):
            raise UsageError(f"{shown} exists; use --force to overwrite it")
        folder = path.parent
        if os.fspath(folder) and not os.path.lexists(folder):
            raise OutputError(f"{shown}: the folder {folder} does not exist; make it first")
        check_output(path, inputs)

    def write(self, data: bytes, inputs: Inputs | None = None) -> str:
        """Write the product, whole; where it went ("standard output" or the file)."""
        path = self.path
        if path is None:
            check_stdout(sys.stdout.buffer, inputs)
            emit(data)
            return "standard output"
        return os.fspath(write_atomically(path, data, inputs=inputs))

    @property
    def stdout(self) -> BinaryIO:
        """Standard output as bytes, for a writer that takes a stream (text written before
        is flushed first)."""
        sys.stdout.flush()
        return sys.stdout.buffer

    @property
    def notes(self) -> TextIO:
        """Where to say what was written: standard error when standard output is the product."""
        return sys.stderr if self.to_stdout else sys.stdout

    def say(self, text: str) -> None:
        """A note about the product ("wrote …"), said after it is whole.  A note that cannot
        be said (standard output closed or full) does not undo a product written."""
        try:
            print(text, file=self.notes, flush=True)
        except StreamError:
            discard_output()  # the product is whole; only the note is lost


def _example(binary: str) -> str:
    return "certificate.pdf" if "certificate" in binary else "report.pdf"
