"""The peer group in words: who the peers are, where this cluster ranks, their levels.

A cohort holds anonymous statistics; it may have been built from a folder that holds
this cluster's own assessment too.  When the cohort holds a value equal to this
assessment's for its score and for every answer it ranks, it is taken to be this
assessment itself: ranks and level counts leave it out (a cluster is not its own
peer) and the report says so.  Means and medians cannot be taken apart again; they are
said to include it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...models.result import Result
from ...scoring.cohort import ALL
from .words import Phrases

__all__ = ["Ranked", "holds_own", "own_note", "peer_group", "peer_levels", "peer_rank", "ranked"]


def holds_own(result: Result) -> bool:
    """Whether the peer group holds this very assessment (its score and every answer)."""
    peers = result.peers
    if peers is None:
        return False
    ranked_answers = [i for i in peers.indicators if i.lower is not None]
    if peers.score_lower is not None and not peers.score_equal:
        return False
    if not ranked_answers or any(not i.equal for i in ranked_answers):
        return False
    # One matching answer proves little; a score and several answers together do.
    return len(ranked_answers) >= 3 or peers.score_lower is not None


@dataclass(frozen=True, slots=True)
class Ranked:
    """A rank among the peers, this assessment left out: lower, the same, of how many."""

    lower: int
    equal: int
    n: int


def ranked(lower: int | None, equal: int | None, n: int, own: bool) -> Ranked | None:
    """The rank counted among the other clusters (``own``: the group holds this one)."""
    if lower is None:
        return None
    if own:
        return Ranked(lower, max((equal or 0) - 1, 0), max(n - 1, 0))
    return Ranked(lower, equal or 0, n)


def peer_rank(found: Ranked | None, say: Phrases) -> str:
    """`4 of 5 clusters lower`, `2 of 5 clusters lower, 1 the same` ("" when not known)."""
    if found is None:
        return ""
    text = say.ngettext(
        "%(lower)d of %(num)d cluster lower", "%(lower)d of %(num)d clusters lower", found.n
    ) % {"lower": found.lower, "num": found.n}
    if found.equal:
        text += ", " + say.ngettext("%(num)d the same", "%(num)d the same", found.equal) % {
            "num": found.equal
        }
    return text


def peer_levels(result: Result, say: Phrases) -> str:
    """`4 hold Gold, 35 reached no level`: the levels of the other clusters of the group."""
    peers = result.peers
    assert peers is not None
    counts = dict(peers.levels)
    if holds_own(result):
        key = result.level or "none"
        if counts.get(key):
            counts[key] -= 1
    parts = []
    for level, count in counts.items():
        if not count:
            continue
        if level == "none":
            parts.append(
                say.ngettext("%(num)d reached no level", "%(num)d reached no level", count)
                % {"num": count}
            )
        else:
            parts.append(
                say.ngettext("%(num)d reached %(level)s", "%(num)d reached %(level)s", count)
                % {"num": count, "level": say.level_name(level)}
            )
    return say.join(parts)


def peer_group(result: Result, say: Phrases) -> str:
    """`5 clusters of the same comparative portfolio (Health and life sciences)`."""
    peers = result.peers
    assert peers is not None
    n = peers.n - 1 if holds_own(result) else peers.n
    numbers: dict[str, object] = {"num": n, "name": peers.group}
    if peers.group == ALL:
        return (
            say.ngettext("%(num)d cluster in the cohort", "all %(num)d clusters in the cohort", n)
            % numbers
        )
    if peers.by == "portfolio":
        found = say.portfolio(peers.group)
        numbers["name"] = found.text if found is not None else peers.group
        return (
            say.ngettext(
                "%(num)d cluster of the same comparative portfolio (%(name)s)",
                "%(num)d clusters of the same comparative portfolio (%(name)s)",
                n,
            )
            % numbers
        )
    if peers.by == "country":
        numbers["name"] = say.country(peers.group)
        return (
            say.ngettext(
                "%(num)d cluster of the same country (%(name)s)",
                "%(num)d clusters of the same country (%(name)s)",
                n,
            )
            % numbers
        )
    return (
        say.ngettext(
            "%(num)d cluster of the same size (%(name)s members)",
            "%(num)d clusters of the same size (%(name)s members)",
            n,
        )
        % numbers
    )


def own_note(result: Result, say: Phrases) -> str | None:
    """What the report says when the group holds this assessment itself."""
    if not holds_own(result):
        return None
    return say.gettext(
        "The cohort holds this assessment itself (the same score and answers): the ranks and "
        "the levels count only the other clusters; the means and medians include it."
    )
