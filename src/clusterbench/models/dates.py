"""Calendar arithmetic in whole months, as labelling rules count time.

A period of `months` months that starts on a day runs to the day before the same day
`months` later; when that month has no such day (a 29 February, a 31st), the period
runs to the end of that month, as if the same day were the first of the next month.
Every period a label, a renewal or a renewal window lasts is computed by
:func:`period_end` (from its first day) or :func:`after` (from the last day of the
period before it), so that no two places count a month differently.
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_months", "after", "months_between", "period_end", "within_months"]

_DAY = dt.timedelta(days=1)


def _month(day: dt.date, months: int) -> tuple[int, int, int]:
    """The year and month `months` after `day`'s, and that month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return year, month + 1, calendar.monthrange(year, month + 1)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` calendar months, clamped to the month's last day.

    For a point in time (a date some months earlier or later); a period's last day is
    :func:`period_end`.

    >>> add_months(dt.date(2021, 1, 31), 1)
    datetime.date(2021, 2, 28)
    """
    year, month, last = _month(day, months)
    return dt.date(year, month, min(day.day, last))


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months whose first day is `start`.

    >>> period_end(dt.date(2021, 6, 15), 24)
    datetime.date(2023, 6, 14)
    >>> period_end(dt.date(2020, 2, 29), 24)
    datetime.date(2022, 2, 28)
    """
    year, month, last = _month(start, months)
    if start.day > last:  # the same day would be the first of the next month
        return dt.date(year, month, last)
    return dt.date(year, month, start.day) - _DAY


def after(end: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months that follows a period ending on `end`.

    >>> after(dt.date(2025, 2, 28), 36)
    datetime.date(2028, 2, 29)
    """
    return period_end(end + _DAY, months)


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from `earlier` to `later` (negative if reversed).

    A month counts once its day of the month is reached (or the month ends):
    2019-11-15 to 2021-11-14 is 23 months, to 2021-11-15 is 24.
    """
    if later < earlier:
        return -months_between(later, earlier)
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    if add_months(earlier, months) > later:
        months -= 1
    return months


def within_months(earlier: dt.date, later: dt.date, low: int | None, high: int | None) -> bool:
    """Whether `later` is at least `low` and at most `high` months after `earlier`, to the day.

    The one month window of every rule that counts months between two events: 24 months
    after 2015-09-15 ends on 2017-09-15, so 2017-10-10 (24 months and 25 days) is outside,
    though :func:`months_between` counts it as 24 whole months.
    """
    if low is not None and later < add_months(earlier, low):
        return False
    return high is None or later <= add_months(earlier, high)
