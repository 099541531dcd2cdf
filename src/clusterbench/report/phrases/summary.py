"""The terminal summary of a scored assessment (`clusterbench score`), in any language."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ...models.answer_types import shown as yaml_value
from ...models.assessment import Decision
from ...models.criteria import Criteria
from ...models.result import IndicatorResult, Margin, Result
from .comparison import comparison_lines
from .decision import decision_line, level_tag
from .peers import holds_own, own_note, peer_group, peer_levels, peer_rank, ranked
from .requirements import requirement
from .validity import validity_lines
from .words import Phrases

__all__ = ["indicator_decision", "margin_lines", "score_needed", "still_missing", "summary"]

_MARK = {True: "✓", False: "✗"}


def summary(
    result: Result,
    criteria: Criteria,
    related: Mapping[str, Criteria],
    say: Phrases,
    *,
    decision: Decision | None = None,
    earlier: Criteria | None = None,
) -> str:
    """Level, score against the threshold, why, margin, gap, validity, progress, peers.

    ``decision`` is the awarding body's decision the assessment records: the level is
    called awarded, refused or withdrawn as it says, and recommended until then.
    ``earlier`` are the criteria the previous assessment answered, when they differ.
    """
    _, fmt = say.gettext, say.fmt
    org = result.organisation
    where = [say.country(org.country)]
    portfolio = say.portfolio(org.portfolio)
    if portfolio is not None:
        where.append(portfolio.text)
    out = [
        _("%(name)s (%(where)s) · %(criteria)s, %(version)s · assessed %(date)s")
        % {
            "name": org.name,
            "where": ", ".join(where),
            "criteria": criteria.id,
            "version": say.version(criteria),
            "date": fmt.date(result.assessment.date),
        },
        _("Level: %(level)s") % {"level": say.level_title(result.level)},
    ]
    if result.level is not None or decision is not None:
        out.append(
            _("Decision: %(decision)s") % {"decision": decision_line(say, decision, result.level)}
        )
    score = score_line(result, say, related)
    if score:
        out.append(score)
    out += validity_lines(result, say, decision)
    if result.assumptions:
        shown = ", ".join(
            f"{k}={'null' if v is None else yaml_value(v)}" for k, v in result.assumptions.items()
        )
        out.append(_("Assuming: %(answers)s") % {"answers": shown})

    out += ["", _("Levels")]
    for lv in result.levels:
        said = level_tag(say, decision, lv.id, result.level) if lv.held else None
        tag = f"  ({said})" if said else ""
        out.append(f"  {_MARK[lv.held]} {lv.id}  {say.level_title(lv.id)}{tag}")
        out += [f"      {_MARK[r.held]} {requirement(say, r, related)}" for r in lv.requirements]

    if result.designations:
        out += ["", _("Designations")]
        for found in result.designations:
            designation = criteria.designation(found.id)
            title = say.text(designation.title) if designation is not None else found.id
            if found.held and found.valid_until is not None:
                said = _("%(title)s beside %(level)s, valid until %(date)s") % {
                    "title": title,
                    "level": say.level_name(found.level),
                    "date": fmt.date(found.valid_until),
                }
            else:
                said = title
            out.append(f"  {_MARK[found.held]} {found.id}  {said}")
            out += [
                f"      {_MARK[r.held]} {requirement(say, r, related)}" for r in found.requirements
            ]

    if result.margin is not None:
        out += ["", _("Margin of %(level)s") % {"level": say.level_name(result.margin.level)}]
        out += ["  " + line for line in margin_lines(result.margin, say, result)]

    for lv in result.levels:
        if lv.gap is None:
            continue
        gap = lv.gap
        out += ["", _("Gap to %(level)s") % {"level": say.level_name(lv.id)}]
        if gap.points is not None and gap.points > 0:
            out.append("  " + _("%(points)s points missing.") % {"points": fmt.missing(gap.points)})
        if gap.indicators:
            names = [_gained(say, result, i) for i in gap.indicators]
            out.append("  " + _("Meet: %(indicators)s") % {"indicators": ", ".join(names)})
        if gap.minimums:
            out.append(
                "  "
                + _("Minimum requirements not met: %(indicators)s")
                % {"indicators": ", ".join(gap.minimums)}
            )
        if gap.unanswered:
            out.append(
                "  " + _("Not answered: %(indicators)s") % {"indicators": ", ".join(gap.unanswered)}
            )
        for blocked in gap.blocked_by:
            out.append(
                "  "
                + _("Also needed, beyond this assessment's answers: %(requirement)s")
                % {"requirement": requirement(say, blocked, related)}
            )
        if not gap.exact:
            out.append("  " + _("(The search for the fewest stopped at its bound.)"))
        if not gap.reachable and not gap.blocked_by:
            out.append("  " + _("Not reachable by meeting indicators alone."))

    if result.comparison is not None:
        out += ["", *comparison_lines(result.comparison, say, related, earlier)]

    if result.peers is not None:
        out += ["", *_peers(result, say)]

    if result.weak:
        out += ["", _("Indicators to work on")]
        for indicator_id in result.weak:
            item = result.indicator(indicator_id)
            if item is None:
                continue
            title = say.line(criteria.indicator(indicator_id).title)  # type: ignore[union-attr]
            out.append(f"  {item.id:<6} {title[:40]:<40} {indicator_decision(item, say)}")
    return "\n".join(out) + "\n"


def score_needed(result: Result, level_id: str | None) -> Decimal | None:
    """The points a level's requirement on the share of all points needs, as scored.

    Its own requirement first, else one it takes over from a lower level.
    """
    target = result.level_result(level_id or "")
    if target is None:
        return None
    for found in (target.requirements, [p for r in target.requirements for p in r.parts]):
        for r in found:
            if r.kind == "score" and r.category is None and r.among is None:
                return r.points_needed
    return None


def still_missing(result: Result, say: Phrases, related: Mapping[str, Criteria]) -> str | None:
    """What the score's target level lacks when its share of points is already reached.

    `N12 Years in the programme`: a reader who sees 69 % where 65 % is needed must also
    read why the level is not reached.  None when the share itself is missing.
    """
    score = result.score
    target = result.level_result(score.target or "")
    if target is None or target.held or target.gap is None:
        return None
    exact, needed = score.share_exact, score.needed
    if exact is None or needed is None or exact.fraction < needed:
        return None
    gap = target.gap
    parts = [say.indicator_name(i) for i in dict.fromkeys((*gap.minimums, *gap.indicators))]
    parts += [requirement(say, r, related) for r in gap.blocked_by]
    return say.join(parts) if parts else None


def score_line(
    result: Result, say: Phrases, related: Mapping[str, Criteria], *, together: bool = False
) -> str:
    """`Score: 142.5 of 150 points = 95.0% (Gold needs 80%)`, or "" without points.

    ``together``: for a page, where "(Gold needs" and "80%)" must not be split apart.
    """
    score = result.score
    if not score.max_points or score.share_exact is None:
        return ""
    line = say.gettext("Score: %(points)s of %(possible)s points = %(share)s") % {
        "points": say.fmt.points(score.points, score_needed(result, score.target)),
        "possible": say.fmt.number(score.max_points),
        "share": say.fmt.share(score.share_exact.fraction, score.needed),
    }
    if score.target is not None and score.needed is not None:
        numbers = {
            "level": say.level_title(score.target),
            "share": say.fmt.threshold(score.needed),
        }
        missing = still_missing(result, say, related)
        if missing is not None:
            line += " " + say.gettext(
                "(%(level)s needs %(share)s: reached; still missing: %(missing)s)"
            ) % {**numbers, "missing": missing}
        else:
            aside = say.gettext("(%(level)s needs %(share)s)") % numbers
            line += " " + (aside.replace(" ", "\u00a0") if together else aside)
    return line


def margin_lines(margin: Margin, say: Phrases, result: Result | None = None) -> list[str]:
    """The margin of the awarded level: points to spare, and what alone or together costs it.

    With ``result``, each indicator is named with the points it earned, and a set with
    the points it earned together: what losing it would cost.
    """
    _ = say.gettext
    level = say.level_name(margin.level)
    out = []
    if margin.points is not None:
        out.append(
            _("%(points)s points above what %(level)s needs.")
            % {"points": say.fmt.spare(margin.points), "level": level}
        )
    if margin.minimums:
        out.append(
            _("Losing any one of the minimum requirements %(indicators)s would cost %(level)s.")
            % {"indicators": say.join(list(margin.minimums)), "level": level}
        )
    others = [i for i in margin.singles if i not in margin.minimums]
    if others:
        out.append(
            _("Losing any one of %(indicators)s would cost %(level)s.")
            % {"indicators": say.join([_lost(say, result, i) for i in others]), "level": level}
        )
    for index, found in enumerate(margin.sets):
        numbers = {
            "indicators": say.join([_lost(say, result, i) for i in found.indicators]),
            "level": level,
        }
        if index == 0 and not margin.singles:
            text = _(
                "The fewest indicators whose loss would cost %(level)s: all of %(indicators)s "
                "together; no single one of them alone would."
            )
        elif index == 0 and not others:
            text = _(
                "Beside the minimum requirements, the fewest indicators whose loss would cost "
                "%(level)s: all of %(indicators)s together; no single one of them alone would."
            )
        else:
            text = _(
                "Losing all of %(indicators)s together would also cost %(level)s; no single "
                "one of them alone would."
            )
        out.append(text % numbers)
    if not margin.singles and not margin.sets:
        out.append(_("No loss of indicators alone would cost %(level)s.") % {"level": level})
    if not margin.exact:
        out.append(_("(The search for the fewest stopped at its bound.)"))
    return out


def indicator_decision(item: IndicatorResult, say: Phrases) -> str:
    """How one indicator came out: `72% — at least 75% — partly met, 2.5 of 5 points`."""
    _ = say.gettext
    indicator = say.criteria.indicator(item.id)
    assert indicator is not None
    if item.status == "not_applicable":
        if item.not_applicable_by is not None:
            return _("not applicable (because of the answer to %(indicator)s)") % {
                "indicator": item.not_applicable_by
            }
        return say.status("not_applicable")
    if item.status == "not_answered":
        return say.status("not_answered")
    parts = [say.value(indicator, item.value), say.met_when(indicator)]
    status = say.status(item.status)
    if item.max_points:
        status += ", " + _("%(points)s of %(possible)s points") % {
            "points": say.fmt.number(item.points),
            "possible": say.fmt.number(item.max_points),
        }
    if item.band is not None and indicator.pass_ is not None:
        status += ", " + say.band(item.band)
    if item.band_basis == "peers":
        status += " " + _("(light against the peers)")
    return " — ".join([*parts, status])


def _lost(say: Phrases, result: Result | None, indicator_id: str) -> str:
    """`G13 Share of private financing (6 points)`: the points its loss would cost."""
    outcome = result.indicator(indicator_id) if result is not None else None
    if outcome is None or not outcome.points:
        return say.indicator_name(indicator_id)
    return say.gettext("%(indicator)s (%(points)s)") % {
        "indicator": say.indicator_name(indicator_id),
        "points": say.points_count(outcome.points),
    }


def _gained(say: Phrases, result: Result, indicator_id: str) -> str:
    """`G12 Financing plan (3 more points)`: the points meeting it would add; one that
    adds no points, with its answer and rule (`N12 Years in the programme (0 years; met
    when: at least 3 years)`), so that one met only with time reads as such."""
    outcome = result.indicator(indicator_id)
    more = outcome.max_points - outcome.points if outcome is not None else 0
    if not more:
        indicator = say.criteria.indicator(indicator_id)
        if outcome is None or indicator is None or outcome.value is None:
            return say.indicator_name(indicator_id)
        return say.gettext("%(indicator)s (%(answer)s; met when: %(rule)s)") % {
            "indicator": say.indicator_name(indicator_id),
            "answer": say.value(indicator, outcome.value),
            "rule": say.met_when(indicator),
        }
    return say.gettext("%(indicator)s (%(points)s)") % {
        "indicator": say.indicator_name(indicator_id),
        "points": say.points_count(more, more=True),
    }


def _peers(result: Result, say: Phrases) -> list[str]:
    _, fmt = say.gettext, say.fmt
    peers = result.peers
    assert peers is not None
    own = holds_own(result)
    out = [_("Compared with %(group)s") % {"group": peer_group(result, say)}]
    note = own_note(result, say)
    if note:
        out.append("  " + note)
    if peers.score_share is not None and peers.score_mean is not None:
        line = _("score %(share)s against their mean %(mean)s") % {
            "share": fmt.share(peers.score_share),
            "mean": fmt.share(peers.score_mean),
        }
        rank = peer_rank(ranked(peers.score_lower, peers.score_equal, peers.n, own), say)
        out.append("  " + (f"{line}; {rank}" if rank else line))
    if peers.levels:
        out.append("  " + _("levels: %(levels)s") % {"levels": peer_levels(result, say)})
    below = sorted(
        (i for i in peers.indicators if i.lower is not None and i.lower * 2 < i.n),
        key=lambda i: (i.lower or 0, i.id),
    )
    for item in below[:5]:
        indicator = say.criteria.indicator(item.id)
        assert indicator is not None
        out.append(
            "  "
            + _("below most peers: %(indicator)s %(value)s (median %(median)s; %(rank)s)")
            % {
                "indicator": say.indicator_name(item.id)[:46],
                "value": say.value(indicator, item.value),
                "median": fmt.number(item.median) if item.median is not None else "–",
                "rank": peer_rank(ranked(item.lower, item.equal, item.n, own), say),
            }
        )
    return out
