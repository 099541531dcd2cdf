"""The readable text summary of a scored assessment (`clusterbench score`)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..kinds.text import percent, points, share
from ..models.answer_types import shown as yaml_value
from ..models.criteria import Criteria, Level
from ..models.result import Result
from ..pipeline.scoring import Scored
from ..scoring.analysis import score_threshold
from ..scoring.cohort import ALL

__all__ = ["summary"]

_MARK = {True: "✓", False: "✗"}


def summary(scored: Scored) -> str:
    """Level, score against the threshold, why, margin, gap, validity, progress."""
    result, criteria = scored.result, scored.criteria
    language = "en" if "en" in criteria.languages else criteria.languages[0]
    out: list[str] = []
    org = result.organisation
    where = ", ".join(x for x in (org.country, org.portfolio) if x)
    out.append(
        f"{org.name} ({where}) · {criteria.id} {criteria.version} · assessed {result.assessment.date.isoformat()}"
    )
    level = criteria.level(result.level) if result.level else None
    out.append(f"Level: {_level_name(level, language) if level else 'no level'}")
    out.append(_score_line(result, criteria, language))
    if result.validity is not None:
        v = result.validity
        line = f"Valid: {v.valid_from.isoformat()} to {v.valid_until.isoformat()}"
        if v.renewal and v.extended_from is not None:
            line += f" (renewal, extended from {v.extended_from.isoformat()})"
        if v.renew_by is not None:
            line += f"; renew by {v.renew_by.isoformat()}"
        out.append(line)
    if result.assumptions:
        shown = ", ".join(
            f"{k}={'null' if v is None else yaml_value(v)}" for k, v in result.assumptions.items()
        )
        out.append(f"Assuming: {shown}")

    out += ["", "Levels"]
    for lv in result.levels:
        model = criteria.level(lv.id)
        tag = "  (awarded)" if lv.awarded else ""
        out.append(f"  {_MARK[lv.held]} {lv.id}  {_level_name(model, language)}{tag}")
        out += [f"      {_MARK[r.held]} {r.text}" for r in lv.requirements]

    if result.margin is not None:
        out += ["", f"Margin of {result.margin.level}"]
        m = result.margin
        if m.points is not None:
            out.append(f"  {points(m.points)} points above the score requirement.")
        if m.minimums:
            named = ", ".join(m.minimums)
            out.append(
                f"  Losing any one of the minimum requirements {named} would cost {m.level}."
            )
        others = [i for i in m.singles if i not in m.minimums]
        if others:
            named = ", ".join(_indicator(criteria, i, language) for i in others)
            out.append(f"  Losing any one of {named} would cost {m.level}.")
        for found in m.sets:
            named = ", ".join(_indicator(criteria, i, language) for i in found.indicators)
            where = f" in {found.category}" if found.category else ""
            lead = "Besides them, only" if m.singles else "Only"
            out.append(
                f"  {lead} all together: losing {named} would break the {found.kind} "
                f"requirement{where}."
            )
        if not m.singles and not m.sets:
            out.append(f"  No loss of indicators alone would cost {m.level}.")
        if not m.exact:
            out.append("  (The search for the fewest stopped at its bound.)")

    for lv in result.levels:
        if lv.gap is None:
            continue
        gap = lv.gap
        out += ["", f"Gap to {lv.id}"]
        if gap.points is not None and gap.points > 0:
            out.append(f"  {points(gap.points)} points missing.")
        if gap.indicators:
            out.append(
                "  Meet: " + ", ".join(_indicator(criteria, i, language) for i in gap.indicators)
            )
        if gap.minimums:
            out.append(f"  Minimum requirements not met: {', '.join(gap.minimums)}")
        if gap.unanswered:
            out.append(f"  Not answered: {', '.join(gap.unanswered)}")
        for blocked in gap.blocked_by:
            out.append(f"  Also needed, beyond this assessment's answers: {blocked.text}")
        if not gap.exact:
            out.append(
                "  (The search for the fewest stopped at its bound: a good set, maybe not the smallest.)"
            )
        if not gap.reachable and not gap.blocked_by:
            out.append("  Not reachable by meeting indicators alone.")

    if result.comparison is not None:
        c = result.comparison
        out += [
            "",
            f"Compared with {c.previous_date.isoformat()} ({c.previous_level or 'no level'}, {c.months} months earlier)",
        ]
        if c.changes:
            out.append(f"  improved: {', '.join(c.improved) or 'none'}")
            out.append(f"  declined: {', '.join(c.declined) or 'none'}")
            out.append(f"  unchanged: {len(c.unchanged)}")
        if c.improvement_areas:
            out.append(f"  verified improvement areas: {', '.join(c.improvement_areas)}")

    if result.peers is not None:
        out += ["", *_peers(result, criteria, language)]

    weak = [i for i in result.indicators if i.status in ("not_met", "partly_met", "not_answered")]
    if weak:
        out += ["", "Indicators not fully met"]
        for item in weak:
            title = _title(criteria, item.id, language)
            out.append(
                f"  {item.id:<6} {title[:40]:<40} {item.status:<12} "
                f"{points(item.points)}/{points(item.max_points)}  {item.reason}"
            )
    return "\n".join(out) + "\n"


def _peers(result: Result, criteria: Criteria, language: str) -> list[str]:
    peers = result.peers
    assert peers is not None
    group = "all clusters" if peers.group == ALL else f"the same {peers.by} ({peers.group})"
    out = [f"Peers: {peers.n} clusters of {group}"]
    if peers.score_share is not None and peers.score_mean is not None:
        line = (
            f"  score {percent(peers.score_share)} against their mean {percent(peers.score_mean)}"
        )
        if peers.score_percentile is not None:
            line += f" (about {points(peers.score_percentile)} % of them lower)"
        out.append(line)
    if peers.levels:
        levels = ", ".join(
            f"{_level_name(criteria.level(level), language) if level != 'none' else 'no level'} {n}"
            for level, n in peers.levels.items()
        )
        out.append(f"  levels: {levels}")
    below = sorted(
        (
            i
            for i in peers.indicators
            if i.percentile is not None and i.median is not None and i.value < i.median
        ),
        key=lambda i: (i.percentile, i.id),
    )
    for item in below[:5]:
        mean = points(item.mean.quantize(Decimal("0.1"))) if item.mean is not None else "–"
        out.append(
            f"  below the peers: {item.id:<6} {_title(criteria, item.id, language)[:40]:<40} "
            f"{points(item.value)} (median {points(item.median)}, mean {mean}, n={item.n})"  # type: ignore[arg-type]
        )
    return out


def _level_name(level: Level | None, language: str) -> str:
    return level.title.in_language(language) if level is not None else "no level"


def _score_line(result: Result, criteria: Criteria, language: str) -> str:
    score = result.score
    line = f"Score: {points(score.points)} of {points(score.max_points)} points"
    target, needed = score_threshold(criteria, result.level)
    if score.max_points:
        achieved = Fraction(score.points) / Fraction(score.max_points)
        line += f" = {share(achieved, Fraction(needed) if needed is not None else None)}"
    if target is not None and needed is not None:
        line += f" ({_level_name(target, language)} needs {percent(needed)})"
    return line


def _title(criteria: Criteria, indicator_id: str, language: str) -> str:
    indicator = criteria.indicator(indicator_id)
    return indicator.title.in_language(language) if indicator is not None else indicator_id


def _indicator(criteria: Criteria, indicator_id: str, language: str) -> str:
    indicator = criteria.indicator(indicator_id)
    if indicator is None:
        return indicator_id
    return f"{indicator_id} {indicator.title.in_language(language)} ({points(indicator.points)} points)"
