"""The languages readers read: gettext catalogs for words, Babel (CLDR) for numbers and dates.

Catalogs live beside this module as `locale/<lang>/LC_MESSAGES/clusterbench.po` and are
compiled in memory when first used, so that no binary file is kept in the repository.
English is the source language: its messages are the msgids themselves.  Plural forms
follow each catalog's `Plural-Forms` (CLDR's rules, as Babel writes them); numbers,
dates, percentages and the plural category of a count follow CLDR's locale data.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from functools import cache
from importlib import resources

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import NullTranslations, Translations

from ..errors import ReportError
from ..models.criteria import Criteria
from .options import LANGUAGES, ReportLanguage

__all__ = ["LANGUAGES", "Formatter", "check_language", "choose_language", "translations"]

# European conventions for English: 9 November 2021, not November 9, 2021.
_FORMAT_LOCALES = {"en": "en_GB", "nb": "nb_NO", "de": "de_DE"}


def check_language(language: str) -> str:
    """``language`` if readers can be written to in it, else a ReportError."""
    if language not in LANGUAGES:
        raise ReportError(f"reports are written in {', '.join(LANGUAGES)}, not {language!r}")
    return language


def choose_language(criteria: Criteria, wanted: str | None) -> ReportLanguage:
    """The language to write in: `wanted`, else the criteria's first clusterbench speaks.

    A ReportError when clusterbench does not speak `wanted`, or the criteria have no
    texts in it.
    """
    if wanted is not None:
        check_language(wanted)
        if wanted not in criteria.languages:
            raise ReportError(
                f"the criteria {criteria.id} are written in {', '.join(criteria.languages)}; "
                f"they have no {wanted!r} texts to write in that language"
            )
        return next(known for known in LANGUAGES if known == wanted)  # checked above
    for language in criteria.languages:
        for known in LANGUAGES:
            if known == language:
                return known
    raise ReportError(f"the criteria {criteria.id} have no texts in {' or '.join(LANGUAGES)}")


@cache
def translations(language: str) -> NullTranslations:
    """The gettext catalog of `language` (a ReportError for a language without one)."""
    check_language(language)
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


_MOST_PLACES = 6
"""The most decimals a number is shown with (the domain's numbers have no more)."""


def _quantized(value: Fraction, places: int, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding)


def _bounded(value: Fraction, rounding: str) -> Decimal:
    """``value`` rounded one way (up or down) at the fewest decimals, one at least, that
    stay within a tenth of it (or exact at six); a positive value never rounds to zero."""
    for places in range(1, _MOST_PLACES + 1):
        shown = _quantized(value, places, rounding)
        if abs(Fraction(shown) - value) * 10 <= abs(value) and (shown != 0 or value == 0):
            return shown
    return _quantized(value, _MOST_PLACES, rounding)


class Formatter:
    """Dates, numbers and shares written the way a reader of `language` expects."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = Locale.parse(_FORMAT_LOCALES.get(language, language))

    def date(self, day: dt.date) -> str:
        """`6 November 2021`, `6. november 2021`, `6. November 2021`."""
        return format_date(day, format="long", locale=self.locale)

    def month(self, day: dt.date) -> str:
        """`November 2021`, `november 2021`."""
        return format_date(day, format="LLLL y", locale=self.locale)

    def number(self, value: Decimal | float | int, *, places: int = 1) -> str:
        """A number with at most `places` decimals: `119.5`, `119,5`, `1,300`."""
        pattern = "#,##0" + ("." + "#" * places if places else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def money(self, amount: Decimal | int, currency: str, *, signed: bool = False) -> str:
        """An amount in whole units as the locale writes money: `NOK 4,900,000`,
        `4 900 000 kr`, `4.900.000 NOK`; ``signed``: `+NOK 5,300,000`, `−5 300 000 kr`."""
        pattern = str(self.locale.currency_formats["standard"].pattern).split(";")[0]
        pattern = re.sub(r"\.0+", "", pattern)
        shown = format_currency(
            abs(Decimal(amount)),
            currency,
            format=pattern,
            locale=self.locale,
            currency_digits=False,
        )
        # CLDR's currency spacing: a code of letters is kept apart from the digits.
        shown = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", "\u00a0", shown)
        if Decimal(amount) < 0:
            return "−" + shown
        return ("+" + shown) if signed and amount else shown

    def points(self, value: Decimal | int, against: Decimal | int | None = None) -> str:
        """Points with one decimal at most, or as many more as keep them apart from ``against``.

        7.999996 points where 8 are needed read `7.999996`, never `8`: a number that
        fails a requirement is never shown equal to the number it needs.
        """
        exact = Fraction(Decimal(value))
        if against is None or exact == Fraction(Decimal(against)):
            return self.number(value)
        bound = Fraction(Decimal(against))
        for places in range(1, 13):
            if _quantized(exact, places) != _quantized(bound, places):
                return self.number(value, places=places)
        return self.number(value, places=12)

    def missing(self, value: Decimal | int) -> str:
        """An amount still missing, rounded up: never less than is missing, never `0`.

        As many decimals (one at least) as keep the rounding within a tenth of the amount.
        """
        return self.number(_bounded(Fraction(Decimal(value)), ROUND_CEILING), places=_MOST_PLACES)

    def spare(self, value: Decimal | int) -> str:
        """An amount to spare, rounded down: never more than there is."""
        return self.number(_bounded(Fraction(Decimal(value)), ROUND_FLOOR), places=_MOST_PLACES)

    def percent(self, share: Decimal | float | Fraction, *, places: int = 1) -> str:
        """A share as a percentage, spaced as the locale does: `82.7%`, `82,7 %`."""
        # The locale's own pattern (a no-break space before % in Norwegian), with decimals.
        pattern = str(self.locale.percent_formats[None].pattern)
        pattern = re.sub(
            r"0(?=[^0#]*$)", "0" + ("." + "0" * places if places else ""), pattern, count=1
        )
        if isinstance(share, Fraction):
            share = _quantized(share, places + 2)
        return format_percent(share, format=pattern, locale=self.locale)

    def share(self, share: Fraction | Decimal, against: Fraction | Decimal | None = None) -> str:
        """A share of points, everywhere the same: one decimal, `93.4%`.

        Rounded from the exact share once, half to even.  When one decimal would hide on
        which side of ``against`` (a threshold) the share lies — 79.996 % shown as 80.0 %
        while below 80 % — as many more decimals as it takes are shown.
        """
        exact = Fraction(share)
        for places in range(1, 7):
            if against is None:
                break
            bound = Fraction(against)
            shown = _quantized(exact * 100, places)
            if (shown == _quantized(bound * 100, places)) == (exact == bound):
                break
        return self.percent(_quantized(exact, places + 2), places=places)

    def threshold(self, share: Decimal | float | Fraction) -> str:
        """A threshold as written, without padding decimals: `80%`, `80 %`, `82.5%`."""
        hundredths = Fraction(share) * 100
        places = (
            0 if hundredths.denominator == 1 else 1 if (hundredths * 10).denominator == 1 else 2
        )
        return self.percent(Fraction(share), places=places)

    def plural(self, count: Decimal | int) -> str:
        """The CLDR plural category of a count as shown: `one`, `other` ..."""
        return str(self.locale.plural_form(count))

    def language_name(self, code: str) -> str:
        """A language's name in the reader's language: `engelsk` for `en` in Norwegian."""
        found = self.locale.languages.get(code.split("-")[0])
        return str(found) if found else code

    def country(self, alpha3: str) -> str:
        """`NOR` → `Norway`, `Norge`, `Norwegen` (the code itself when CLDR has no name).

        CLDR maps each ISO 3166 alpha-3 code to its alpha-2 territory (an "overlong"
        alias), whose name it gives in every language.
        """
        aliases = get_global("territory_aliases").get(alpha3) or []
        alpha2 = next((a for a in aliases if len(a) == 2), None)
        name = self.locale.territories.get(alpha2) if alpha2 else None
        return str(name) if name else alpha3
