"""The values the file formats accept: the numeric and date domain, stated once.

Every number, date and month count a criteria, assessment or cohort file may hold lies
inside these bounds, and every loader refuses what lies outside with a located error
before any model sees it (``loader.source`` for YAML and JSON).  What a file writes as
text is held to the same bounds where it becomes a number or a date: every text becomes
a number through :func:`parse_number`, every date field of every model is checked by
``models.values.checked_date`` (a test walks the models).  The bounds are chosen so that nothing derived
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
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "GROUPS",
    "INDICATORS",
    "MAX_CHAIN",
    "MAX_DATE",
    "MAX_DIGITS",
    "MAX_GROUPS",
    "MAX_INDICATORS",
    "MAX_ITEMS",
    "MAX_LANGUAGE_TEXT",
    "MAX_MONTHS",
    "MAX_NAME",
    "MAX_PATH",
    "MAX_PLACES",
    "MAX_TEXT",
    "MIN_DATE",
    "NAME",
    "NOT_A_NUMBER",
    "PATH",
    "TEXT",
    "TOO_LONG",
    "TOO_MANY_DIGITS",
    "Limit",
    "date_problem",
    "number_problem",
    "parse_number",
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
"""The most assessments one assessment may stand on in a row (previous and related)."""

MAX_NAME = 200
"""Most characters of a name, a title, a label or another one-line value."""
MAX_PATH = 1000
"""Most characters of a file path or a web address."""
MAX_TEXT = 5000
"""Most characters of any other text: a comment, a description, an evidence item."""
MAX_ITEMS = 100
"""Most items of a list, or entries of a mapping, unless a field states otherwise."""
MAX_INDICATORS = 300
"""Most indicators, golden examples and answers of one criteria set."""
MAX_GROUPS = 1000
"""Most peer groups of one criteria set in a cohort file."""
MAX_LANGUAGE_TEXT = {"assessment": 60_000, "criteria": 150_000, "cohort": 150_000}
"""Most characters all texts of a file hold in any one language (a report shows one)."""


@dataclass(frozen=True, slots=True)
class Limit:
    """How long a field's values may be, stated beside its type: `Annotated[Text, NAME]`.

    ``chars``: characters of each text in it; ``items``: items of a list or entries
    of a mapping.  A field without one has the defaults: MAX_NAME characters for a
    plain string, MAX_TEXT for a text, MAX_ITEMS items.  ``loader.limits`` refuses
    longer values, located, before any model sees them.
    """

    chars: int | None = None
    items: int | None = None


NAME = Limit(chars=MAX_NAME)
"""A name, a title or a label: one line."""
PATH = Limit(chars=MAX_PATH)
"""A file path or a web address."""
TEXT = Limit(chars=MAX_TEXT)
"""A text that is not a name (a note written as a plain string)."""
INDICATORS = Limit(items=MAX_INDICATORS)
"""As many as a criteria set may have indicators."""
GROUPS = Limit(items=MAX_GROUPS)
"""The peer groups of a cohort."""

_LIMIT = Decimal(10) ** MAX_DIGITS
_LONGEST = 100
"""Characters a number's text may have: ample for 15 + 6 digits with zeros and an exponent."""
NOT_A_NUMBER = "is not a number"
TOO_LONG = f"is too long for a number; the limit is {MAX_DIGITS} digits and {MAX_PLACES} places"


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


def parse_number(text: str) -> Decimal:
    """The number a text writes (`85`, `-2.5`, `1e3`), held to the domain.

    The one way text becomes a number (a percentage written `"85%"`, an answer given
    on the command line or in a form): raises ValueError saying why the text is not a
    number, or why the number lies outside the domain.  Costs the same for any text:
    `1e-999999999` is refused from its exponent, never expanded.
    """
    written = text.strip()
    if len(written) > _LONGEST:  # no number of the domain is written this long
        raise ValueError(TOO_LONG)
    try:
        number = Decimal(written)
    except ArithmeticError:
        raise ValueError(NOT_A_NUMBER) from None
    problem = number_problem(number)
    if problem is not None:
        raise ValueError(problem)
    return number


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
