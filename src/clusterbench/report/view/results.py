"""Results by category and by indicator, the gap to the next level and the margin."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ...models.result import Band, Status
from .. import charts
from ..phrases import requirement
from ..phrases.summary import score_needed
from .context import Context, IndicatorLine

__all__ = [
    "CategoriesView",
    "CategoryRow",
    "GapView",
    "IndicatorGroup",
    "IndicatorRow",
    "LossSet",
    "MarginView",
    "build_categories",
    "build_gap",
    "build_indicators",
    "build_margin",
    "points_chart",
]


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """One category: points, share (against its floor, if any), indicators met."""

    title: str
    points: str
    possible: str
    share: str
    floor: str | None
    met: str
    not_applicable: str | None


@dataclass(frozen=True, slots=True)
class CategoriesView:
    """The lights and, where the criteria carry points, the shares by category."""

    lights_chart: Markup
    chart: Markup | None
    rows: tuple[CategoryRow, ...]
    points_based: bool
    floors: bool


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One indicator: answer, rule, points and light; N/A written the same everywhere."""

    id: str
    title: str
    answer: str
    rule: str
    """When the indicator is met (for one judged by its light alone: when it is green)."""
    green: str | None
    """When its light is green, where the criteria set that apart from being met."""
    points: str
    band: Band | None
    band_label: str
    status_note: str | None
    """The status, where the light alone does not say it (met with a yellow light)."""
    status: Status
    minimum: bool


@dataclass(frozen=True, slots=True)
class IndicatorGroup:
    """The indicators of one category."""

    title: str
    rows: tuple[IndicatorRow, ...]


@dataclass(frozen=True, slots=True)
class GapView:
    """What separates the assessment from the next level up."""

    level: str
    title: str
    points: str | None
    score_reached: str | None
    indicators: tuple[IndicatorLine, ...]
    reachable: bool
    minimums: tuple[IndicatorLine, ...]
    unanswered: int
    blocked: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LossSet:
    """The fewest indicators whose loss together would cost the level, and their points."""

    indicators: tuple[IndicatorLine, ...]
    points: str | None


@dataclass(frozen=True, slots=True)
class MarginView:
    """What the recommended level could lose before it goes."""

    level: str
    title: str
    points: str | None
    minimums: tuple[IndicatorLine, ...]
    singles: tuple[IndicatorLine, ...]
    sets: tuple[LossSet, ...]
    first: str
    """How the first set is said: `fewest` (no single loss costs the level),
    `beside_minimums` (only a minimum requirement alone does) or `also`."""
    none: str | None


NOT_COUNTED = "–"
"""The points and light of an indicator that does not apply, in every table."""

LIGHT_OF: dict[str, Band] = {"met": "green", "partly_met": "yellow", "not_met": "red"}
"""The light each status has where the criteria give no lights of their own."""


def build_categories(ctx: Context) -> CategoriesView:
    """Lights per category, and shares where the criteria carry points."""
    say, result, criteria = ctx.say, ctx.result, ctx.criteria
    _, fmt = say.gettext, say.fmt
    rows, bars, lights = [], [], []
    for category, outcome in zip(criteria.categories, result.categories, strict=True):
        title = say.line(category.title)
        applicable = [i for i in result.indicators if i.category == category.id and i.applicable]
        counts = [
            sum(1 for i in applicable if i.band == b) for b in ("green", "yellow", "red", None)
        ]
        if any(counts):
            lights.append((title, *counts))
        leaving = sum(1 for i in result.indicators if i.category == category.id) - len(applicable)
        exact = outcome.share_exact.fraction if outcome.share_exact is not None else None
        share = fmt.share(exact, outcome.floor) if exact is not None else NOT_COUNTED
        rows.append(
            CategoryRow(
                title=title,
                points=fmt.number(outcome.points),
                possible=fmt.number(outcome.max_points),
                share=share,
                floor=fmt.threshold(outcome.floor) if outcome.floor is not None else None,
                met=f"{outcome.met} / {outcome.applicable}",
                not_applicable=say.ngettext(
                    "%(num)d not applicable", "%(num)d not applicable", leaving
                )
                % {"num": leaving}
                if leaving
                else None,
            )
        )
        held = outcome.floor_held is not False
        bars.append(
            charts.Bar(
                label=title,
                share=float(exact) if exact is not None else None,
                value_label=share,
                colour=charts.INK
                if outcome.floor is None
                else charts.COLOURS["green" if held else "red"],
                floor=float(outcome.floor) if outcome.floor is not None else None,
            )
        )
    points_based = any(c.max_points for c in result.categories)
    return CategoriesView(
        lights_chart=Markup(charts.light_bars(lights, title=_("Traffic lights by category"))),  # type: ignore[arg-type]
        chart=Markup(
            charts.category_bars(
                bars,
                title=_("Share of points by category"),
                ticks=[
                    (float(t), fmt.threshold(Decimal(t))) for t in ("0", "0.25", "0.5", "0.75", "1")
                ],
            )
        )
        if points_based
        else None,
        rows=tuple(rows),
        points_based=points_based,
        floors=any(c.floor is not None for c in result.categories),
    )


