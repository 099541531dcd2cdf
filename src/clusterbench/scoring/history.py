"""Time: the comparison with the previous assessment, and the validity of the level."""

from __future__ import annotations

import datetime as dt

from ..kinds.facts import Facts, Previous
from ..models.common import construct
from ..models.criteria import Criteria
from ..models.dates import after, months_between, period_end
from ..models.result import Comparison, IndicatorChange, ValidityResult

__all__ = ["compare", "level_validity", "previous_end", "validity"]


def compare(facts: Facts) -> Comparison | None:
    """The assessment against the previous one; None without a previous assessment."""
    previous = facts.previous
    if previous is None:
        return None
    improved, declined, unchanged = facts.improvements()
    changes = []
    if previous.indicators is not None:
        for key in (*improved, *declined, *unchanged):
            then, now = previous.indicators[key], facts.indicators[key]
            change = (
                "improved" if key in improved else "declined" if key in declined else "unchanged"
            )
            changes.append(
                construct(
                    IndicatorChange,
                    id=key,
                    change=change,
                    before_status=then.status,
                    after_status=now.status,
                    before_points=then.points,
                    after_points=now.points,
                    before_band=then.band,
                    after_band=now.band,
                )
            )
    order = list(facts.indicators)
    changes.sort(key=lambda c: order.index(c.id))
    carried = previous.carried
    return construct(
        Comparison,
        previous_date=previous.date,
        previous_level=previous.level,
        previous_criteria=previous.criteria,
        months=months_between(previous.date, facts.date),
        improved=tuple(improved),
        declined=tuple(declined),
        unchanged=tuple(unchanged),
        changes=tuple(changes),
        improvement_areas=facts.areas,
        previous_version=previous.version,
        # Another criteria set is never compared indicator by indicator.
        mapped=previous.criteria == facts.criteria.id and (carried is None or carried.declared),
        renamed=carried.renamed if carried is not None else {},
        not_compared_before=carried.dropped if carried is not None else (),
        not_compared_now=carried.added if carried is not None else (),
    )


def previous_end(criteria: Criteria, previous: Previous) -> dt.date | None:
    """When the previous label ended: as it was scored, or by this criteria's rules."""
    if previous.valid_until is not None:
        return previous.valid_until
    if previous.held is None or previous.criteria != criteria.id:
        return None
    level = criteria.level(previous.held)
    if level is None or level.validity is None:
        return None
    return period_end(previous.date, level.validity.months)


def validity(criteria: Criteria, level_id: str | None, facts: Facts) -> ValidityResult | None:
    """From when to when the awarded level is valid, with renewals.

    A first label is valid `months` from the assessment date (the day before the same
    date `months` later).  A renewal of the same level no later than `window_months`
    after the previous label's end extends it by `extension_months` from that end; only
    a previous label that was held (approved by this assessment's date, or free of
    approval; never rejected or withdrawn) can be renewed.
    """
    return level_validity(criteria, level_id, facts.date, facts.previous, review=facts.review)


def level_validity(
    criteria: Criteria,
    level_id: str | None,
    on: dt.date,
    previous: Previous | None,
    *,
    review: bool = False,
) -> ValidityResult | None:
    """:func:`validity` of ``level_id`` for an assessment made on ``on`` after ``previous``
    (also for a lower level than the one reached, when the body awards that one);
    ``review``: a review within the previous label's period, which keeps that period."""
    if level_id is None:
        return None
    kept = _reviewed(criteria, level_id, on, previous) if review else None
    if kept is not None:
        return kept
    level = criteria.level(level_id)
    if level is None or level.validity is None:
        return None
    rules = level.validity
    until = period_end(on, rules.months)
    renewal = False
    extended_from = None
    renewals = 0
    window = rules.renewal
    if window is not None and previous is not None and previous.held == level_id:
        end = previous_end(criteria, previous)
        earlier = previous.renewals if previous.criteria == criteria.id else 0
        allowed = window.at_most is None or earlier < window.at_most
        if end is not None and allowed and on <= after(end, window.window_months):
            renewal = True
            extended_from = end
            until = after(end, window.extension_months)
            renewals = earlier + 1
    # No renewal is left once the renewals allowed are used up: the label just ends.
    renewable = window is not None and (window.at_most is None or renewals < window.at_most)
    renew_by = after(until, window.window_months) if window is not None and renewable else None
    return construct(
        ValidityResult,
        level=level_id,
        valid_from=on,
        valid_until=until,
        renewal=renewal,
        extended_from=extended_from,
        renew_by=renew_by,
        renewals=renewals,
    )


def _reviewed(
    criteria: Criteria, level_id: str, on: dt.date, previous: Previous | None
) -> ValidityResult | None:
    """A review inside the previous label's period keeps that period as it was: same
    start, same end, same renewals left.  Not inside one (another level, or the period
    over), it is scored like a first assessment."""
    if previous is None or previous.criteria != criteria.id:
        return None
    end = previous_end(criteria, previous)
    level = criteria.level(level_id)
    if previous.held != level_id or end is None or on > end or level is None:
        return None
    window = level.validity.renewal if level.validity is not None else None
    left = window is not None and (window.at_most is None or previous.renewals < window.at_most)
    return ValidityResult(
        level=level_id,
        valid_from=previous.valid_from or previous.date,
        valid_until=end,
        renewal=False,
        renew_by=after(end, window.window_months) if window is not None and left else None,
        renewals=previous.renewals,
    )
