"""What a report shows, computed before templating: templates format, they never compute.

`build_view()` turns a scored assessment into plain data in the report's language:
sentences, formatted numbers and dates, and the charts as SVG markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .._version import __version__
from ..errors import ReportError
from ..kinds.text import as_decimal
from ..models.common import Text
from ..models.criteria import Criteria
from ..models.result import Result
from ..pipeline.scoring import Scored
from ..scoring.analysis import score_threshold
from ..scoring.cohort import is_number
from . import charts
from .countries import country_name
from .i18n import translations
from .options import DEFAULT_ACCENT, LANGUAGES, Audience
from .phrases import Phrases

__all__ = ["ReportOptions", "build_view", "choose_language"]


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How a report is written: language, audience, branding, templates, PDF variant."""

    language: str | None = None
    audience: Audience = "full"
    accent: str = DEFAULT_ACCENT
    logo: Path | None = None
    templates: Path | None = None
    pdf_variant: str | None = None


def choose_language(criteria: Criteria, wanted: str | None) -> str:
    """The report language: `wanted`, else the criteria's first that reports support."""
    if wanted is not None:
        if wanted not in LANGUAGES:
            raise ReportError(f"reports are written in {', '.join(LANGUAGES)}, not {wanted!r}")
        if wanted not in criteria.languages:
            raise ReportError(
                f"the criteria {criteria.id} are written in {', '.join(criteria.languages)}; "
                f"they have no {wanted!r} texts for a report in that language"
            )
        return wanted
    for language in criteria.languages:
        if language in LANGUAGES:
            return language
    raise ReportError(f"the criteria {criteria.id} have no texts in {' or '.join(LANGUAGES)}")


