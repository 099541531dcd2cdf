"""The terminal's streams: text that any encoding can carry.

Output uses a few symbols (✓ ✗ · → …).  A stream that cannot encode them (a Windows
console redirected to a file, ``PYTHONIOENCODING=cp1252``, ``LANG=C``) gets readable
ASCII instead of a crash: one codec error handler, registered once, does it for every
character, so no command needs to know which encoding it writes to.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

__all__ = ["FALLBACK", "prepare_streams"]

FALLBACK = "clusterbench-fallback"
"""The name of the codec error handler that writes ASCII stand-ins."""

_STAND_INS = {
    "✓": "ok",
    "✗": "x",
    "·": "-",
    "•": "*",
    "→": "->",
    "←": "<-",
    "–": "-",
    "—": "-",
    "…": "...",
    "≥": ">=",
    "≤": "<=",
    "×": "x",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "█": "#",
    "░": ".",
    "\u00a0": " ",
    "\u202f": " ",
}


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        known = _STAND_INS.get(char)
        if known is None:  # letters lose their accents (ø stays ø where it can)
            known = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        out.append(known or "?")
    return "".join(out), error.end


codecs.register_error(FALLBACK, _stand_in)


def prepare_streams() -> None:
    """Make stdout and stderr write stand-ins for what their encoding cannot carry."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(errors=FALLBACK)
