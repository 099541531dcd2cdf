"""Recommendations, and the appendix: the organisation, method, criteria, evidence."""

from __future__ import annotations

from dataclasses import dataclass

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
    method: Said | None
    criteria_title: str
    criteria_id: str
    version: str
    provenance: str
    hash: str
    note: str
    sources: tuple[SourceView, ...]
    evidence: tuple[EvidenceRow, ...]
    asked: bool


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
    for indicator in criteria.indicators:
        answer = ctx.assessment.answers.get(indicator.id)
        if answer is None:
            continue
        row = EvidenceRow(
            id=indicator.id,
            title=say.line(indicator.title),
            evidence=ctx.own_all(answer.evidence),
            comment=ctx.own(answer.comment),
            reason=ctx.own(answer.reason) if answer.not_applicable else None,
        )
        if row.evidence or row.comment or row.reason:
            rows.append(row)
    return AppendixView(
        organisation=tuple(facts),
        method=ctx.own(ctx.assessment.assessment.method),
        criteria_title=say.line(criteria.title),
        criteria_id=criteria.id,
        version=criteria.version,
        provenance=provenance_status(criteria.provenance.status, say),
        hash=ctx.result.criteria.hash,
        note=say.text(criteria.provenance.note),
        sources=tuple(SourceView(s.title, s.url) for s in criteria.provenance.sources),
        evidence=tuple(rows),
        asked=any(i.evidence for i in criteria.indicators),
    )
