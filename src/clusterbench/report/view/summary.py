"""The summary page: the level, how it was decided, validity, strengths and main gaps."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...models.result import Band
from .. import charts
from ..phrases import Said, requirement
from ..phrases.summary import peer_group
from .context import Context, IndicatorLine
from .cover import LevelView, ScoreView, previous_title

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
    return SummaryView(
        level=level,
        score=score,
        gauge=gauge,
        lights=light_counts(ctx),
        validity=_validity(ctx),
        trail=tuple(
            TrailLevel(
                id=lv.id,
                title=say.level_title(lv.id),
                held=lv.held,
                awarded=lv.id == level.id,
                tag=(_("awarded") if level.decided else _("recommended"))
                if lv.id == level.id
                else _("held")
                if lv.held
                else _("not reached"),
                checks=tuple(
                    Check(r.held, requirement(say, r, ctx.related)) for r in lv.requirements
                ),
            )
            for lv in result.levels
        ),
        designations=_designations(ctx),
        appreciation=ctx.own(ctx.assessment.appreciation),
        strengths=ctx.own_all(ctx.assessment.strengths),
        gaps_heading=_("Main gaps") if _next_gap(ctx) else _("To work on"),
        gaps=main_gaps(ctx),
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
        beside = say.join([say.level_title(level) for level in designation.levels])
        if found.held:
            tag = _("held beside %(level)s") % {"level": say.level_title(found.level)}
            if found.valid_until is not None:
                tag = _("held beside %(level)s until %(date)s") % {
                    "level": say.level_title(found.level),
                    "date": say.fmt.date(found.valid_until),
                }
        else:
            tag = _("not held (given beside %(levels)s)") % {"levels": beside}
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


def _validity(ctx: Context) -> tuple[str, ...]:
    _, fmt = ctx.say.gettext, ctx.say.fmt
    validity = ctx.result.validity
    if validity is None:
        return (_("No level is reached, so no validity applies."),)
    lines = [
        _("Valid from %(start)s to %(end)s.")
        % {"start": fmt.date(validity.valid_from), "end": fmt.date(validity.valid_until)}
    ]
    if validity.renewal and validity.extended_from is not None:
        lines.append(
            _("A renewal: it extends the label that was valid until %(date)s.")
            % {"date": fmt.date(validity.extended_from)}
        )
    if validity.renew_by is not None:
        lines.append(
            _("Renew by %(date)s at the latest to keep the label without a break.")
            % {"date": fmt.date(validity.renew_by)}
        )
    return tuple(lines)


def _next_gap(ctx: Context) -> bool:
    rank = ctx.criteria.level_rank(ctx.result.level)
    return any(lv.gap is not None and lv.gap.indicators for lv in ctx.result.levels[rank:])


def main_gaps(ctx: Context) -> tuple[IndicatorLine, ...]:
    """What stands between the assessment and the next level, else what to work on."""
    rank = ctx.criteria.level_rank(ctx.result.level)
    above = [lv for lv in ctx.result.levels[rank:] if lv.gap is not None]
    ids: list[str] = []
    if above:
        gap = above[0].gap
        assert gap is not None
        ids = [*gap.minimums, *gap.indicators]
    if not ids:
        ids = list(ctx.result.weak)
    return tuple(ctx.line(i) for i in dict.fromkeys(ids))[:5]


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
