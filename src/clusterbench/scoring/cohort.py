"""Cohorts: anonymous statistics of many Results, per criteria set and peer group.

Pure functions.  What a cohort may show is decided here, so that no single organisation
can be recognised in it:

- each organisation counts once (its latest assessment of a criteria set), and a
  criteria set is summarised from one version of its content only;
- a group of fewer than `min_size` organisations is left out, and so are further groups
  (the smallest first) when the left-out ones would otherwise be fewer than `min_size`
  together: the group of all minus the published groups would show them;
- a distribution (of an indicator, a category or the score) is published only over at
  least `min_size` organisations, and the same subtraction is prevented for each one;
- deciles are published only over at least `DECILES_FROM` organisations: in smaller
  groups they can be solved back into every member's value.
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ..models.assessment import Organisation
from ..models.cohort import Cohort, CriteriaCohort, GroupStats, IndicatorStats, Stats
from ..models.common import construct
from ..models.result import Result

__all__ = [
    "ALL",
    "DECILES_FROM",
    "build_cohort",
    "group_of",
    "is_number",
    "met_share",
    "rank",
    "single_version",
    "stats",
]

ALL = "all"
"""The group of every organisation."""
DECILES_FROM = 20
"""The fewest values whose deciles a cohort shows."""
_SIZES = ((25, "1-24"), (100, "25-99"), (250, "100-249"))
_PLACES = Decimal("0.0001")


def is_number(value: Any) -> bool:
    """Whether an answer value is a number (booleans are answers of their own kind)."""
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def group_of(organisation: Organisation, by: str) -> str:
    """The peer group an organisation belongs to."""
    if by == "portfolio":
        name = organisation.portfolio or "unspecified"
        # A portfolio called "all" must not take the place of the group of everyone.
        return f"{name} ({by})" if name.casefold() == ALL else name
    if by == "country":
        return organisation.country
    members = organisation.members
    if members is None:
        return "unknown"
    return next((label for limit, label in _SIZES if members < limit), "250+")


def _number(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(_PLACES, ROUND_HALF_EVEN)


def met_share(met: int, applied: int) -> Decimal:
    """The share of ``applied`` organisations meeting an indicator, as a cohort keeps it."""
    return _number(Decimal(met) / applied)


def stats(values: Sequence[Decimal]) -> Stats | None:
    """n, mean, median, quartiles and (from `DECILES_FROM` values) deciles; None when empty."""
    if not values:
        return None
    floats = sorted(float(v) for v in values)
    if len(floats) == 1:
        quartiles = [floats[0]] * 3
    else:
        quartiles = statistics.quantiles(floats, n=4, method="inclusive")
    deciles = (
        statistics.quantiles(floats, n=10, method="inclusive")
        if len(floats) >= DECILES_FROM
        else []
    )
    mean = sum(values, Decimal(0)) / len(values)
    return construct(
        Stats,
        n=len(values),
        mean=_number(mean),
        median=_number(quartiles[1]),
        q1=_number(quartiles[0]),
        q3=_number(quartiles[2]),
        deciles=tuple(_number(d) for d in deciles),
        sorted=tuple(sorted(_number(v) for v in values)),
    )


def rank(value: Decimal, distribution: Stats) -> tuple[int, int] | None:
    """(how many of the group lie below ``value``, how many equal it); None without values.

    Counted on the values as the cohort keeps them (six decimals), so that a value
    read from a Result compares with them the same way.
    """
    if not distribution.sorted:
        return None
    shown = _number(value)
    lower = bisect_left(distribution.sorted, shown)
    return lower, bisect_right(distribution.sorted, shown) - lower


def single_version(results: Iterable[Result]) -> tuple[list[Result], list[Result]]:
    """(kept, left out): of each criteria set, the Results of its most used content only.

    Indicators of two versions need not mean the same, so they are never pooled.  The
    most used content wins; on a tie, the one assessed most recently.
    """
    read = list(results)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    newest: dict[tuple[str, str], Any] = {}
    for result in read:
        key = (result.criteria.id, result.criteria.hash)
        seen[key[0]][key[1]] += 1
        newest[key] = max(newest.get(key, result.assessment.date), result.assessment.date)
    chosen = {
        criteria_id: max(counts, key=lambda h: (counts[h], newest[(criteria_id, h)], h))
        for criteria_id, counts in seen.items()
    }
    kept = [r for r in read if chosen[r.criteria.id] == r.criteria.hash]
    left = [r for r in read if chosen[r.criteria.id] != r.criteria.hash]
    return kept, left


def _latest(results: Iterable[Result]) -> dict[tuple[str, str, str], Result]:
    latest: dict[tuple[str, str, str], Result] = {}
    for result in results:
        key = (result.criteria.id, result.organisation.name.casefold(), result.organisation.country)
        known = latest.get(key)
        if known is None or result.assessment.date >= known.assessment.date:
            latest[key] = result
    return latest


def _enough(values: Sequence[Decimal], min_size: int) -> Stats | None:
    return stats(values) if len(values) >= min_size else None


def _group(results: Sequence[Result], min_size: int) -> GroupStats:
    levels = Counter(r.level or "none" for r in results)
    shares = [r.score.share for r in results if r.score.share is not None]
    categories: dict[str, list[Decimal]] = defaultdict(list)
    outcomes: dict[str, list[Any]] = defaultdict(list)
    for result in results:
        for category in result.categories:
            if category.share is not None:
                categories[category.id].append(category.share)
        for outcome in result.indicators:
            if outcome.status != "not_applicable":
                outcomes[outcome.id].append(outcome)
    indicators: dict[str, IndicatorStats] = {}
    for first in results[0].indicators:
        applied = outcomes[first.id]
        shown = len(applied) >= min_size
        met = sum(1 for o in applied if o.status == "met")
        indicators[first.id] = construct(
            IndicatorStats,
            n=len(applied),
            met_share=met_share(met, len(applied)) if shown else None,
            points=_enough([o.points for o in applied], min_size)
            if shown and first.max_points
            else None,
            values=_enough([Decimal(o.value) for o in applied if is_number(o.value)], min_size),
        )
    return construct(
        GroupStats,
        n=len(results),
        levels=dict(sorted(levels.items())),
        score=_enough(shares, min_size),
        categories={
            key: found for key, values in categories.items() if (found := _enough(values, min_size))
        },
        indicators=indicators,
    )


def _hidden(total: Stats | None, parts: Iterable[Stats | None], min_size: int) -> bool:
    """Whether `total` minus the published `parts` would show fewer than min_size values."""
    if total is None:
        return False
    rest = total.n - sum(part.n for part in parts if part is not None)
    return 0 < rest < min_size


def _protect(everyone: GroupStats, groups: Sequence[GroupStats], min_size: int) -> GroupStats:
    """The group of all, without what a subtraction of the published groups would reveal."""
    score = None if _hidden(everyone.score, [g.score for g in groups], min_size) else everyone.score
    categories = {
        key: found
        for key, found in everyone.categories.items()
        if not _hidden(found, [g.categories.get(key) for g in groups], min_size)
    }
    indicators = {}
    for key, found in everyone.indicators.items():
        parts = [g.indicators[key] for g in groups]
        applied = sum(p.n for p in parts if p.met_share is not None)
        if found.met_share is not None and 0 < found.n - applied < min_size:
            found = found.model_copy(update={"met_share": None, "points": None, "values": None})
        elif _hidden(found.values, [p.values for p in parts], min_size):
            found = found.model_copy(update={"values": None})
        indicators[key] = found
    return everyone.model_copy(
        update={"score": score, "categories": categories, "indicators": indicators}
    )


def _section(members: Sequence[Result], by: str, min_size: int) -> CriteriaCohort:
    groups: dict[str, list[Result]] = defaultdict(list)
    for result in members:
        groups[group_of(result.organisation, by)].append(result)
    kept = {name: group for name, group in sorted(groups.items()) if len(group) >= min_size}
    hidden = len(members) - sum(len(group) for group in kept.values())
    while 0 < hidden < min_size and kept:
        smallest = min(kept, key=lambda name: (len(kept[name]), name))
        hidden += len(kept.pop(smallest))
    summary = {name: _group(group, min_size) for name, group in kept.items()}
    if len(members) >= min_size:
        everyone = _protect(_group(members, min_size), list(summary.values()), min_size)
        summary = {ALL: everyone, **summary}
    return construct(
        CriteriaCohort,
        version=members[0].criteria.version,
        hash=members[0].criteria.hash,
        groups=summary,
        suppressed=len(groups) - len(kept),
    )


def build_cohort(
    results: Iterable[Result],
    *,
    by: str = "portfolio",
    min_size: int = 5,
    assessments: int | None = None,
) -> Cohort:
    """Anonymous statistics of `results`, per criteria set and peer group (and `all`).

    Results of a criteria set's less used versions are left out (see `single_version`).
    """
    read = list(results)
    kept, _ = single_version(read)
    latest = _latest(kept)
    per_criteria: dict[str, list[Result]] = defaultdict(list)
    for (criteria_id, _, _), result in sorted(latest.items()):
        per_criteria[criteria_id].append(result)
    return construct(
        Cohort,
        by=by,
        min_size=min_size,
        assessments=assessments if assessments is not None else len(read),
        organisations=len(latest),
        criteria={
            criteria_id: _section(members, by, min_size)
            for criteria_id, members in sorted(per_criteria.items())
        },
    )
