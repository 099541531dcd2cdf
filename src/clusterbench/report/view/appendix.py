"""Recommendations, and the appendix: the organisation, method, criteria, evidence."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...models.result import Band
from ..phrases import Said
from ..phrases.overview import provenance_status
from .context import Context

__all__ = [
    "AppendixView",
    "EvidenceRow",
    "OrgFact",
    "Recommendation",
    "RecommendationsView",
    "SourceView",
    "build_appendix",
    "build_recommendations",
]


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One indicator to work on: its light, the criteria's advice, the assessor's note."""

    id: str
    title: str
    band: Band | None
    band_label: str
    minimum: bool
    text: str
    comment: Said | None


@dataclass(frozen=True, slots=True)
class RecommendationsView:
    """The assessors' own recommendations, then one per indicator to work on."""

    assessors: tuple[Said, ...]
    indicators: tuple[Recommendation, ...]


@dataclass(frozen=True, slots=True)
class OrgFact:
    """A fact about the cluster organisation: a label and its values."""

    label: Said
    values: tuple[Said, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    """A public source of the criteria."""

    title: str
    url: str | None


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """What was checked for one indicator, and the assessor's comment."""

    id: str
    title: str
    evidence: tuple[Said, ...]
    comment: Said | None
    reason: Said | None


@dataclass(frozen=True, slots=True)
class AppendixView:
    """The appendix."""

    organisation: tuple[OrgFact, ...]
    how: str
    """How these criteria decide, as their facts are: points or none, partial credit, lights."""
    method: Said | None
    criteria_title: str
    criteria_id: str
    version: str
    version_said: str
    provenance: str
    hash: str
    note: Markup
    sources: tuple[SourceView, ...]
    evidence: tuple[EvidenceRow, ...]
    asked: bool
    notes_elsewhere: bool
    """Some notes are printed with the recommendations, not in the evidence table."""


def how_decided(ctx: Context) -> str:
    """The method, in as many sentences as these criteria need: what a reader of a
    report without points must not read is a score."""
    _ = ctx.say.gettext
    criteria = ctx.criteria
    indicators = criteria.indicators
    points = any(i.points for i in indicators)
    said = [_("Each indicator is met when its answer satisfies its rule.")]
    if points:
        if any(i.partial for i in indicators):
            said.append(_("Some earn part of their points when the answer comes close."))
        said.append(
            _(
                "The score is the points earned over the points of the applicable indicators; "
                "indicators that do not apply leave the count."
            )
        )
    else:
        said.append(
            _(
                "These criteria give no points: nothing is added up into a score, and there is "
                "no pass mark."
            )
        )
    if any(i.bands is not None for i in indicators):
        said.append(
            _(
                "Each indicator gets a traffic light: where the criteria set thresholds for the "
                "lights, by those; otherwise green when it is met, yellow when partly met and red "
                "when not."
            )
        )
    said.append(
        _(
            "A level is reached when all its requirements hold; the highest such level is the "
            "one these criteria give."
        )
    )
    shares = {r.kind for lv in ctx.result.levels for r in lv.requirements}
    if shares & {"score", "category_floors"}:
        said.append(_("Shares are compared exactly: reaching the threshold exactly is enough."))
    return " ".join(said)


def inline_code(text: str) -> Markup:
    """A criteria text with `backticks` shown as code, the rest escaped as plain text."""
    pieces = text.split("`")
    if len(pieces) % 2 == 0:  # an unmatched backtick: plain text as written
        return Markup.escape(text)
    return Markup("").join(
        Markup("<code>%s</code>") % piece if index % 2 else Markup.escape(piece)
        for index, piece in enumerate(pieces)
    )


def build_recommendations(ctx: Context) -> RecommendationsView:
    """Recommendations for the indicators to work on, most urgent first."""
    say = ctx.say
    items = []
    for indicator_id in ctx.result.weak:
        indicator = ctx.criteria.indicator(indicator_id)
        outcome = ctx.result.indicator(indicator_id)
        if indicator is None or outcome is None:
            continue
        answer = ctx.assessment.answers.get(indicator_id)
        items.append(
            Recommendation(
                id=indicator_id,
                title=say.line(indicator.title),
                band=outcome.band,
                band_label=say.band(outcome.band),
                minimum=indicator.minimum_requirement,
                text=say.text(indicator.recommendation),
                comment=ctx.own(answer.comment) if answer is not None else None,
            )
        )
    return RecommendationsView(ctx.own_all(ctx.assessment.recommendations), tuple(items))


def build_appendix(ctx: Context) -> AppendixView:
    """The appendix."""
    say, criteria = ctx.say, ctx.criteria
    _, fmt = say.gettext, say.fmt
    org = ctx.result.organisation
    facts: list[OrgFact] = []
    if org.founded is not None:
        facts.append(OrgFact(Said(_("Founded")), (Said(str(org.founded)),)))
    if org.members is not None:
        facts.append(OrgFact(Said(_("Members")), (Said(fmt.number(org.members, places=0)),)))
    if org.website:
        facts.append(OrgFact(Said(_("Website")), (Said(org.website),)))
    for fact in org.facts:
        label = ctx.own(fact.label)
        assert label is not None
        facts.append(OrgFact(label, ctx.own_all(fact.values)))
    rows = []
    # A note on an indicator to work on is printed with its recommendation: not twice.
    recommended = set(ctx.result.weak)
    for indicator in criteria.indicators:
        answer = ctx.assessment.answers.get(indicator.id)
        if answer is None:
            continue
        row = EvidenceRow(
            id=indicator.id,
            title=say.line(indicator.title),
            evidence=ctx.own_all(answer.evidence),
            comment=ctx.own(answer.comment) if indicator.id not in recommended else None,
            reason=ctx.own(answer.reason) if answer.not_applicable else None,
        )
        if row.evidence or row.comment or row.reason:
            rows.append(row)
    return AppendixView(
        organisation=tuple(facts),
        how=how_decided(ctx),
        method=ctx.own(ctx.assessment.assessment.method),
        criteria_title=say.line(criteria.title),
        criteria_id=criteria.id,
        version=criteria.version,
        version_said=say.version(),
        provenance=provenance_status(criteria.provenance.status, say),
        hash=ctx.result.criteria.hash,
        note=inline_code(say.text(criteria.provenance.note)),
        sources=tuple(SourceView(s.title, s.url) for s in criteria.provenance.sources),
        evidence=tuple(rows),
        asked=any(i.evidence for i in criteria.indicators),
        notes_elsewhere=any(
            (a := ctx.assessment.answers.get(i)) is not None and a.comment is not None
            for i in recommended
        ),
    )