def build_indicators(ctx: Context) -> tuple[IndicatorGroup, ...]:
    """Every indicator, grouped by category."""
    say, result, criteria = ctx.say, ctx.result, ctx.criteria
    fmt = say.fmt
    outcomes = {i.id: i for i in result.indicators}
    groups = []
    for category in criteria.categories:
        rows = []
        for indicator in criteria.indicators:
            if indicator.category != category.id:
                continue
            outcome = outcomes[indicator.id]
            green = status_note = None
            if not outcome.applicable:
                answer, points, band_label = say.status("not_applicable"), NOT_COUNTED, NOT_COUNTED
            else:
                answer = (
                    say.value(indicator, outcome.value)
                    if outcome.status != "not_answered"
                    else say.status("not_answered")
                )
                points = (
                    f"{fmt.number(outcome.points)} / {fmt.number(outcome.max_points)}"
                    if indicator.points
                    else ""
                )
                band_label = say.band(outcome.band)
                bands = indicator.bands
                if bands is not None and outcome.band != LIGHT_OF.get(outcome.status, outcome.band):
                    # Met with a yellow light: the criteria's green asks more than the rule.
                    # The status is written beside the light, the green rule under the rule.
                    status_note = say.status(outcome.status)
                    green = say.gettext("green: %(rule)s") % {
                        "rule": say.rule(indicator, bands.green)
                    }
            rows.append(
                IndicatorRow(
                    id=indicator.id,
                    title=say.line(indicator.title),
                    answer=answer,
                    rule=say.met_when(indicator),
                    green=green,
                    status_note=status_note,
                    points=points,
                    band=outcome.band,
                    band_label=band_label,
                    status=outcome.status,
                    minimum=indicator.minimum_requirement,
                )
            )
        if rows:
            groups.append(IndicatorGroup(say.line(category.title), tuple(rows)))
    return tuple(groups)


def build_gap(ctx: Context) -> GapView | None:
    """The gap to the lowest level above the recommended one, if any."""
    rank = ctx.criteria.level_rank(ctx.result.level)
    above = [lv for lv in ctx.result.levels[rank:] if lv.gap is not None]
    if not above:
        return None
    level = above[0]
    gap = level.gap
    assert gap is not None
    say = ctx.say
    need = score_needed(ctx.result, level.id)
    score = ctx.result.score
    reached = None
    if need is not None and not gap.points and score.points >= need:
        # The share is there; the headline must not read as if the level were.
        reached = say.gettext(
            "The score already reaches what %(level)s needs (%(points)s points; %(needed)s "
            "needed): what it lacks is below."
        ) % {
            "level": say.level_name(level.id),
            "points": say.fmt.number(score.points),
            "needed": say.fmt.number(need),
        }
    return GapView(
        level=say.level_name(level.id),
        title=say.level_title(level.id),
        points=say.fmt.missing(gap.points) if gap.points else None,
        score_reached=reached,
        indicators=tuple(ctx.gain(i) for i in gap.indicators),
        reachable=gap.reachable,
        # Minimum requirements the list above already names (marked ●) are not repeated.
        minimums=tuple(ctx.gain(i) for i in gap.minimums if i not in gap.indicators),
        unanswered=len(gap.unanswered),
        blocked=tuple(requirement(say, r, ctx.related) for r in gap.blocked_by),
    )


def build_margin(ctx: Context) -> MarginView | None:
    """The margin of the recommended level."""
    margin = ctx.result.margin
    if margin is None:
        return None
    say = ctx.say
    level = say.level_name(margin.level)
    others = [i for i in margin.singles if i not in margin.minimums]
    empty = not (margin.points or margin.minimums or others or margin.sets)
    return MarginView(
        level=level,
        title=say.level_title(margin.level),
        points=say.fmt.spare(margin.points) if margin.points is not None else None,
        minimums=tuple(ctx.loss(i) for i in margin.minimums),
        singles=tuple(ctx.loss(i) for i in others),
        sets=tuple(
            LossSet(tuple(ctx.loss(i) for i in s.indicators), lost_points(ctx, s.indicators))
            for s in margin.sets
        ),
        first="fewest" if not margin.singles else "beside_minimums" if not others else "also",
        none=say.gettext("No loss of an indicator would cost %(level)s.") % {"level": level}
        if empty
        else None,
    )


def lost_points(ctx: Context, ids: tuple[str, ...]) -> str | None:
    """The points a set of indicators earned together (the Result's own points)."""
    found = [ctx.result.indicator(i) for i in ids]
    total = sum((o.points for o in found if o is not None), Decimal(0))
    return ctx.say.points_count(total) if total else None


def points_chart(ctx: Context, colour: str) -> Markup | None:
    """Points earned against the points the awarded level and the next one need.

    Both thresholds are drawn, each named, so that the chart measures what the gap and
    the margin beside it measure.
    """
    score, say = ctx.result.score, ctx.say
    _, fmt = say.gettext, say.fmt
    if not score.max_points:
        return None
    marks = []
    for level_id in dict.fromkeys(x for x in (ctx.result.level, score.target) if x):
        need = score_needed(ctx.result, level_id)
        if need is not None:
            marks.append(
                (
                    float(need),
                    _("%(level)s: %(points)s")
                    % {
                        "level": say.level_title(level_id),
                        "points": fmt.number(need),
                    },
                )
            )
    return Markup(
        charts.points_bar(
            float(score.points),
            float(score.max_points),
            marks,
            colour=colour,
            earned_label=say.points_count(score.points),
            title=_("Points earned and points needed"),
        )
    )
