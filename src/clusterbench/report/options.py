"""The choices a report offers, in one place: languages, audiences, formats, PDF variants.

The command line offers exactly these, and the renderer checks against them.  This
module imports nothing heavy, so that building the command line never loads Jinja2,
Babel or WeasyPrint.
"""

from __future__ import annotations

import re
from typing import Final, Literal

__all__ = [
    "AUDIENCES",
    "DEFAULT_ACCENT",
    "FORMATS",
    "LANGUAGES",
    "PDF_VARIANTS",
    "Audience",
    "Format",
    "accent_colour",
]

LANGUAGES: Final = ("en", "nb", "de")
"""Languages the report's fixed texts are written in."""

Audience = Literal["full", "summary"]
AUDIENCES: Final[tuple[Audience, ...]] = ("full", "summary")
"""`full`: the whole report; `summary`: two or three pages for a board or a funder."""

Format = Literal["pdf", "html", "json"]
FORMATS: Final[tuple[Format, ...]] = ("pdf", "html", "json")
"""What a report can be written as (JSON is the scored Result)."""

PDF_VARIANTS: Final = ("pdf/a-3b",)
"""PDF variants offered (PDF/A-3b allows the embedded result and criteria files)."""

DEFAULT_ACCENT: Final = "#1F4E79"

_HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def accent_colour(text: str) -> str:
    """``text`` as an accent colour ``#RRGGBB`` (upper case); ValueError if it is not one."""
    if not _HEX_COLOUR.match(text):
        raise ValueError(f"accent colour {text!r}: write it as #RRGGBB, for example #1F4E79")
    return text.upper()
