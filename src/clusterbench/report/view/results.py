"""Results by category and by indicator, the gap to the next level and the margin."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ...models.result import Band, Status
from .. import charts
from ..phrases import requirement
from .context import Context, IndicatorLine

__all__ = [
    "CategoriesView",
    "CategoryRow",
    "GapView",
    "IndicatorGroup",
    "IndicatorRow",
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
    points: str
    band: Band | None
    band_label: str
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
    points: str | None
    indicators: tuple[IndicatorLine, ...]
    reachable: bool
    minimums: tuple[IndicatorLine, ...]
    unanswered: int
    blocked: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MarginView:
    """What the recommended level could lose before it goes."""

    level: str
    points: str | None
    minimums: tuple[IndicatorLine, ...]
    singles: tuple[IndicatorLine, ...]
    sets: tuple[tuple[IndicatorLine, ...], ...]
    none: str | None


NOT_COUNTED = "–"
"""The points and light of an indicator that does not apply, in every table."""


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
        chart=Markup(charts.category_bars(bars, title=_("Share of points by category")))
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
            rows.append(
                IndicatorRow(
                    id=indicator.id,
                    title=say.line(indicator.title),
                    answer=answer,
                    rule=say.met_when(indicator),
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
    return GapView(
        level=ctx.say.level_title(level.id),
        points=ctx.say.fmt.number(gap.points) if gap.points else None,
        indicators=tuple(ctx.line(i) for i in gap.indicators),
        reachable=gap.reachable,
        # Minimum requirements the list above already names (marked ●) are not repeated.
        minimums=tuple(ctx.line(i) for i in gap.minimums if i not in gap.indicators),
        unanswered=len(gap.unanswered),
        blocked=tuple(requirement(ctx.say, r, ctx.related) for r in gap.blocked_by),
    )


def build_margin(ctx: Context) -> MarginView | None:
    """The margin of the recommended level."""
    margin = ctx.result.margin
    if margin is None:
        return None
    say = ctx.say
    level = say.level_title(margin.level)
    others = [i for i in margin.singles if i not in margin.minimums]
    empty = not (margin.points or margin.minimums or others or margin.sets)
    return MarginView(
        level=level,
        points=say.fmt.number(margin.points) if margin.points is not None else None,
        minimums=tuple(ctx.line(i) for i in margin.minimums),
        singles=tuple(ctx.line(i) for i in others),
        sets=tuple(tuple(ctx.line(i) for i in s.indicators) for s in margin.sets),
        none=say.gettext("No loss of an indicator would cost %(level)s.") % {"level": level}
        if empty
        else None,
    )


def points_chart(ctx: Context, colour: str) -> Markup | None:
    """Points earned against the points the target level needs."""
    score, say = ctx.result.score, ctx.say
    _, fmt = say.gettext, say.fmt
    if not score.max_points:
        return None
    need = points_needed(ctx)
    return Markup(
        charts.points_bar(
            float(score.points),
            float(score.max_points),
            float(need) if need is not None else None,
            colour=colour,
            earned_label=_("%(points)s points") % {"points": fmt.number(score.points)},
            needed_label=_("%(points)s needed") % {"points": fmt.number(need)}
            if need is not None
            else None,
            title=_("Points earned and points needed"),
        )
    )


def points_needed(ctx: Context) -> Decimal | None:
    """The points the score's target level needs, as its score requirement found them."""
    target = ctx.result.level_result(ctx.result.score.target or "")
    if target is None:
        return None
    for r in target.requirements:
        for part in (r, *r.parts):
            overall = part.kind == "score" and part.category is None and part.among is None
            if (
                overall
                and part.points_needed is not None
                and part.needed == ctx.result.score.needed
            ):
                return part.points_needed
    return None
