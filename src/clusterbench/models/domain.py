"""The values the file formats accept: the numeric and date domain, stated once.

Every number, date and month count a criteria, assessment or cohort file may hold lies
inside these bounds, and every loader refuses what lies outside with a located error
before any model sees it (``loader.source`` for YAML and JSON, and the answer types for
dates and percentages written as text).  The bounds are chosen so that nothing derived
from accepted values can fail:

* numbers have at most 15 digits before the decimal point and 6 after it, so that sums
  of every value a file can hold stay exact in 28-digit decimal arithmetic and every
  number can be formatted;
* dates lie in the years 1000 to 2999 and month counts are at most 1,200 (a century),
  and a chain of previous assessments is at most 20 long, so that every derived date
  (validity, renewals extended over the whole chain, renewal windows, `within_months`
  windows, golden examples' `months_ago`) stays within the calendar's years 1–9999.

``docs/criteria-language.md`` ("The value domain") states the same, and a test keeps the
two in step.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

__all__ = [
    "MAX_CHAIN",
    "MAX_DATE",
    "MAX_DIGITS",
    "MAX_MONTHS",
    "MAX_PLACES",
    "MIN_DATE",
    "TOO_MANY_DIGITS",
    "date_problem",
    "number_problem",
]

MAX_DIGITS = 15
"""Most digits a number may have before its decimal point."""
MAX_PLACES = 6
"""Most decimal places a number may have (trailing zeros do not count)."""
MIN_DATE = dt.date(1000, 1, 1)
"""The earliest date accepted."""
MAX_DATE = dt.date(2999, 12, 31)
"""The latest date accepted."""
MAX_MONTHS = 1200
"""The largest month count accepted (validity, renewal windows, rule windows)."""
MAX_CHAIN = 20
"""The most previous assessments one assessment may stand on."""

_LIMIT = Decimal(10) ** MAX_DIGITS


def number_problem(value: int | Decimal) -> str | None:
    """Why a number lies outside the domain, or None.

    Costs the same for any number a file can hold: `1e999999999` is refused from its
    exponent, never expanded.  Trailing zeros are not decimal places: `2.50` has two.
    """
    if isinstance(value, int):
        return None if -_LIMIT < value < _LIMIT else TOO_MANY_DIGITS
    if not value.is_finite():
        return "must be a finite number"
    if not value:
        return None
    if value.adjusted() >= MAX_DIGITS:
        return TOO_MANY_DIGITS
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # a finite number has an integer exponent
    trailing = 0
    while digits[-1 - trailing] == 0:  # a non-zero number has a non-zero digit
        trailing += 1
    if exponent + trailing < -MAX_PLACES:
        return f"has more than {MAX_PLACES} decimal places; the limit is {MAX_PLACES}"
    return None


TOO_MANY_DIGITS = (
    f"has more than {MAX_DIGITS} digits before the decimal point; the limit is {MAX_DIGITS}"
)


def date_problem(value: dt.date) -> str | None:
    """Why a date lies outside the domain, or None."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if MIN_DATE <= day <= MAX_DATE:
        return None
    return (
        f"lies outside the years {MIN_DATE.year} to {MAX_DATE.year} "
        "that clusterbench accepts; check the year"
    )
