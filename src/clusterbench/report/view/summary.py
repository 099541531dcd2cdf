"""The summary page: the level, how it was decided, validity, strengths and main gaps."""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from ...models.result import Band
from .. import charts
from ..phrases import Said, requirement
from ..phrases.decision import level_tag
from ..phrases.peers import peer_group
from ..phrases.validity import validity_lines
from .context import Context, IndicatorLine
from .cover import LevelView, ScoreView, previous_title, valid_decision

__all__ = ["Check", "LightCount", "SummaryView", "TrailLevel", "build_summary", "light_counts"]


@dataclass(frozen=True, slots=True)
class Check:
    """One requirement of a level, held or not, in words."""

    held: bool
    text: str


@dataclass(frozen=True, slots=True)
class TrailLevel:
    """One level and each of its requirements."""

    id: str
    title: str
    held: bool
    awarded: bool
    tag: str
    checks: tuple[Check, ...]


@dataclass(frozen=True, slots=True)
class LightCount:
    """How many lights of one colour: `28 green`."""

    band: Band | None
    label: str


@dataclass(frozen=True, slots=True)
class SummaryView:
    """Everything on the summary page."""

    level: LevelView
    score: ScoreView | None
    gauge: Markup | None
    lights: tuple[LightCount, ...]
    validity: tuple[str, ...]
    trail: tuple[TrailLevel, ...]
    designations: tuple[TrailLevel, ...]
    """Titles a level carries while their own requirements hold (NCE beside Arena Pro)."""
    appreciation: Said | None
    strengths: tuple[Said, ...]
    gaps_heading: str
    gaps: tuple[IndicatorLine, ...]
    more_gaps: str | None
    peers: str | None
    progress: str | None


def light_counts(ctx: Context) -> tuple[LightCount, ...]:
    """The lights of every applicable indicator, by colour."""
    found = [r.band for r in ctx.result.indicators if r.applicable]
    bands: tuple[Band | None, ...] = ("green", "yellow", "red", None)
    return tuple(
        LightCount(band, ctx.say.lights(band, found.count(band)))
        for band in bands
        if found.count(band)
    )


def build_summary(ctx: Context, level: LevelView, score: ScoreView | None) -> SummaryView:
    """The summary page."""
    say, result = ctx.say, ctx.result
    _ = say.gettext
    gauge = None
    if score is not None:
        gauge = Markup(
            charts.gauge(
                score.share_value,
                score.needed_value,
                colour=level.colour,
                value_label=score.share,
                threshold_label=score.needed or "",
                title=_("Score against the threshold"),
            )
        )
    decision = valid_decision(ctx)
    gaps = main_gaps(ctx)

    def tag(level_id: str, held: bool) -> str:
        found = level_tag(say, decision, level_id, result.level) if held else None
        return found or (_("held") if held else _("not reached"))

    return SummaryView(
        level=level,
        score=score,
        gauge=gauge,
        lights=light_counts(ctx),
        validity=tuple(validity_lines(result, say, decision)),
        trail=tuple(
            TrailLevel(
                id=lv.id,
                title=say.level_title(lv.id),
                held=lv.held,
                awarded=lv.id == level.id and lv.held,
                tag=tag(lv.id, lv.held),
                checks=tuple(
                    Check(r.held, requirement(say, r, ctx.related)) for r in lv.requirements
                ),
            )
            for lv in result.levels
        ),
        designations=_designations(ctx),
        appreciation=ctx.own(ctx.assessment.appreciation),
        strengths=ctx.own_all(ctx.assessment.strengths),
        gaps_heading=gaps[0],
        gaps=gaps[1],
        more_gaps=say.ngettext(
            "… and %(num)d more in the recommendations.",
            "… and %(num)d more in the recommendations.",
            gaps[2],
        )
        % {"num": gaps[2]}
        if gaps[2]
        else None,
        peers=_peer_line(ctx),
        progress=progress_line(ctx),
    )


def _designations(ctx: Context) -> tuple[TrailLevel, ...]:
    """Each designation on the assessment date: held beside the level, or why not."""
    say = ctx.say
    _ = say.gettext
    out = []
    for found in ctx.result.designations:
        designation = ctx.criteria.designation(found.id)
        if designation is None:
            continue
        beside = say.either([say.level_name(level) for level in designation.levels])
        if found.held:
            tag = _("held with %(level)s") % {"level": say.level_name(found.level)}
            if found.valid_until is not None:
                tag = _("held with %(level)s until %(date)s") % {
                    "level": say.level_name(found.level),
                    "date": say.fmt.date(found.valid_until),
                }
        else:
            tag = _("not held · only with %(levels)s") % {"levels": beside}
        out.append(
            TrailLevel(
                id=found.id,
                title=say.text(designation.title),
                held=found.held,
                awarded=found.held,
                tag=tag,
                checks=tuple(
                    Check(r.held, requirement(say, r, ctx.related)) for r in found.requirements
                ),
            )
        )
    return tuple(out)


def main_gaps(ctx: Context) -> tuple[str, tuple[IndicatorLine, ...], int]:
    """The heading, the indicators and how many more there are, from the Result.

    When the next level up can be reached by meeting indicators, they are its gap (the
    fewest that reach it).  When it cannot (it needs an earlier assessment, a verified
    improvement, another label), its failing indicators come first and then every
    indicator with a red light, as the Result's list of indicators to work on orders
    them.  At the top level, the indicators to work on.
    """
    _ = ctx.say.gettext
    result = ctx.result
    rank = ctx.criteria.level_rank(result.level)
    above = [lv for lv in result.levels[rank:] if lv.gap is not None]
    ids: list[str] = []
    heading = _("To work on")
    if above:
        gap = above[0].gap
        assert gap is not None
        ids = [*gap.minimums, *gap.indicators]
        if not gap.reachable:
            ids += [i for i in result.weak if (o := result.indicator(i)) and o.band == "red"]
        if ids:
            heading = _("Main gaps")
    if not ids:
        ids = list(result.weak)
    unique = list(dict.fromkeys(ids))
    # By id and title (with the points meeting it would add): the gap section says more.
    shown = [replace(ctx.gain(i), detail=None) for i in unique[:MOST_GAPS]]
    return heading, tuple(shown), len(unique) - len(shown)


MOST_GAPS = 6
"""The most indicators the summary names as gaps; the rest are counted."""


def _peer_line(ctx: Context) -> str | None:
    peers = ctx.result.peers
    if peers is None or peers.score_share is None or peers.score_mean is None:
        return None
    fmt = ctx.say.fmt
    return ctx.say.gettext(
        "Against %(group)s: %(share)s of the points, the peers %(mean)s on average."
    ) % {
        "group": peer_group(ctx.result, ctx.say),
        "share": fmt.share(peers.score_share),
        "mean": fmt.share(peers.score_mean),
    }


def progress_line(ctx: Context) -> str | None:
    """`Previous assessment 22 October 2019: Silver. Now, 24 months later: Gold.`"""
    comparison = ctx.result.comparison
    if comparison is None:
        return None
    say = ctx.say
    return say.ngettext(
        "Previous assessment %(date)s: %(before)s. Now, %(num)d month later: %(after)s.",
        "Previous assessment %(date)s: %(before)s. Now, %(num)d months later: %(after)s.",
        comparison.months,
    ) % {
        "date": say.fmt.date(comparison.previous_date),
        "before": previous_title(ctx, comparison.previous_level, comparison.previous_criteria),
        "num": comparison.months,
        "after": say.level_title(ctx.result.level),
    }
