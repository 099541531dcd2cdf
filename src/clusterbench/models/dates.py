"""Calendar arithmetic in whole months, as labelling rules count time."""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = ["add_months", "months_between", "within_months"]


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` calendar months, clamped to the month's last day.

    >>> add_months(dt.date(2021, 1, 31), 1)
    datetime.date(2021, 2, 28)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


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
