"""A criteria version as readers read it.

A version's label is the criteria's own (`2013`, `2026.1`, `pre-2019`).  A label of
digits reads the same in every language (`version 2013`, `versjon 2013`); a label with
words in it (`pre-2019`) says nothing in Norwegian or German, so such a version is named
by the period it was used in, as the criteria state it (`the version used until
14 November 2019`).  A `version_title` the criteria give, per language, wins over both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...models.common import Text
from ...models.criteria import Criteria

if TYPE_CHECKING:
    from .words import Phrases

__all__ = ["version_said"]


def version_said(
    say: Phrases, criteria: Criteria, label: str | None = None, *, short: bool = False
) -> str:
    """`version 2013`; `the version used until 14 November 2019` (``short``, for a
    running footer: `version used until November 2019`).

    ``label`` names another version of ``criteria``'s set, one that is not at hand.
    """
    _ = say.gettext
    if label is not None and label != criteria.version:
        return _("version %(version)s") % {"version": label}
    titled = getattr(criteria, "version_title", None)
    if isinstance(titled, Text):
        return say.line(titled)
    period = criteria.in_force
    if re.fullmatch(r"\d[\d.-]*", criteria.version) or period is None:
        return _("version %(version)s") % {"version": criteria.version}
    start, until = period.from_, period.until
    if short:  # the month the period ends or begins
        if until is not None:
            return _("version used until %(month)s") % {"month": say.fmt.month(until)}
        assert start is not None
        return _("version used from %(month)s") % {"month": say.fmt.month(start)}
    if start is not None and until is not None:
        return _("the version used from %(start)s to %(end)s") % {
            "start": say.fmt.date(start),
            "end": say.fmt.date(until),
        }
    if until is not None:
        return _("the version used until %(date)s") % {"date": say.fmt.date(until)}
    assert start is not None
    return _("the version used from %(date)s") % {"date": say.fmt.date(start)}
