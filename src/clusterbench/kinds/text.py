"""Numbers in the plain English words of a Result (reports localise their own)."""

from __future__ import annotations

from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction
from typing import Protocol

__all__ = [
    "ENGLISH",
    "EXACT",
    "Words",
    "as_decimal",
    "count",
    "nearest",
    "percent",
    "points",
    "share",
    "window",
]

EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
"""Sums and products of Decimals without rounding (never divide in it)."""
_NEAREST = Context(prec=28)


def points(value: Decimal | Fraction | int) -> str:
    """``124``, ``119.5``."""
    number = as_decimal(Fraction(value), 2) if not isinstance(value, Decimal) else value
    return format(number.normalize(), "f")


def as_decimal(value: Fraction, places: int = 6) -> Decimal:
    """An exact fraction rounded (half even) to ``places`` decimals, for display and JSON."""
    quantum = Decimal(1).scaleb(-places)
    exact = _NEAREST.divide(Decimal(value.numerator), Decimal(value.denominator))
    return exact.quantize(quantum, ROUND_HALF_EVEN)


def nearest(value: Fraction) -> Decimal:
    """An exact fraction as a Decimal of 28 significant digits (its float is the nearest)."""
    return _NEAREST.divide(Decimal(value.numerator), Decimal(value.denominator))


def share(value: Fraction, against: Fraction | Decimal | None = None) -> str:
    """A share as a percentage with one decimal, ``82.7 %``.

    When ``against`` is given and one decimal would hide on which side of it the share
    lies (79.996 % shown as 80.0 % while below 80 %), more decimals are shown.
    """
    numerator, denominator = value.numerator * 100, value.denominator
    if against is None:
        return f"{format(_rounded(numerator, denominator, 1), 'f')} %"
    a_num, a_den = against.as_integer_ratio()
    same = value.numerator * a_den == a_num * value.denominator
    for places in range(1, 6):
        shown = _rounded(numerator, denominator, places)
        if (shown == _rounded(a_num * 100, a_den, places)) == same:
            return f"{format(shown, 'f')} %"
    return f"{format(_rounded(numerator, denominator, 6), 'f')} %"


def _rounded(numerator: int, denominator: int, places: int) -> Decimal:
    quantum = _QUANTA[places]
    return _NEAREST.divide(Decimal(numerator), Decimal(denominator)).quantize(
        quantum, ROUND_HALF_EVEN
    )


_QUANTA = [Decimal(1).scaleb(-places) for places in range(8)]


def percent(value: Decimal | Fraction) -> str:
    """A threshold as written, as a percentage without padding: ``80 %``, ``82.5 %``."""
    if isinstance(value, Decimal):
        number = EXACT.multiply(value, 100)
        return f"{format(number.quantize(_QUANTA[4], ROUND_HALF_EVEN).normalize(), 'f')} %"
    number = as_decimal(Fraction(value) * 100, 4).normalize()
    return f"{format(number, 'f')} %"


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``1 indicator``, ``3 indicators``."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


class Words(Protocol):
    """Where a phrase finds its words: the catalogs of a language (the phrase layer's
    ``Phrases``), or the English of the texts themselves (:data:`ENGLISH`)."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


class _English:
    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


ENGLISH: Words = _English()
"""The texts as written: English."""


def window(low: int | None, high: int | None, words: Words = ENGLISH) -> str:
    """A month window before the assessment: `18 to 24 months earlier`, `at least 18
    months earlier`, `at most 24 months earlier`, or "" when it has no bound.

    The one description of a window: `validate`'s English uses it as it is, and the
    phrase layer passes its catalogs (these texts are extracted into them).
    """
    if low is not None and high is not None:
        return words.gettext("%(low)d to %(high)d months earlier") % {"low": low, "high": high}
    if low is not None:
        return words.ngettext(
            "at least %(num)d month earlier", "at least %(num)d months earlier", low
        ) % {"num": low}
    if high is not None:
        return words.ngettext(
            "at most %(num)d month earlier", "at most %(num)d months earlier", high
        ) % {"num": high}
    return ""
