"""Cohorts: anonymous peer statistics from many Results, and one Result against its peers.

Pure functions.  Each organisation counts once (its latest assessment of a criteria
set); groups smaller than `min_size` are left out, so that no single cluster can be
recognised in a cohort file, and so are further groups when the left-out ones would
otherwise be fewer than `min_size` organisations (the group of all minus the published
groups would show them).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal

from ..models.assessment import Organisation
from ..models.cohort import Cohort, CriteriaCohort, GroupStats, IndicatorStats, Stats
from ..models.common import construct
from ..models.result import PeerCategory, PeerComparison, PeerIndicator, Result

__all__ = [
    "ALL",
    "build_cohort",
    "compare_with_peers",
    "group_of",
    "peer_band",
    "peer_group",
    "percentile",
    "stats",
    "why_no_peers",
]

ALL = "all"
"""The group of every organisation."""
_SIZES = ((25, "1-24"), (100, "25-99"), (250, "100-249"))
_PLACES = Decimal("0.0001")


def group_of(organisation: Organisation, by: str) -> str:
    """The peer group an organisation belongs to."""
    if by == "portfolio":
        return organisation.portfolio or "unspecified"
    if by == "country":
        return organisation.country
    members = organisation.members
    if members is None:
        return "unknown"
    return next((label for limit, label in _SIZES if members < limit), "250+")


def _number(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(_PLACES, ROUND_HALF_EVEN)


def stats(values: Sequence[Decimal]) -> Stats | None:
    """n, mean, median, quartiles and deciles of `values` (None when empty)."""
    if not values:
        return None
    floats = sorted(float(v) for v in values)
    if len(floats) == 1:
        quartiles = [floats[0]] * 3
        deciles = [floats[0]] * 9
    else:
        quartiles = statistics.quantiles(floats, n=4, method="inclusive")
        deciles = statistics.quantiles(floats, n=10, method="inclusive")
    mean = sum(values, Decimal(0)) / len(values)
    return construct(
        Stats,
        n=len(values),
        mean=_number(mean),
        median=_number(quartiles[1]),
        q1=_number(quartiles[0]),
        q3=_number(quartiles[2]),
        deciles=tuple(_number(d) for d in deciles),
    )


def percentile(value: Decimal, distribution: Stats) -> Decimal:
    """Approximately, the share of the group (0–100) with a lower value.

    Interpolated between deciles; 5 below the 10th percentile and 95 above the 90th.
    """
    deciles = distribution.deciles
    if value < deciles[0]:
        return Decimal(5)
    if value > deciles[-1]:
        return Decimal(95)
    equal = [i for i, d in enumerate(deciles) if d == value]
    if equal:  # a run of equal deciles: the middle of the run
        return _number(Decimal(10) * (Decimal(equal[0] + equal[-1]) / 2 + 1))
    for index in range(len(deciles) - 1):
        low, high = deciles[index], deciles[index + 1]
        if low < value < high:
            return _number(10 * (index + 1) + 10 * (value - low) / (high - low))
    return Decimal(50)  # pragma: no cover - the cases above cover every value


def _latest(results: Iterable[Result]) -> dict[tuple[str, str, str], Result]:
    latest: dict[tuple[str, str, str], Result] = {}
    for result in results:
        key = (result.criteria.id, result.organisation.name.casefold(), result.organisation.country)
        known = latest.get(key)
        if known is None or result.assessment.date >= known.assessment.date:
            latest[key] = result
    return latest


def _group(results: Sequence[Result]) -> GroupStats:
    levels = Counter(r.level or "none" for r in results)
    shares = [r.score.share for r in results if r.score.share is not None]
    categories: dict[str, list[Decimal]] = defaultdict(list)
    for result in results:
        for category in result.categories:
            if category.share is not None:
                categories[category.id].append(category.share)
    indicators: dict[str, IndicatorStats] = {}
    for index, first in enumerate(results[0].indicators):
        outcomes = [
            r.indicators[index] for r in results if r.indicators[index].status != "not_applicable"
        ]
        values = [
            Decimal(o.value)
            for o in outcomes
            if isinstance(o.value, int | Decimal) and not isinstance(o.value, bool)
        ]
        met = sum(1 for o in outcomes if o.status == "met")
        indicators[first.id] = construct(
            IndicatorStats,
            n=len(outcomes),
            met_share=_number(Decimal(met) / len(outcomes)) if outcomes else Decimal(0),
            points=stats([o.points for o in outcomes]) if first.max_points else None,
            values=stats(values),
        )
    return construct(
        GroupStats,
        n=len(results),
        levels=dict(sorted(levels.items())),
        score=stats(shares),
        categories={
            key: s for key, values in categories.items() if (s := stats(values)) is not None
        },
        indicators=indicators,
    )


def build_cohort(
    results: Iterable[Result],
    *,
    by: str = "portfolio",
    min_size: int = 5,
    assessments: int | None = None,
) -> Cohort:
    """Anonymous statistics of `results`, per criteria set and peer group (and `all`)."""
    read = list(results)
    latest = _latest(read)
    per_criteria: dict[str, list[Result]] = defaultdict(list)
    for (criteria_id, _, _), result in sorted(latest.items()):
        per_criteria[criteria_id].append(result)
    sections: dict[str, CriteriaCohort] = {}
    for criteria_id, members in sorted(per_criteria.items()):
        groups: dict[str, list[Result]] = defaultdict(list)
        for result in members:
            groups[group_of(result.organisation, by)].append(result)
        kept = {name: group for name, group in sorted(groups.items()) if len(group) >= min_size}
        # `all` minus the published groups is the sum of the hidden ones: were fewer than
        # min_size organisations hidden, a subtraction would reveal them, so hide the
        # smallest published groups too until enough are hidden together.
        hidden = len(members) - sum(len(group) for group in kept.values())
        while 0 < hidden < min_size and kept:
            smallest = min(kept, key=lambda name: (len(kept[name]), name))
            hidden += len(kept.pop(smallest))
        summary = {name: _group(group) for name, group in kept.items()}
        if len(members) >= min_size:
            summary = {ALL: _group(members), **summary}
        sections[criteria_id] = construct(
            CriteriaCohort,
            version=members[0].criteria.version,
            hash=members[0].criteria.hash,
            groups=summary,
            suppressed=len(groups) - len(kept),
        )
    return construct(
        Cohort,
        by=by,
        min_size=min_size,
        assessments=assessments if assessments is not None else len(read),
        organisations=len(latest),
        criteria=sections,
    )


def peer_group(
    criteria_id: str, criteria_hash: str, organisation: Organisation, cohort: Cohort
) -> tuple[str, GroupStats] | None:
    """The organisation's own group in the cohort, else `all`; None when neither exists.

    Only a cohort built from the same criteria content counts: with another version the
    indicators may not mean the same.
    """
    section = cohort.criteria.get(criteria_id)
    if section is None or section.hash != criteria_hash:
        return None
    own = group_of(organisation, cohort.by)
    if own in section.groups:
        return own, section.groups[own]
    if ALL in section.groups:
        return ALL, section.groups[ALL]
    return None


def why_no_peers(result: Result, cohort: Cohort) -> str | None:
    """Why `result` has no peer comparison in `cohort`, in words (None when it has one)."""
    criteria = result.criteria
    section = cohort.criteria.get(criteria.id)
    if section is None:
        known = ", ".join(sorted(cohort.criteria)) or "none"
        return f"the cohort has no assessments of {criteria.id} (it has: {known})"
    if section.hash != criteria.hash:
        return (
            f"the cohort was built from another version of {criteria.id} "
            f"({section.version}, content {section.hash[:12]}, not {criteria.version}, "
            f"{criteria.hash[:12]}); rebuild it with these criteria"
        )
    if peer_group(criteria.id, criteria.hash, result.organisation, cohort) is None:
        return (
            f"the cohort has no group of at least {cohort.min_size} for "
            f"{group_of(result.organisation, cohort.by)!r} and no group of all"
        )
    return None


def peer_band(direction: str, value: Decimal, distribution: Stats) -> str:
    """Green, yellow or red against the peers: `higher` (or `lower`) answers are better."""
    if direction == "higher":
        return (
            "green"
            if value >= distribution.median
            else "yellow"
            if value >= distribution.q1
            else "red"
        )
    return (
        "green" if value <= distribution.median else "yellow" if value <= distribution.q3 else "red"
    )


def compare_with_peers(result: Result, cohort: Cohort) -> PeerComparison | None:
    """The Result against its peer group (None when the cohort has no group for it)."""
    found = peer_group(result.criteria.id, result.criteria.hash, result.organisation, cohort)
    if found is None:
        return None
    name, group = found
    categories = tuple(
        construct(
            PeerCategory,
            id=c.id,
            share=c.share,
            mean=group.categories[c.id].mean if c.id in group.categories else None,
            n=group.categories[c.id].n if c.id in group.categories else 0,
        )
        for c in result.categories
    )
    indicators = []
    for outcome in result.indicators:
        peers = group.indicators.get(outcome.id)
        values = peers.values if peers is not None else None
        numeric = isinstance(outcome.value, int | Decimal) and not isinstance(outcome.value, bool)
        indicators.append(
            construct(
                PeerIndicator,
                id=outcome.id,
                value=outcome.value,
                points=outcome.points,
                n=peers.n if peers is not None else 0,
                met_share=peers.met_share if peers is not None else None,
                mean=values.mean if values is not None else None,
                median=values.median if values is not None else None,
                percentile=percentile(Decimal(outcome.value), values)
                if values is not None and numeric
                else None,
            )
        )
    share = result.score.share
    score = group.score
    return construct(
        PeerComparison,
        by=cohort.by,
        group=name,
        n=group.n,
        score_share=share,
        score_mean=score.mean if score is not None else None,
        score_percentile=percentile(share, score)
        if score is not None and share is not None
        else None,
        levels=dict(group.levels),
        categories=categories,
        indicators=tuple(indicators),
    )
