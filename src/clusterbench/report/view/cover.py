"""The cover and its imprint: who was assessed, when, by whom, and what level they reached."""

from __future__ import annotations

from dataclasses import dataclass

from ...pipeline.scoring import check_decision
from ..phrases import Said
from ..phrases.summary import score_line
from .context import Context

__all__ = [
    "AssessorView",
    "Assumed",
    "Cover",
    "FactRow",
    "LevelView",
    "Meta",
    "ScoreView",
    "build_cover",
]


@dataclass(frozen=True, slots=True)
class LevelView:
    """The level these criteria give: named a recommendation until a decision is recorded.

    ``decided`` switches the wording to "Level awarded" once the labelling body's decision
    is part of the record.
    """

    id: str | None
    title: str
    heading: str
    colour: str
    decided: bool


@dataclass(frozen=True, slots=True)
class ScoreView:
    """The score against the threshold, each figure formatted once."""

    points: str
    possible: str
    share: str
    share_value: float
    needed: str | None
    needed_value: float | None
    target: str | None
    line: str


@dataclass(frozen=True, slots=True)
class AssessorView:
    """One assessor: name, role (the assessor's words), organisation."""

    name: str
    role: Said | None
    organisation: str | None


@dataclass(frozen=True, slots=True)
class FactRow:
    """One row of the imprint: a label and its value."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Assumed:
    """An answer assumed instead of the assessment's own (`--assume`): a what-if."""

    id: str
    title: str
    value: str


@dataclass(frozen=True, slots=True)
class Meta:
    """The PDF's metadata."""

    title: str
    authors: str
    subject: str
    keywords: str


@dataclass(frozen=True, slots=True)
class Cover:
    """The first page."""

    organisation: str
    country: str
    portfolio: Said | None
    criteria_title: str
    version: str
    level: LevelView
    score: ScoreView | None
    facts: tuple[FactRow, ...]
    assessors: tuple[AssessorView, ...]
    what_if: tuple[Assumed, ...]
    reconstructed: bool
    notice: str


def build_cover(ctx: Context, accent: str) -> Cover:
    """The cover, from the Result and the assessment's imprint."""
    say, result, criteria = ctx.say, ctx.result, ctx.criteria
    _, fmt = say.gettext, say.fmt
    info = ctx.assessment.assessment
    level = level_view(ctx, accent)
    facts = []
    if info.report_id:
        facts.append(FactRow(_("Report"), info.report_id))
    facts.append(FactRow(_("Assessment date"), fmt.date(result.assessment.date)))
    facts.append(FactRow(_("Assessment"), assessment_kind(ctx)))
    if info.organisation:
        facts.append(FactRow(_("Assessed by"), info.organisation))
    if info.data_years:
        facts.append(FactRow(_("Data checked"), years(info.data_years)))
    if result.level is not None:
        facts.append(FactRow(_("Decision"), decision_line(ctx)))
    if result.validity is not None:
        facts.append(
            FactRow(
                _("Valid"),
                _with_designations(
                    ctx,
                    _("%(start)s to %(end)s")
                    % {
                        "start": fmt.date(result.validity.valid_from),
                        "end": fmt.date(result.validity.valid_until),
                    },
                ),
            )
        )
    return Cover(
        organisation=result.organisation.name,
        country=say.country(result.organisation.country),
        portfolio=say.portfolio(result.organisation.portfolio),
        criteria_title=say.line(criteria.title),
        version=criteria.version,
        level=level,
        score=score_view(ctx),
        facts=tuple(facts),
        assessors=tuple(
            AssessorView(a.name, ctx.own(a.role), a.organisation) for a in info.assessors
        ),
        what_if=what_if(ctx),
        reconstructed=criteria.provenance.status != "official",
        notice=_notice(ctx, level),
    )


def _with_designations(ctx: Context, period: str) -> str:
    """The level's period, with the end of each designation the cover names beside the
    level ("Arena Pro NCE") when it ends before the level: NCE ends with the Gold label."""
    _, fmt = ctx.say.gettext, ctx.say.fmt
    validity = ctx.result.validity
    for found in ctx.result.designations:
        designation = ctx.criteria.designation(found.id)
        if not found.held or designation is None or found.valid_until is None:
            continue
        if validity is not None and found.valid_until == validity.valid_until:
            continue
        period = _("%(period)s (%(designation)s until %(end)s)") % {
            "period": period,
            "designation": ctx.say.text(designation.title),
            "end": fmt.date(found.valid_until),
        }
    return period


def what_if(ctx: Context) -> tuple[Assumed, ...]:
    """Answers assumed instead of the assessment's (`--assume`): the report is a what-if.

    A key names an indicator of these criteria, or of a related set (`esca-eligibility.E1`).
    """
    say, criteria, related = ctx.say, ctx.criteria, ctx.related
    found = []
    for key, value in ctx.result.assumptions.items():
        owner, indicator_id = criteria, key
        prefix, _, rest = key.partition(".")
        while owner.indicator(indicator_id) is None and rest and prefix in related:
            owner, indicator_id = related[prefix], rest
            prefix, _, rest = rest.partition(".")
        indicator = owner.indicator(indicator_id)
        found.append(
            Assumed(
                id=key,
                title=say.line(indicator.title) if indicator is not None else "",
                value=say.gettext("no answer")
                if value is None or indicator is None
                else say.value(indicator, value),
            )
        )
    return tuple(found)


