"""Progress since the previous assessment, and the label history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ...models.criteria import Criteria
from ...models.result import Band, IndicatorChange
from ...pipeline.scoring import Scored
from .. import charts
from ..phrases import Said
from .context import Context
from .summary import progress_line

__all__ = [
    "AreaView",
    "ChangeView",
    "FollowUpView",
    "HistoryEntry",
    "HistoryView",
    "ProgressView",
    "build_history",
    "build_progress",
]


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One indicator then and now."""

    id: str
    title: str
    before: str
    after: str
    before_band: Band | None
    after_band: Band | None


@dataclass(frozen=True, slots=True)
class AreaView:
    """An improvement area and whether the assessor verified it."""

    indicator: str
    title: Said
    description: Said | None
    verified: bool
    verified_label: str


@dataclass(frozen=True, slots=True)
class FollowUpView:
    """What became of an earlier recommendation."""

    recommendation: Said
    status: str
    comment: Said | None


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Then and now."""

    line: str
    same_criteria: bool
    versions: tuple[str, ...]
    """Across two versions of the criteria: how indicators were paired, what was not."""
    improved: tuple[ChangeView, ...]
    declined: tuple[ChangeView, ...]
    unchanged: str
    areas: tuple[AreaView, ...]
    follow_up: tuple[FollowUpView, ...]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One assessment of the organisation."""

    date: str
    criteria: str
    level: str
    valid: str
    renewal: bool


@dataclass(frozen=True, slots=True)
class HistoryView:
    """The label history, as a timeline and a table."""

    chart: Markup
    entries: tuple[HistoryEntry, ...]


def build_progress(ctx: Context) -> ProgressView | None:
    """Progress since the previous assessment, when one is known."""
    comparison = ctx.result.comparison
    line = progress_line(ctx)
    if comparison is None or line is None:
        return None
    say = ctx.say

    def change(c: IndicatorChange) -> ChangeView:
        indicator = ctx.criteria.indicator(c.id)
        assert indicator is not None
        return ChangeView(
            id=c.id,
            title=say.line(indicator.title),
            before=say.band(c.before_band) if c.before_band else say.status(c.before_status),
            after=say.band(c.after_band) if c.after_band else say.status(c.after_status),
            before_band=c.before_band,
            after_band=c.after_band,
        )

    areas = []
    for area in ctx.assessment.improvement_areas:
        indicator = ctx.criteria.indicator(area.indicator)
        if indicator is None:
            continue
        title = ctx.own(area.title)
        areas.append(
            AreaView(
                indicator=area.indicator,
                title=title if title is not None else Said(say.line(indicator.title)),
                description=ctx.own(area.description),
                verified=area.verified,
                verified_label=say.gettext("verified")
                if area.verified
                else say.gettext("not verified"),
            )
        )
    follow_up = []
    for item in ctx.assessment.follow_up:
        recommendation = ctx.own(item.recommendation)
        assert recommendation is not None
        follow_up.append(
            FollowUpView(recommendation, say.follow_up(item.status), ctx.own(item.comment))
        )
    unchanged = len(comparison.unchanged)
    return ProgressView(
        line=line,
        same_criteria=comparison.previous_criteria == ctx.criteria.id,
        versions=_versions(ctx),
        improved=tuple(change(c) for c in comparison.changes if c.change == "improved"),
        declined=tuple(change(c) for c in comparison.changes if c.change == "declined"),
        unchanged=say.ngettext(
            "%(num)d indicator unchanged.", "%(num)d indicators unchanged.", unchanged
        )
        % {"num": unchanged},
        areas=tuple(areas),
        follow_up=tuple(follow_up),
    )


def _versions(ctx: Context) -> tuple[str, ...]:
    """What a comparison across two versions of one criteria set compared, and what not."""
    comparison = ctx.result.comparison
    criteria = ctx.criteria
    if (
        comparison is None
        or comparison.previous_criteria != criteria.id
        or comparison.previous_version in (None, criteria.version)
    ):
        return ()
    say = ctx.say
    _ = say.gettext
    earlier = ctx.scored.previous.criteria if ctx.scored.previous is not None else None
    then = (
        say.version(earlier)
        if earlier is not None and earlier.id == criteria.id
        else say.version(label=comparison.previous_version)
    )
    versions = {"old": then, "new": say.version()}
    if not comparison.mapped:
        return (
            _(
                "The previous assessment answered %(old)s of these criteria, which %(new)s "
                "does not supersede: no indicator is compared."
            )
            % versions,
        )

    def named(ids: tuple[str, ...], source: Criteria | None) -> str:
        found = [(i, source.indicator(i) if source is not None else None) for i in ids]
        return "; ".join(f"{i} {say.line(ind.title)}" if ind else i for i, ind in found)

    lines = [
        _(
            "The previous assessment answered %(old)s of these criteria: each indicator is "
            "compared with its counterpart in %(new)s."
        )
        % versions
    ]
    lines += [
        _("%(new)s was %(old)s in %(version)s.") % {"new": now, "old": then_id, "version": then}
        for now, then_id in comparison.renamed.items()
    ]
    if comparison.not_compared_before:
        lines.append(
            _("Not compared, asked only in %(version)s: %(indicators)s.")
            % {"version": then, "indicators": named(comparison.not_compared_before, earlier)}
        )
    if comparison.not_compared_now:
        lines.append(
            _("Not compared, new in %(version)s: %(indicators)s.")
            % {"version": say.version(), "indicators": named(comparison.not_compared_now, criteria)}
        )
    return tuple(lines)


def build_history(ctx: Context) -> HistoryView | None:
    """The label history the previous assessments carry, as a timeline."""
    chain: list[Scored] = []
    current: Scored | None = ctx.scored
    while current is not None:
        chain.append(current)
        current = current.previous
    if len(chain) < 2:
        return None
    chain.reverse()
    say = ctx.say
    fmt = say.fmt
    labelled = [c for c in chain if c.result.validity is not None]
    if not labelled:
        return None
    start = min(c.result.assessment.date for c in chain)
    end = max(c.result.validity.valid_until for c in labelled)  # type: ignore[union-attr]
    first, last = start.year, end.year + 1
    span = (dt.date(last, 1, 1) - dt.date(first, 1, 1)).days

    def at(day: dt.date) -> float:
        return (day - dt.date(first, 1, 1)).days / span

    bars, entries = [], []
    for item in chain:
        result = item.result
        level = item.criteria.level(result.level) if result.level else None
        title = say.text(level.title) if level is not None else say.gettext("no level")
        validity = result.validity
        entries.append(
            HistoryEntry(
                date=fmt.date(result.assessment.date),
                criteria=say.line(item.criteria.title),
                level=title,
                valid=say.gettext("%(start)s to %(end)s")
                % {"start": fmt.date(validity.valid_from), "end": fmt.date(validity.valid_until)}
                if validity
                else "–",
                renewal=validity.renewal if validity else False,
            )
        )
        if validity is not None:
            colour = level.color if level is not None and level.color else charts.INK
            bars.append((at(validity.valid_from), at(validity.valid_until), title, colour))
    years = tuple(
        charts.Year(at(dt.date(year, 1, 1)), at(dt.date(year + 1, 1, 1)), str(year))
        for year in range(first, last)
    )
    return HistoryView(
        chart=Markup(charts.timeline(bars, years, title=say.gettext("Label history"))),
        entries=tuple(entries),
    )
