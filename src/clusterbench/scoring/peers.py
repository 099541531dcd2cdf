"""One Result against its peers in a cohort: the group, percentiles, peer-relative bands.

Pure functions.  A cohort is used only with the criteria content it was built from.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..models.assessment import Organisation
from ..models.cohort import Cohort, GroupStats, IndicatorStats, Stats
from ..models.common import construct
from ..models.result import PeerCategory, PeerComparison, PeerIndicator, Ratio, Result
from .cohort import ALL, group_of, is_number, met_share, rank

__all__ = ["compare_with_peers", "met_ratio", "peer_band", "peer_group", "why_no_peers"]


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
            share_exact=c.share_exact,
            mean=group.categories[c.id].mean if c.id in group.categories else None,
            n=group.categories[c.id].n if c.id in group.categories else 0,
        )
        for c in result.categories
    )
    indicators = []
    for outcome in result.indicators:
        peers = group.indicators.get(outcome.id)
        values = peers.values if peers is not None else None
        indicators.append(
            construct(
                PeerIndicator,
                id=outcome.id,
                value=outcome.value,
                points=outcome.points,
                n=peers.n if peers is not None else 0,
                met_share=peers.met_share if peers is not None else None,
                met_share_exact=met_ratio(peers) if peers is not None else None,
                mean=values.mean if values is not None else None,
                median=values.median if values is not None else None,
                **_ranked(outcome.value, values),
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
        score_share_exact=result.score.share_exact,
        score_mean=score.mean if score is not None else None,
        **{f"score_{k}": v for k, v in _ranked(share, score).items()},
        levels=dict(group.levels),
        categories=categories,
        indicators=tuple(indicators),
    )


def met_ratio(peers: IndicatorStats) -> Ratio | None:
    """The share of peers meeting an indicator exactly: how many met it over the `n`.

    A cohort keeps the share rounded; the count is the one whose share rounds to it
    (unique while `n` is below a million), else None.
    """
    if peers.met_share is None or not peers.n:
        return None
    met = int((peers.met_share * peers.n).to_integral_value())
    if not 0 <= met <= peers.n or met_share(met, peers.n) != peers.met_share:
        return None
    return Ratio.of(Fraction(met, peers.n))


def _ranked(value: Any, distribution: Stats | None) -> dict[str, int | None]:
    """`lower` and `equal`: how many peers lie below the value, and how many equal it."""
    found = (
        rank(Decimal(value), distribution)
        if distribution is not None and is_number(value)
        else None
    )
    return {"lower": found[0], "equal": found[1]} if found else {"lower": None, "equal": None}