def level_view(ctx: Context, accent: str) -> LevelView:
    """The level, named for what it is: recommended, awarded, not awarded or withdrawn.

    The level these criteria give is a recommendation until the labelling body's
    decision is recorded (`decision` in the assessment), unless the criteria's
    `awarding` needs no approval; an approved decision may award a lower level.
    """
    _ = ctx.say.gettext
    decision = ctx.assessment.decision
    reached = ctx.result.level
    level_id, heading, decided = reached, _("Recommended level"), False
    if awarding_free(ctx):
        heading, decided = _("Level reached"), True
    if decision is not None and check_decision(ctx.scored) is None:
        if decision.status == "approved":
            level_id, heading, decided = decision.level or reached, _("Level awarded"), True
        elif decision.status == "withdrawn":
            level_id, heading, decided = decision.level or reached, _("Label withdrawn"), True
        elif decision.status == "rejected":
            heading = _("Recommended, not awarded")
    level = ctx.criteria.level(level_id) if level_id else None
    title = ctx.say.text(level.title) if level is not None else _("No level reached")
    for found in ctx.result.designations:
        designation = ctx.criteria.designation(found.id)
        if found.held and found.level == level_id and designation is not None:
            title = f"{title} {ctx.say.text(designation.title)}"  # "Arena Pro NCE"
    return LevelView(
        id=level_id,
        title=title,
        heading=heading if level is not None else _("Result"),
        colour=level.color if level is not None and level.color else accent,
        decided=decided,
    )


def awarding_free(ctx: Context) -> bool:
    """Whether the criteria's levels are held without the body's approval."""
    awarding = ctx.criteria.awarding
    return awarding is not None and awarding.approval == "none"


def decision_line(ctx: Context) -> str:
    """What the labelling body decided, as the assessment records it."""
    say = ctx.say
    _, fmt = say.gettext, say.fmt
    decision = ctx.assessment.decision
    if decision is None or decision.status == "recommended":
        if awarding_free(ctx):
            return _("none needed: these criteria's levels are held without approval")
        return _("none recorded yet: the level is a recommendation to the labelling body")
    parts = {
        "approved": _("awarded"),
        "rejected": _("not awarded"),
        "withdrawn": _("withdrawn"),
    }[decision.status]
    if decision.level is not None and decision.level != ctx.result.level:
        parts = _("%(decision)s at %(level)s") % {
            "decision": parts,
            "level": say.level_title(decision.level),
        }
    if decision.by:
        parts = _("%(decision)s by %(by)s") % {"decision": parts, "by": decision.by}
    if decision.date is not None:
        parts = _("%(decision)s on %(date)s") % {
            "decision": parts,
            "date": fmt.date(decision.date),
        }
    if decision.reference:
        parts = f"{parts} ({decision.reference})"
    return parts


def score_view(ctx: Context) -> ScoreView | None:
    """The score, when the criteria carry points."""
    say, score = ctx.say, ctx.result.score
    if not score.max_points or score.share_exact is None:
        return None
    fmt = say.fmt
    exact = score.share_exact.fraction
    return ScoreView(
        points=fmt.number(score.points),
        possible=fmt.number(score.max_points),
        share=fmt.share(exact, score.needed),
        share_value=float(exact),
        needed=fmt.threshold(score.needed) if score.needed is not None else None,
        needed_value=float(score.needed) if score.needed is not None else None,
        target=say.level_title(score.target) if score.target is not None else None,
        line=score_line(ctx.result, say),
    )


def _notice(ctx: Context, level: LevelView) -> str:
    _ = ctx.say.gettext
    if level.decided:
        return _(
            "The criteria were reconstructed from public sources; the labelling body's official "
            "wording, weights and thresholds are not public. The decision shown is the one the "
            "assessment records."
        )
    return _(
        "The criteria were reconstructed from public sources; the labelling body's official "
        "wording, weights and thresholds are not public. The level shown is the level these "
        "criteria give: a recommendation, not the labelling body's decision on a label."
    )


def assessment_kind(ctx: Context) -> str:
    """`first assessment`, `renewal`, `review`, and the previous assessment when known.

    A `first` assessment is one that renews no label; with a previous assessment on
    record, the report names it instead of calling this one the first.
    """
    _, fmt = ctx.say.gettext, ctx.say.fmt
    renewal = ctx.assessment.assessment.type == "renewal"
    comparison = ctx.result.comparison
    if comparison is None:
        return _("renewal of the label") if renewal else _("first assessment")
    previous = {
        "date": fmt.date(comparison.previous_date),
        "level": previous_title(ctx, comparison.previous_level, comparison.previous_criteria),
    }
    if renewal:
        return _("renewal of the label; previous assessment %(date)s: %(level)s") % previous
    if ctx.assessment.assessment.type == "review":  # the period stays the previous one's
        return _("review within the period; previous assessment %(date)s: %(level)s") % previous
    return _("previous assessment %(date)s: %(level)s") % previous


def previous_title(ctx: Context, level: str | None, criteria_id: str) -> str:
    """A previous assessment's level, by its title (in its own criteria when they differ)."""
    say = ctx.say
    if criteria_id == ctx.criteria.id:
        return say.level_title(level)
    earlier = ctx.scored.previous.criteria if ctx.scored.previous is not None else None
    other = (
        earlier
        if earlier is not None and earlier.id == criteria_id
        else ctx.related.get(criteria_id)
    )
    found = other.level(level) if other is not None and level else None
    if found is None or other is None:
        return level or say.gettext("no level")
    return say.gettext("%(level)s (%(criteria)s)") % {
        "level": say.text(found.title),
        "criteria": say.line(other.title),
    }


def years(values: tuple[int, ...]) -> str:
    """`2020–2021` for consecutive years, else `2019, 2021`."""
    if len(values) > 1 and values == tuple(range(values[0], values[-1] + 1)):
        return f"{values[0]}–{values[-1]}"
    return ", ".join(str(y) for y in values)
