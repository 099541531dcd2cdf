"""The terminal's streams: text any encoding can carry, bytes unaltered, failures said.

Human text uses a few symbols (✓ ✗ · → …) and the letters of three languages (ø æ å ß
ä).  A stream that cannot encode them (a Windows console redirected to a file,
``PYTHONIOENCODING=cp1252``, ``LANG=C``) gets readable ASCII instead of a crash or a
question mark: one codec error handler, registered once, transliterates every character
(ø → o, æ → ae, ß → ss, ● → *, ─ → -), so no command needs to know which encoding it
writes to.  Machine-readable output (JSON, YAML, CSV, PDF) never goes through that
handler: :func:`emit` writes it to standard output as UTF-8 bytes, unaltered.

Standard output that cannot be written (a full disk, ``>&-``) is a clean
:class:`~clusterbench.OutputError`, never an internal error; a closed pipe (``| head``)
is left to the caller, which stops quietly.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
import unicodedata
from typing import TYPE_CHECKING, TextIO

from ..errors import OutputError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = ["FALLBACK", "StreamError", "discard_output", "emit", "prepare_streams", "transliterate"]

FALLBACK = "clusterbench-fallback"
"""The name of the codec error handler that writes ASCII stand-ins."""

_STAND_INS = {
    # letters without a decomposition, as the languages' own ASCII spellings write them
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "AE",
    "ß": "ss",
    "ẞ": "SS",
    "œ": "oe",
    "Œ": "OE",
    "ä": "ae",  # German writes ä, ö, ü as ae, oe, ue where they cannot be written
    "Ä": "Ae",
    "ö": "oe",
    "Ö": "Oe",
    "ü": "ue",
    "Ü": "Ue",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "ł": "l",
    "Ł": "L",
    "þ": "th",
    "Þ": "Th",
    "ı": "i",
    "µ": "u",
    "Σ": "Sum",
    # marks
    "✓": "ok",
    "✔": "ok",
    "✗": "x",
    "✘": "x",
    "·": "-",
    "•": "*",
    "●": "*",
    "○": "o",
    "◆": "*",
    "▲": "^",
    "▼": "v",
    "→": "->",
    "\ufffd": "_",  # a character of a file name that cannot be shown
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "⇒": "=>",
    "⇔": "<=>",
    "…": "...",
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    "≈": "~",
    "±": "+/-",
    "×": "x",
    "÷": "/",
    "−": "-",
    "⁄": "/",
    "°": " deg",
    "€": "EUR",
    "£": "GBP",
    "‰": "o/oo",
    "§": "S.",
    "©": "(c)",
    "®": "(R)",
    "™": "(TM)",
    # quotation marks
    "‘": "'",
    "’": "'",
    "‚": ",",
    "‹": "'",
    "›": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    # lines, boxes and bars
    "─": "-",
    "━": "-",
    "═": "=",
    "│": "|",
    "┃": "|",
    "║": "|",
    "├": "|",
    "┤": "|",
    "└": "`",
    "┌": "+",
    "┐": "+",
    "┘": "+",
    "┬": "+",
    "┴": "+",
    "┼": "+",
    "█": "#",
    "▓": "#",
    "▒": ":",
    "░": ".",
}

# What a character of a kind becomes when nothing else says: spaces, dashes, quotes,
# and marks that add nothing when the letter they sit on is kept.
_BY_CATEGORY = {"Zs": " ", "Pd": "-", "Pi": '"', "Pf": '"', "Mn": "", "Me": "", "Cf": ""}


def transliterate(char: str) -> str:
    """One character in ASCII: its stand-in, its letters without their accents, or ``?``
    when nothing readable exists (no character clusterbench writes comes to that)."""
    if char.isascii():
        return char
    known = _STAND_INS.get(char)
    if known is not None:
        return known
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed != char:  # é → e + ´, ½ → 1⁄2, ﬁ → fi: each part transliterated
        return "".join(transliterate(part) for part in decomposed)
    return _BY_CATEGORY.get(unicodedata.category(char), "?")


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(transliterate(char) for char in text), error.end


codecs.register_error(FALLBACK, _stand_in)


class StreamError(OutputError):
    """Standard output cannot be written (a full disk, a closed stream)."""


class _Stream(io.RawIOBase):
    """A standard stream's file descriptor, for the text and bytes written to it.

    Standard output's failures are StreamErrors (a broken pipe excepted: the reader has
    gone, which the caller takes as a quiet end); standard error's are ignored, as there
    is nowhere left to say them.  Once :func:`discard_output` is called, what is still
    buffered is dropped, so that the interpreter's last flush cannot fail again.
    """

    def __init__(self, fd: int, *, closed: bool) -> None:
        super().__init__()
        self._fd = fd
        self._closed = closed
        self.discard = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return not self._closed and os.isatty(self._fd)

    def write(self, data: ReadableBuffer, /) -> int:
        if self.discard:
            return memoryview(data).nbytes
        if self._closed:
            raise StreamError("cannot write to standard output: it is closed")
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            why = {
                errno.ENOSPC: "the disk is full",
                errno.EDQUOT: "the disk quota is used up",
                errno.EBADF: "it is closed",
            }.get(exc.errno or 0, exc.strerror or str(exc))
            raise StreamError(f"cannot write to standard output: {why}") from None


class _Quiet(_Stream):
    def write(self, data: ReadableBuffer, /) -> int:
        try:
            return super().write(data)
        except (OSError, StreamError):
            return memoryview(data).nbytes


_outputs: list[_Stream] = []
"""The standard output streams made here (one per process)."""


def _ensure_open(fd: int) -> bool:
    """Whether ``fd`` was open; a closed one gets /dev/null, so that no file opened later
    takes its number and receives text meant for the terminal."""
    try:
        os.fstat(fd)
        return True
    except OSError:
        pass
    opened = os.open(os.devnull, os.O_RDWR)
    if opened != fd:
        os.dup2(opened, fd)
        os.close(opened)
    return False


def _wrap(old: TextIO | None, stream: _Stream) -> io.TextIOWrapper:
    encoding = old.encoding if old is not None else "utf-8"
    return io.TextIOWrapper(
        io.BufferedWriter(stream),
        encoding=encoding,
        errors=_errors(encoding),
        line_buffering=bool(old.line_buffering) if old is not None else False,
        write_through=getattr(old, "write_through", False),
    )


def prepare_streams() -> None:
    """Make standard output fail cleanly, standard error never fail, and both write
    stand-ins for what their encoding cannot carry.  Only the process's own streams are
    replaced (not a test's capture), and only once."""
    if sys.stdout is sys.__stdout__ and sys.stderr is sys.__stderr__:
        _ensure_open(0)
        stdout_open = _ensure_open(1) and sys.stdout is not None
        stderr_open = _ensure_open(2) and sys.stderr is not None
        stdout = _Stream(1, closed=not stdout_open)
        _outputs.append(stdout)
        sys.stdout = _wrap(sys.stdout, stdout)
        sys.stderr = _wrap(sys.stderr, _Quiet(2, closed=not stderr_open))
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors != _errors(stream.encoding):
            stream.reconfigure(errors=_errors(stream.encoding))


def discard_output() -> None:
    """Drop whatever standard output still holds (after it failed, or its reader left)."""
    for stream in _outputs:
        stream.discard = True


def _errors(encoding: str) -> str:
    return "strict" if codecs.lookup(encoding).name == "utf-8" else FALLBACK


def emit(data: str | bytes) -> None:
    """Machine-readable output to standard output: UTF-8 bytes, exactly as made.

    Text written before it is flushed first, so that the two arrive in order.
    """
    sys.stdout.flush()
    sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
    sys.stdout.buffer.flush()