def build_view(
    scored: Scored, options: ReportOptions, *, related: Mapping[str, Criteria] | None = None
) -> dict[str, Any]:
    """The report's content as plain data for the templates."""
    criteria, result, assessment = scored.criteria, scored.result, scored.assessment
    language = choose_language(criteria, options.language)
    catalog = translations(language)
    _ = catalog.gettext
    say = Phrases(language, catalog, criteria)
    fmt = say.fmt
    related = related or {}

    level = criteria.level(result.level) if result.level else None
    target, needed = score_threshold(criteria, result.level)
    share = _share(result)
    colour = level.color if level is not None and level.color else options.accent
    organisation = result.organisation
    assessors = assessment.assessment.assessors

    def own(text: Text | None) -> str | None:
        """The assessor's text in the report's language, else as written."""
        return text.in_language(language, assessment.language) if text is not None else None

    view: dict[str, Any] = {
        "lang": language,
        "audience": options.audience,
        "generator": f"clusterbench {__version__}",
        "brand": {
            "accent": options.accent,
            "logo": options.logo.resolve().as_uri() if options.logo else None,
        },
        "org": {
            "name": organisation.name,
            "country": country_name(organisation.country, fmt.locale),
            "portfolio": organisation.portfolio,
            "founded": organisation.founded,
            "members": fmt.number(organisation.members, places=0)
            if organisation.members is not None
            else None,
            "website": organisation.website,
            "facts": [
                (own(f.label), ", ".join(own(v) or "" for v in f.values))
                for f in organisation.facts
            ],
        },
        "report_id": assessment.assessment.report_id,
        "date": fmt.date(result.assessment.date),
        "iso_date": result.assessment.date.isoformat(),
        "month": fmt.month(result.assessment.date),
        "criteria": {
            "id": criteria.id,
            "version": criteria.version,
            "title": say.text(criteria.title),
            "description": say.text(criteria.description),
            "hash": result.criteria.hash,
            "reconstructed": criteria.provenance.status != "official",
            "status": {
                "official": _("official"),
                "reconstructed": _("reconstructed from public sources"),
                "example": _("example"),
            }[criteria.provenance.status],
            "note": say.text(criteria.provenance.note),
            "sources": [{"title": s.title, "url": s.url} for s in criteria.provenance.sources],
        },
        "level": {
            "id": result.level,
            "title": say.level_title(result.level),
            "colour": colour,
            "description": say.text(level.description) if level is not None else "",
        },
        "score": {
            "points": fmt.number(result.score.points),
            "possible": fmt.number(result.score.max_points),
            "share": fmt.percent(share) if share is not None else "–",
            "needed": fmt.threshold(needed) if needed is not None else None,
            "target": say.text(target.title) if target is not None else None,
        },
        "meta": {
            "title": _("Assessment report: %(name)s") % {"name": organisation.name},
            "authors": ", ".join(a.name for a in assessors),
            "subject": f"{say.text(criteria.title)} {criteria.version}",
            "keywords": ", ".join(
                x for x in (criteria.id, result.level or "", organisation.country) if x
            ),
        },
        "assessors": [
            {"name": a.name, "role": own(a.role), "organisation": a.organisation} for a in assessors
        ],
        "method": own(assessment.assessment.method),
        "type": _("renewal") if assessment.assessment.type == "renewal" else _("first assessment"),
    }
    view["gauge"] = Markup(
        charts.gauge(
            float(share or 0),
            float(needed) if needed is not None else None,
            colour=colour,
            value_label=view["score"]["share"],
            threshold_label=view["score"]["needed"] or "",
            title=_("Score against the threshold"),
        )
    )
    view["validity"] = _validity(result, fmt)
    view["what_if"] = _what_if(criteria, result, say, related)
    view["trail"] = _trail(criteria, result, say, related)
    view["categories"] = _categories(criteria, result, say, needed)
    view["indicator_groups"] = _indicator_groups(criteria, result, assessment.answers, say)
    view["lights"] = _lights(criteria, result, say)
    view["gap"] = _gap(criteria, result, say, view["trail"])
    view["margin"] = _margin(criteria, result, say)
    view["points_chart"] = _points_chart(result, needed, colour, say)
    earlier = scored.previous.criteria if scored.previous is not None else None
    if earlier is None and result.comparison is not None:
        earlier = related.get(result.comparison.previous_criteria)
    view["progress"] = _progress(criteria, result, say, earlier)
    view["follow_up"] = [
        {
            "recommendation": own(f.recommendation),
            "status": say.follow_up(f.status),
            "comment": own(f.comment),
        }
        for f in assessment.follow_up
    ]
    view["strengths"] = [own(s) for s in assessment.strengths] or _best_categories(
        view["categories"]["rows"]
    )
    view["recommendations"] = _recommendations(criteria, result, assessment.answers, say, own)
    view["assessor_recommendations"] = [own(r) for r in assessment.recommendations]
    view["answers"] = _answers(criteria, result, assessment.answers, say, own)
    view["improvement_areas"] = [
        {
            "indicator": a.indicator,
            "title": own(a.title) or say.text(criteria.indicator(a.indicator).title),  # type: ignore[union-attr]
            "description": own(a.description),
            "verified": a.verified,
        }
        for a in assessment.improvement_areas
        if criteria.indicator(a.indicator) is not None
    ]
    view["top_gaps"] = _top_gaps(view)
    view["peers"] = _peers(criteria, result, say, options.accent)
    view["history"] = _history(scored, say)
    return view


# ---------------------------------------------------------------- sections
def _share(result: Result) -> Decimal | None:
    if not result.score.max_points:
        return None
    return as_decimal(Fraction(result.score.points) / Fraction(result.score.max_points))


def _validity(result: Result, fmt: Any) -> dict[str, Any] | None:
    validity = result.validity
    if validity is None:
        return None
    return {
        "from": fmt.date(validity.valid_from),
        "until": fmt.date(validity.valid_until),
        "renewal": validity.renewal,
        "extended_from": fmt.date(validity.extended_from) if validity.extended_from else None,
        "renew_by": fmt.date(validity.renew_by) if validity.renew_by else None,
    }


def _trail(
    criteria: Criteria, result: Result, say: Phrases, related: Mapping[str, Criteria]
) -> list[dict[str, Any]]:
    trail = []
    for level_result, level in zip(result.levels, criteria.levels, strict=True):
        trail.append(
            {
                "id": level.id,
                "title": say.text(level.title),
                "held": level_result.held,
                "awarded": level_result.awarded,
                "colour": level.color,
                "requirements": [
                    {"held": outcome.held, "text": say.requirement(outcome, related)}
                    for outcome in level_result.requirements
                ],
            }
        )
    return trail


