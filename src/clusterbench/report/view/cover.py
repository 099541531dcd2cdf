"""The cover and its imprint: who was assessed, when, by whom, and what level they reached."""

from __future__ import annotations

from dataclasses import dataclass

from ...models.assessment import Decision
from ...pipeline.scoring import check_decision
from ..phrases import Said
from ..phrases.comparison import previous_level
from ..phrases.decision import awarding_body, decision_line, standing_of
from ..phrases.summary import score_line, score_needed, still_missing
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
    target_name: str | None
    """The target level as running text writes it (`gull` in Norwegian)."""
    line: str
    missing: str | None
    """What the target level still lacks when its share is reached (the score is not it)."""


@dataclass(frozen=True, slots=True)
class AssessorView:
    """One assessor: name, role (the assessor's words), organisation."""

    name: str
    role: Said | None
    organisation: str | None


@dataclass(frozen=True, slots=True)
class FactRow:
    """One row of the imprint: a label, its value, and an identifier never broken."""

    label: str
    value: str
    code: str | None = None


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
    """`version 2013`, or the period a version with words in its name was used in."""
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
        facts.append(FactRow(_("Report"), "", info.report_id))
    facts.append(FactRow(_("Assessment date"), fmt.date(result.assessment.date)))
    facts += assessment_kind(ctx)
    if info.organisation:
        facts.append(FactRow(_("Assessed by"), info.organisation))
    if info.data_years:
        facts.append(FactRow(_("Data checked"), years(info.data_years)))
    decision = valid_decision(ctx)
    if result.level is not None or decision is not None:
        facts.append(
            FactRow(
                _("Decision"),
                decision_line(say, decision, result.level, reference=False),
                decision.reference if decision is not None else None,
            )
        )
    if result.validity is not None and standing_of(decision, criteria) not in (
        "rejected",
        "withdrawn",
    ):
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
        version=say.version(),
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


def valid_decision(ctx: Context) -> Decision | None:
    """The awarding body's decision, unless it is for a level the answers do not reach."""
    decision = ctx.assessment.decision
    return decision if decision is not None and check_decision(ctx.scored) is None else None


def level_view(ctx: Context, accent: str) -> LevelView:
    """The level, named for what it is: recommended, awarded, not awarded or withdrawn.

    The level these criteria give is a recommendation until the awarding body's
    decision is recorded (`decision` in the assessment), unless the criteria's
    `awarding` needs no approval; an approved decision may award a lower level.
    """
    _ = ctx.say.gettext
    decision = valid_decision(ctx)
    reached = ctx.result.level
    state = standing_of(decision, ctx.criteria)
    heading, decided = {
        "free": (_("Level reached"), True),
        "pending": (_("Recommended level"), False),
        "approved": (_("Level awarded"), True),
        "rejected": (_("Recommended, not awarded"), True),
        "withdrawn": (_("Label withdrawn"), True),
    }[state]
    level_id = reached
    if decision is not None and state in ("approved", "withdrawn"):
        level_id = decision.level or reached
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


def score_view(ctx: Context) -> ScoreView | None:
    """The score, when the criteria carry points."""
    say, score = ctx.say, ctx.result.score
    if not score.max_points or score.share_exact is None:
        return None
    fmt = say.fmt
    exact = score.share_exact.fraction
    return ScoreView(
        points=fmt.points(score.points, score_needed(ctx.result, score.target)),
        possible=fmt.number(score.max_points),
        share=fmt.share(exact, score.needed),
        share_value=float(exact),
        needed=fmt.threshold(score.needed) if score.needed is not None else None,
        needed_value=float(score.needed) if score.needed is not None else None,
        target=say.level_title(score.target) if score.target is not None else None,
        target_name=say.level_name(score.target) if score.target is not None else None,
        line=score_line(ctx.result, say, ctx.related, together=True),
        missing=still_missing(ctx.result, say, ctx.related),
    )


def _notice(ctx: Context, level: LevelView) -> str:
    _ = ctx.say.gettext
    body = {"body": awarding_body(ctx.say)}
    if level.decided:
        return (
            _(
                "The criteria were reconstructed from public sources; the official wording, "
                "weights and thresholds of %(body)s are not public. The decision shown is the "
                "one the assessment records."
            )
            % body
        )
    return (
        _(
            "The criteria were reconstructed from public sources; the official wording, weights "
            "and thresholds of %(body)s are not public. The level shown is the level these "
            "criteria give: a recommendation, not a decision of %(body)s."
        )
        % body
    )


def assessment_kind(ctx: Context) -> list[FactRow]:
    """`Assessment: first assessment` or `renewal of the label`, and the previous one.

    A `first` assessment is one that renews no label; with a previous assessment on
    record, the report names that one instead of calling this one the first.
    """
    _, fmt = ctx.say.gettext, ctx.say.fmt
    renewal = ctx.assessment.assessment.type == "renewal"
    comparison = ctx.result.comparison
    rows = []
    review = ctx.assessment.assessment.type == "review"  # the period stays the previous one's
    if renewal or review or comparison is None:
        if renewal:
            kind = _("renewal of the label")
        elif review and comparison is not None:
            kind = _("review within the period")
        else:
            kind = _("first assessment")
        rows.append(FactRow(_("Assessment"), kind))
    if comparison is not None:
        level = previous_title(ctx, comparison.previous_level, comparison.previous_criteria)
        rows.append(
            FactRow(
                _("Previous assessment"),
                _("%(date)s: %(level)s")
                % {"date": fmt.date(comparison.previous_date), "level": level},
            )
        )
    return rows


def previous_title(ctx: Context, level: str | None, criteria_id: str) -> str:
    """A previous assessment's level by its title, with its criteria when they differ."""
    say = ctx.say
    earlier = ctx.scored.previous.criteria if ctx.scored.previous is not None else None
    title = previous_level(level, criteria_id, say, ctx.related, earlier)
    if criteria_id == ctx.criteria.id or level is None:
        return title
    other = earlier if earlier is not None and earlier.id == criteria_id else None
    other = other or ctx.related.get(criteria_id)
    if other is None:
        return title
    return say.gettext("%(level)s (%(criteria)s)") % {
        "level": title,
        "criteria": say.line(other.title),
    }


def years(values: tuple[int, ...]) -> str:
    """`2020–2021` for consecutive years, else `2019, 2021`."""
    if len(values) > 1 and values == tuple(range(values[0], values[-1] + 1)):
        return f"{values[0]}–{values[-1]}"
    return ", ".join(str(y) for y in values)
