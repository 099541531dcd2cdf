"""The report's languages: gettext catalogs for fixed words, Babel for dates and numbers.

Catalogs live beside this module as `locale/<lang>/LC_MESSAGES/clusterbench.po` and are
compiled in memory when first used, so that no binary file is kept in the repository.
English is the source language: its messages are the msgids themselves.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from functools import cache
from importlib import resources

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from ..errors import ReportError
from .options import LANGUAGES

__all__ = ["LANGUAGES", "Formatter", "translations"]

_FORMAT_LOCALES = {"en": "en_GB", "nb": "nb_NO", "de": "de_DE"}  # European English dates


@cache
def translations(language: str) -> NullTranslations:
    """The gettext catalog of `language` (a ReportError for a language without one)."""
    if language not in LANGUAGES:
        raise ReportError(f"reports are written in {', '.join(LANGUAGES)}, not {language!r}")
    if language == "en":
        return NullTranslations()
    source = (
        resources.files("clusterbench.report")
        / "locale"
        / language
        / "LC_MESSAGES"
        / "clusterbench.po"
    )
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


class Formatter:
    """Dates, numbers and shares written the way a reader of `language` expects."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = Locale.parse(_FORMAT_LOCALES.get(language, language))

    def date(self, day: dt.date) -> str:
        """`6 November 2021`, `6. november 2021`."""
        return format_date(day, format="long", locale=self.locale)

    def month(self, day: dt.date) -> str:
        """`November 2021`, `november 2021`."""
        return format_date(day, format="LLLL y", locale=self.locale)

    def number(self, value: Decimal | float | int, *, places: int = 1) -> str:
        """A number with at most `places` decimals: `119.5`, `119,5`, `1,300`."""
        pattern = "#,##0" + ("." + "#" * places if places else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, share: Decimal | float, *, places: int = 1) -> str:
        """A share as a percentage, spaced as the locale does: `82.7%`, `82,7 %`."""
        # The locale's own pattern (a no-break space before % in Norwegian), with decimals.
        pattern = str(self.locale.percent_formats[None].pattern)
        pattern = re.sub(
            r"0(?=[^0#]*$)", "0" + ("." + "0" * places if places else ""), pattern, count=1
        )
        return format_percent(share, format=pattern, locale=self.locale)

    def threshold(self, share: Decimal | float) -> str:
        """A threshold as written, without padding decimals: `80%`, `80 %`, `82.5%`."""
        places = 0 if Decimal(str(share)) * 100 == int(Decimal(str(share)) * 100) else 1
        return self.percent(share, places=places)
