"""The choices a report offers, in one place: languages, audiences, formats, PDF variants.

The command line offers exactly these, and the renderer checks against them.  This
module imports nothing heavy, so that building the command line never loads Jinja2,
Babel or WeasyPrint.
"""

from __future__ import annotations

import re
from typing import Final, Literal, get_args

__all__ = [
    "AUDIENCES",
    "DEFAULT_ACCENT",
    "FORMATS",
    "LANGUAGES",
    "PDF_VARIANTS",
    "Audience",
    "Format",
    "PdfVariant",
    "ReportLanguage",
    "accent_colour",
]

# Each choice is one Literal type (what mypy checks a caller against) and its values
# read from it (what the command line offers and the renderer checks at run time).
ReportLanguage = Literal["en", "nb", "de"]
"""A language the report's fixed texts are written in."""
LANGUAGES: Final[tuple[ReportLanguage, ...]] = get_args(ReportLanguage)

Audience = Literal["full", "summary"]
"""`full`: the whole report; `summary`: two or three pages for a board or a funder."""
AUDIENCES: Final[tuple[Audience, ...]] = get_args(Audience)

Format = Literal["pdf", "html", "json"]
"""What a report can be written as (JSON is the scored Result)."""
FORMATS: Final[tuple[Format, ...]] = get_args(Format)

PdfVariant = Literal["pdf/a-3b"]
"""A PDF variant offered (PDF/A-3b allows the embedded result and criteria files)."""
PDF_VARIANTS: Final[tuple[PdfVariant, ...]] = get_args(PdfVariant)

DEFAULT_ACCENT: Final = "#1F4E79"

_HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def accent_colour(text: str) -> str:
    """``text`` as an accent colour ``#RRGGBB`` (upper case); ValueError if it is not one."""
    if not _HEX_COLOUR.match(text):
        raise ValueError(f"accent colour {text!r}: write it as #RRGGBB, for example #1F4E79")
    return text.upper()
