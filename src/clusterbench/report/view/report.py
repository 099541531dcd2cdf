"""The whole report's view: one frozen dataclass per section, built from the Result only.

Templates read attributes of these; every figure is formatted once, here, from the
Result (the share, the threshold, the indicators to work on are the Result's own), and
every sentence comes from :mod:`clusterbench.report.phrases`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ..._version import __version__
from ...pipeline.scoring import Scored
from ..i18n import choose_language
from ..phrases import Phrases
from .appendix import AppendixView, RecommendationsView, build_appendix, build_recommendations
from .context import Context, ReportOptions
from .cover import Cover, Meta, build_cover
from .development import DevelopmentView, build_development
from .peers import PeersView, build_peers
from .progress import HistoryView, ProgressView, build_history, build_progress
from .results import (
    CategoriesView,
    GapView,
    IndicatorGroup,
    MarginView,
    build_categories,
    build_gap,
    build_indicators,
    build_margin,
    points_chart,
)
from .summary import SummaryView, build_summary

__all__ = ["Brand", "Foreign", "ReportView", "Running", "build_view", "css_content", "css_string"]


@dataclass(frozen=True, slots=True)
class Brand:
    """The accent colour and the logo."""

    accent: str
    logo: str | None


@dataclass(frozen=True, slots=True)
class Running:
    """The running header and footer, as CSS `content` values for the page margins.

    Written into the page rules, not into the document: the words stay out of the
    text of the first page, and the page number is part of the footer's text.
    """

    organisation: Markup
    report_id: Markup
    criteria: Markup
    page: Markup


@dataclass(frozen=True, slots=True)
class Foreign:
    """A language some of the assessor's texts are shown in, for the note that says so."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything a report shows, section by section."""

    lang: str
    audience: str
    generator: str
    brand: Brand
    meta: Meta
    iso_date: str
    running: Running
    criteria_line: str
    cover: Cover
    summary: SummaryView
    categories: CategoriesView
    indicators: tuple[IndicatorGroup, ...]
    has_points: bool
    lights_apart: bool
    """Some indicator's green light asks more than being met (its rule is given too)."""
    gap: GapView | None
    margin: MarginView | None
    points_chart: Markup | None
    highest: str | None
    progress: ProgressView | None
    development: DevelopmentView | None
    peers: PeersView | None
    recommendations: RecommendationsView
    appendix: AppendixView
    history: HistoryView | None
    foreign: tuple[Foreign, ...]


def build_view(scored: Scored, options: ReportOptions) -> ReportView:
    """The report of ``scored`` as ``options`` ask for it."""
    criteria, result = scored.criteria, scored.result
    language = choose_language(criteria, options.language)
    say = Phrases(language, criteria, written_in=scored.assessment.language, related=scored.related)
    ctx = Context(scored, options, say)
    _ = say.gettext
    cover = build_cover(ctx, options.accent)
    criteria_line = f"{say.line(criteria.title)} · {say.version(short=True)}"
    organisation = result.organisation
    summary = build_summary(ctx, cover.level, cover.score)
    categories = build_categories(ctx)
    indicators = build_indicators(ctx)
    progress = build_progress(ctx)
    peers = build_peers(ctx, options.accent)
    recommendations = build_recommendations(ctx)
    appendix = build_appendix(ctx)
    return ReportView(
        lang=language,
        audience=options.audience,
        generator=f"clusterbench {__version__}",
        brand=Brand(options.accent, options.logo.resolve().as_uri() if options.logo else None),
        meta=Meta(
            title=_("Assessment report: %(name)s") % {"name": organisation.name},
            authors=", ".join(a.name for a in scored.assessment.assessment.assessors),
            subject=criteria_line,
            keywords=", ".join(
                x for x in (criteria.id, result.level or "", organisation.country) if x
            ),
        ),
        iso_date=result.assessment.date.isoformat(),
        running=Running(
            organisation=css_string(organisation.name),
            report_id=css_string(scored.assessment.assessment.report_id or ""),
            criteria=css_string(criteria_line),
            page=css_content(_("Page %(page)s of %(pages)s"), ("page", "pages")),
        ),
        criteria_line=criteria_line,
        cover=cover,
        summary=summary,
        categories=categories,
        indicators=indicators,
        has_points=any(i.points for i in criteria.indicators),
        lights_apart=any(row.green for group in indicators for row in group.rows),
        highest=_("%(level)s is the highest level of these criteria.")
        % {"level": cover.level.title}
        if result.level
        else None,
        gap=build_gap(ctx),
        margin=build_margin(ctx),
        points_chart=points_chart(ctx, cover.level.colour),
        progress=progress,
        development=build_development(ctx),
        peers=peers,
        recommendations=recommendations,
        appendix=appendix,
        history=build_history(ctx),
        # Known once every section is built: the languages the assessor's texts are in.
        foreign=tuple(Foreign(code, name) for code, name in sorted(ctx.foreign.items())),
    )


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string, every character that could end it escaped.

    Letters, digits, spaces and plain punctuation stay; anything else (quotes, a
    backslash, `<` that could close the `<style>`, line breaks) becomes a CSS escape.
    """
    plain = set(" .,:;-–—·()/+%'!?&")
    escaped = "".join(
        c if (c.isalnum() or c in plain) and c != "\\" else f"\\{ord(c):x} " for c in text
    )
    return Markup(f'"{escaped}"')


def css_content(template: str, counters: tuple[str, ...]) -> Markup:
    """A sentence with `%(page)s`-style counters as a CSS `content` value:
    `"Page " counter(page) " of " counter(pages)`."""
    pattern = "|".join(rf"%\({name}\)s" for name in counters)
    parts: list[str] = []
    position = 0
    for found in re.finditer(pattern, template):
        if found.start() > position:
            parts.append(css_string(template[position : found.start()]))
        parts.append(f"counter({found.group()[2:-2]})")
        position = found.end()
    if position < len(template):
        parts.append(css_string(template[position:]))
    return Markup(" ".join(parts))