def _categories(
    criteria: Criteria, result: Result, say: Phrases, needed: Decimal | None
) -> dict[str, Any]:
    _ = say.gettext
    fmt = say.fmt
    rows = []
    bars = []
    for category, outcome in zip(criteria.categories, result.categories, strict=True):
        title = say.text(category.title)
        share = outcome.share
        rows.append(
            {
                "title": title,
                "points": fmt.number(outcome.points),
                "possible": fmt.number(outcome.max_points),
                "share": fmt.percent(share) if share is not None else "–",
                "share_value": float(share) if share is not None else None,
                "floor": fmt.threshold(outcome.floor) if outcome.floor is not None else None,
                "met": outcome.met,
                "applicable": outcome.applicable,
            }
        )
        colour = charts.COLOURS[
            "green" if share is not None and needed is not None and share >= needed else "yellow"
        ]
        if needed is None:
            colour = charts.INK
        bars.append(
            charts.Bar(
                label=title,
                share=float(share) if share is not None else None,
                value_label=fmt.percent(share, places=0) if share is not None else "–",
                colour=colour,
                floor=float(outcome.floor) if outcome.floor is not None else None,
            )
        )
    points_based = any(c.max_points for c in result.categories)
    chart = (
        Markup(
            charts.category_bars(
                bars,
                float(needed) if needed is not None else None,
                threshold_label=fmt.threshold(needed) if needed is not None else "",
                title=_("Share of points by category"),
            )
        )
        if points_based
        else None
    )
    return {"rows": rows, "chart": chart, "points_based": points_based}


def _indicator_groups(
    criteria: Criteria, result: Result, answers: Mapping[str, Any], say: Phrases
) -> list[dict[str, Any]]:
    groups = []
    outcomes = {i.id: i for i in result.indicators}
    for category in criteria.categories:
        rows = []
        for indicator in criteria.indicators:
            if indicator.category != category.id:
                continue
            outcome = outcomes[indicator.id]
            rows.append(
                {
                    "id": indicator.id,
                    "title": say.text(indicator.title),
                    "answer": say.value(indicator, outcome.value)
                    if outcome.applicable
                    else say.status("not_applicable"),
                    "rule": say.rule(
                        indicator,
                        indicator.pass_ or (indicator.bands.green if indicator.bands else None),
                    ),
                    "points": say.fmt.number(outcome.points) if indicator.points else "",
                    "possible": say.fmt.number(outcome.max_points) if indicator.points else "",
                    "band": outcome.band,
                    "band_label": say.band(outcome.band),
                    "status": outcome.status,
                    "status_label": say.status(outcome.status),
                    "minimum": indicator.minimum_requirement,
                }
            )
        if rows:
            groups.append({"title": say.text(category.title), "rows": rows})
    return groups


def _lights(criteria: Criteria, result: Result, say: Phrases) -> dict[str, Any]:
    """How many green, yellow and red lights, per category and in all."""
    _ = say.gettext
    per: dict[str, list[int]] = {c.id: [0, 0, 0, 0] for c in criteria.categories}
    for outcome in result.indicators:
        if outcome.applicable:
            per[outcome.category][
                {"green": 0, "yellow": 1, "red": 2}.get(outcome.band or "", 3)
            ] += 1
    rows = [(say.text(c.title), *per[c.id]) for c in criteria.categories if any(per[c.id])]
    totals = [sum(counts[i] for counts in per.values()) for i in range(4)]
    chart = charts.light_bars(rows, title=_("Traffic lights by category"))  # type: ignore[arg-type]
    return {
        "chart": Markup(chart),
        "rows": [
            {"title": r[0], "green": r[1], "yellow": r[2], "red": r[3], "none": r[4]} for r in rows
        ],
        "totals": [
            {"band": band, "label": say.band(band), "count": count}
            for band, count in zip(("green", "yellow", "red", None), totals, strict=True)
            if count
        ],
    }


def _what_if(
    criteria: Criteria, result: Result, say: Phrases, related: Mapping[str, Criteria]
) -> list[dict[str, Any]]:
    """Answers assumed instead of the assessment's (`--assume`): the report is a what-if."""
    found = []
    for key, value in result.assumptions.items():
        owner, indicator_id = criteria, key
        prefix, _, rest = key.partition(".")
        while owner.indicator(indicator_id) is None and rest and prefix in related:
            owner, indicator_id = related[prefix], rest
            prefix, _, rest = rest.partition(".")
        indicator = owner.indicator(indicator_id)
        found.append(
            {
                "id": key,
                "title": say.text(indicator.title) if indicator is not None else "",
                "value": say.gettext("no answer")
                if value is None or indicator is None
                else say.value(indicator, value),
            }
        )
    return found


def _indicator_line(criteria: Criteria, indicator_id: str, say: Phrases) -> dict[str, Any]:
    indicator = criteria.indicator(indicator_id)
    assert indicator is not None
    return {
        "id": indicator_id,
        "title": say.text(indicator.title),
        "points": say.fmt.number(indicator.points) if indicator.points else None,
        "minimum": indicator.minimum_requirement,
    }


def _gap(
    criteria: Criteria, result: Result, say: Phrases, trail: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The gap to the next level up (the lowest level above the awarded one)."""
    rank = criteria.level_rank(result.level)
    above = [lv for lv in result.levels[rank:] if lv.gap is not None]
    if not above:
        return None
    level_result = above[0]
    gap = level_result.gap
    assert gap is not None
    return {
        "level": say.level_title(level_result.id),
        "points": say.fmt.number(gap.points) if gap.points else None,
        "indicators": [_indicator_line(criteria, i, say) for i in gap.indicators],
        "minimums": [_indicator_line(criteria, i, say) for i in gap.minimums],
        "unanswered": len(gap.unanswered),
        "blocked": bool(gap.blocked_by),
        "failing": [
            r["text"]
            for step in trail
            if step["id"] == level_result.id
            for r in step["requirements"]
            if not r["held"]
        ],
        "reachable": gap.reachable,
    }


def _margin(criteria: Criteria, result: Result, say: Phrases) -> dict[str, Any] | None:
    margin = result.margin
    if margin is None:
        return None
    return {
        "level": say.level_title(margin.level),
        "points": say.fmt.number(margin.points) if margin.points is not None else None,
        "minimums": [_indicator_line(criteria, i, say) for i in margin.minimums],
        "singles": [
            _indicator_line(criteria, i, say) for i in margin.singles if i not in margin.minimums
        ],
        "sets": [[_indicator_line(criteria, i, say) for i in s.indicators] for s in margin.sets],
    }


def _points_chart(
    result: Result, needed: Decimal | None, colour: str, say: Phrases
) -> Markup | None:
    _ = say.gettext
    fmt = say.fmt
    possible = result.score.max_points
    if not possible:
        return None
    need_points = needed * possible if needed is not None else None
    return Markup(
        charts.points_bar(
            float(result.score.points),
            float(possible),
            float(need_points) if need_points is not None else None,
            colour=colour,
            earned_label=_("%(points)s points") % {"points": fmt.number(result.score.points)},
            needed_label=_("%(points)s needed") % {"points": fmt.number(need_points)}
            if need_points is not None
            else None,
            title=_("Points earned and points needed"),
        )
    )


def _progress(
    criteria: Criteria, result: Result, say: Phrases, earlier: Criteria | None
) -> dict[str, Any] | None:
    """Then and now; `earlier` are the criteria of the previous assessment, when known."""
    comparison = result.comparison
    if comparison is None:
        return None
    before = comparison.previous_level
    if comparison.previous_criteria == criteria.id:
        before_title = say.level_title(before)
    elif earlier is not None and before is not None and (level := earlier.level(before)):
        before_title = f"{say.text(level.title)} ({say.text(earlier.title)})"
    else:
        before_title = before or say.gettext("no level")

    def change(c: Any) -> dict[str, Any]:
        indicator = criteria.indicator(c.id)
        assert indicator is not None
        return {
            "id": c.id,
            "title": say.text(indicator.title),
            "before": say.band(c.before_band) if c.before_band else say.status(c.before_status),
            "after": say.band(c.after_band) if c.after_band else say.status(c.after_status),
            "before_band": c.before_band,
            "after_band": c.after_band,
        }

    return {
        "date": say.fmt.date(comparison.previous_date),
        "previous_level": before_title,
        "level": say.level_title(result.level),
        "months": comparison.months,
        "same_criteria": comparison.previous_criteria == criteria.id,
        "improved": [change(c) for c in comparison.changes if c.change == "improved"],
        "declined": [change(c) for c in comparison.changes if c.change == "declined"],
        "unchanged": len(comparison.unchanged),
    }


def _best_categories(rows: list[dict[str, Any]]) -> list[str]:
    ranked = sorted(
        (r for r in rows if r["share_value"] is not None), key=lambda r: -r["share_value"]
    )
    return [f"{r['title']} ({r['share']})" for r in ranked[:3]]


def _recommendations(
    criteria: Criteria,
    result: Result,
    answers: Mapping[str, Any],
    say: Phrases,
    own: Callable[[Text | None], str | None],
) -> list[dict[str, Any]]:
    items = []
    for outcome in result.indicators:
        weak = outcome.status in ("not_met", "partly_met", "not_answered") or outcome.band in (
            "yellow",
            "red",
        )
        indicator = criteria.indicator(outcome.id)
        if not weak or indicator is None:
            continue
        answer = answers.get(outcome.id)
        items.append(
            {
                "id": outcome.id,
                "title": say.text(indicator.title),
                "text": say.text(indicator.recommendation),
                "comment": own(answer.comment) if answer is not None else None,
                "band": outcome.band,
                "band_label": say.band(outcome.band),
                "minimum": indicator.minimum_requirement,
            }
        )
    # Minimum requirements first, then red before yellow, then the criteria's order.
    order = {"red": 0, None: 1, "yellow": 2, "green": 3}
    return sorted(items, key=lambda i: (not i["minimum"], order.get(i["band"], 1)))


def _answers(
    criteria: Criteria,
    result: Result,
    answers: Mapping[str, Any],
    say: Phrases,
    own: Callable[[Text | None], str | None],
) -> list[dict[str, Any]]:
    rows = []
    for indicator, outcome in zip(criteria.indicators, result.indicators, strict=True):
        answer = answers.get(indicator.id)
        rows.append(
            {
                "id": indicator.id,
                "title": say.text(indicator.title),
                "question": say.text(indicator.question),
                "answer": say.value(indicator, outcome.value)
                if outcome.status != "not_applicable"
                else f"{say.status('not_applicable')}{': ' + (own(answer.reason) or '') if answer is not None and answer.reason else ''}",
                "comment": own(answer.comment) if answer is not None else None,
                "evidence": [own(e) for e in answer.evidence] if answer is not None else [],
                "asked": [say.text(e) for e in indicator.evidence],
            }
        )
    return rows


def _top_gaps(view: dict[str, Any]) -> list[str]:
    gaps: list[str] = []
    gap = view["gap"]
    if gap is not None:
        gaps += [f"{i['id']} {i['title']}" for i in gap["minimums"]]
        gaps += [f"{i['id']} {i['title']}" for i in gap["indicators"] if i not in gap["minimums"]]
    if not gaps:
        gaps = [f"{r['id']} {r['title']}" for r in view["recommendations"]]
    return list(dict.fromkeys(gaps))[:5]


def _peers(criteria: Criteria, result: Result, say: Phrases, accent: str) -> dict[str, Any] | None:
    """This cluster against its peer group, when the Result was scored with a cohort."""
    peers = result.peers
    if peers is None:
        return None
    _ = say.gettext
    fmt = say.fmt
    by = {"portfolio": _("comparative portfolio"), "country": _("country"), "size": _("size")}.get(
        peers.by, peers.by
    )
    group = _("all clusters in the cohort") if peers.group == "all" else peers.group
    series = [(_("this cluster"), accent), (_("peer mean"), charts.MUTED)]
    category_groups = []
    for category, outcome in zip(criteria.categories, peers.categories, strict=True):
        if outcome.share is None and outcome.mean is None:
            continue
        category_groups.append(
            charts.GroupedBar(
                label=say.text(category.title),
                values=(_float(outcome.share), _float(outcome.mean)),
                value_labels=(
                    fmt.percent(outcome.share, places=0) if outcome.share is not None else "–",
                    f"{fmt.percent(outcome.mean, places=0)} (n={outcome.n})"
                    if outcome.mean is not None
                    else "–",
                ),
            )
        )
    rows = []
    numeric_groups = []
    for indicator, item in zip(criteria.indicators, peers.indicators, strict=True):
        title = say.text(indicator.title)
        rows.append(
            {
                "id": item.id,
                "title": title,
                "value": say.value(indicator, item.value),
                "mean": fmt.number(item.mean) if item.mean is not None else "–",
                "median": fmt.number(item.median) if item.median is not None else "–",
                "met": fmt.percent(item.met_share, places=0) if item.met_share is not None else "–",
                "percentile": fmt.number(item.percentile, places=0)
                if item.percentile is not None
                else "–",
                "n": item.n,
            }
        )
        # Bars start at zero: a negative answer or mean is left to the table.
        if item.mean is not None and is_number(item.value) and min(item.value, item.mean) >= 0:
            top = max(Decimal(item.value), item.mean) or Decimal(1)
            numeric_groups.append(
                charts.GroupedBar(
                    label=_clip(f"{item.id} {title}", 80),
                    values=(float(Decimal(item.value) / top), float(item.mean / top)),
                    value_labels=(
                        fmt.number(Decimal(item.value)),
                        f"{fmt.number(item.mean)} (n={item.n})",
                    ),
                )
            )
    return {
        "by": by,
        "group": group,
        "n": peers.n,
        "share": fmt.percent(peers.score_share) if peers.score_share is not None else None,
        "mean": fmt.percent(peers.score_mean) if peers.score_mean is not None else None,
        "percentile": fmt.number(peers.score_percentile, places=0)
        if peers.score_percentile is not None
        else None,
        "levels": [
            {"title": say.level_title(None if level == "none" else level), "count": count}
            for level, count in peers.levels.items()
        ],
        "categories_chart": Markup(
            charts.grouped_bars(
                category_groups, series, title=_("Categories against the peer group")
            )
        )
        if category_groups
        else None,
        # A chart cannot break across pages: six indicators make a third of a page, so
        # the charts fill pages without leaving a heading alone at the foot of one.
        "indicators_charts": [
            Markup(
                charts.grouped_bars(
                    numeric_groups[i : i + 6], series, title=_("Indicators against the peer group")
                )
            )
            for i in range(0, len(numeric_groups), 6)
        ],
        "rows": rows,
    }


def _clip(text: str, limit: int) -> str:
    """`text`, cut at a word before `limit` characters with an ellipsis when longer."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _history(scored: Scored, say: Phrases) -> dict[str, Any] | None:
    """The label history carried by the previous assessments, as a timeline."""
    chain = []
    current: Scored | None = scored
    while current is not None:
        chain.append(current)
        current = current.previous
    if len(chain) < 2:
        return None
    chain.reverse()
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

    bars = []
    entries = []
    for item in chain:
        result = item.result
        level = item.criteria.level(result.level) if result.level else None
        title = say.text(level.title) if level is not None else say.gettext("no level")
        validity = result.validity
        entries.append(
            {
                "date": fmt.date(result.assessment.date),
                "criteria": say.text(item.criteria.title),
                "level": title,
                "valid": say.gettext("%(start)s to %(end)s")
                % {"start": fmt.date(validity.valid_from), "end": fmt.date(validity.valid_until)}
                if validity
                else "–",
                "renewal": validity.renewal if validity else False,
            }
        )
        if validity is not None:
            colour = level.color if level is not None and level.color else charts.INK
            bars.append((at(validity.valid_from), at(validity.valid_until), title, colour))
    ticks = [(at(dt.date(year, 1, 1)), str(year)) for year in range(first, last + 1)]
    return {
        "entries": entries,
        "chart": Markup(charts.timeline(bars, ticks, title=say.gettext("Label history"))),
    }
