"""The terminal summary of a scored assessment (`clusterbench score`), in any language."""

from __future__ import annotations

from collections.abc import Mapping

from ...models.answer_types import shown as yaml_value
from ...models.criteria import Criteria
from ...models.result import IndicatorResult, Margin, Result
from ...scoring.cohort import ALL
from .requirements import requirement
from .words import Phrases

__all__ = ["indicator_decision", "margin_lines", "summary"]

_MARK = {True: "✓", False: "✗"}


def summary(
    result: Result, criteria: Criteria, related: Mapping[str, Criteria], say: Phrases
) -> str:
    """Level, score against the threshold, why, margin, gap, validity, progress, peers."""
    _, fmt = say.gettext, say.fmt
    org = result.organisation
    where = [say.country(org.country)]
    portfolio = say.portfolio(org.portfolio)
    if portfolio is not None:
        where.append(portfolio.text)
    out = [
        _("%(name)s (%(where)s) · %(criteria)s %(version)s · assessed %(date)s")
        % {
            "name": org.name,
            "where": ", ".join(where),
            "criteria": criteria.id,
            "version": criteria.version,
            "date": fmt.date(result.assessment.date),
        },
        _("Level: %(level)s") % {"level": say.level_title(result.level)},
    ]
    score = score_line(result, say)
    if score:
        out.append(score)
    validity = result.validity
    if validity is not None:
        line = _("Valid: %(start)s to %(end)s") % {
            "start": fmt.date(validity.valid_from),
            "end": fmt.date(validity.valid_until),
        }
        if validity.renewal and validity.extended_from is not None:
            line += " " + _("(a renewal: extends the label valid until %(date)s)") % {
                "date": fmt.date(validity.extended_from)
            }
        if validity.renew_by is not None:
            line += "; " + _("renew by %(date)s") % {"date": fmt.date(validity.renew_by)}
        out.append(line)
    if result.assumptions:
        shown = ", ".join(
            f"{k}={'null' if v is None else yaml_value(v)}" for k, v in result.assumptions.items()
        )
        out.append(_("Assuming: %(answers)s") % {"answers": shown})

    out += ["", _("Levels")]
    for lv in result.levels:
        tag = "  " + _("(recommended)") if lv.awarded else ""
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
                    "level": say.level_title(found.level),
                    "date": fmt.date(found.valid_until),
                }
            else:
                said = title
            out.append(f"  {_MARK[found.held]} {found.id}  {said}")
            out += [
                f"      {_MARK[r.held]} {requirement(say, r, related)}" for r in found.requirements
            ]

    if result.margin is not None:
        out += ["", _("Margin of %(level)s") % {"level": say.level_title(result.margin.level)}]
        out += ["  " + line for line in margin_lines(result.margin, say)]

    for lv in result.levels:
        if lv.gap is None:
            continue
        gap = lv.gap
        out += ["", _("Gap to %(level)s") % {"level": say.level_title(lv.id)}]
        if gap.points is not None and gap.points > 0:
            out.append("  " + _("%(points)s points missing.") % {"points": fmt.number(gap.points)})
        if gap.indicators:
            names = [_with_points(say, i) for i in gap.indicators]
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

    comparison = result.comparison
    if comparison is not None:
        out += [
            "",
            say.ngettext(
                "Compared with %(date)s (%(level)s, %(num)d month earlier)",
                "Compared with %(date)s (%(level)s, %(num)d months earlier)",
                comparison.months,
            )
            % {
                "date": fmt.date(comparison.previous_date),
                "level": _previous_title(
                    comparison.previous_level, comparison.previous_criteria, say, related
                ),
                "num": comparison.months,
            },
        ]
        if comparison.changes:
            none = _("none")
            out.append(
                "  " + _("improved: %(ids)s") % {"ids": ", ".join(comparison.improved) or none}
            )
            out.append(
                "  " + _("declined: %(ids)s") % {"ids": ", ".join(comparison.declined) or none}
            )
            out.append("  " + _("unchanged: %(num)d") % {"num": len(comparison.unchanged)})
        if not comparison.mapped:
            out.append(
                "  "
                + _("%(old)s and %(new)s are versions no supersession links: nothing is compared")
                % {"old": comparison.previous_version, "new": criteria.version}
            )
        for now_id, then_id in comparison.renamed.items():
            out.append("  " + _("%(new)s was %(old)s") % {"new": now_id, "old": then_id})
        if comparison.not_compared_before:
            out.append(
                "  "
                + _("not compared, only in %(version)s: %(ids)s")
                % {
                    "version": comparison.previous_version,
                    "ids": ", ".join(comparison.not_compared_before),
                }
            )
        if comparison.not_compared_now:
            out.append(
                "  "
                + _("not compared, new in %(version)s: %(ids)s")
                % {"version": criteria.version, "ids": ", ".join(comparison.not_compared_now)}
            )
        if comparison.improvement_areas:
            out.append(
                "  "
                + _("verified improvement areas: %(ids)s")
                % {"ids": ", ".join(comparison.improvement_areas)}
            )

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


def score_line(result: Result, say: Phrases) -> str:
    """`Score: 142.5 of 150 points = 95.0% (Gold needs 80%)`, or "" without points."""
    score = result.score
    if not score.max_points or score.share_exact is None:
        return ""
    line = say.gettext("Score: %(points)s of %(possible)s points = %(share)s") % {
        "points": say.fmt.number(score.points),
        "possible": say.fmt.number(score.max_points),
        "share": say.fmt.share(score.share_exact.fraction, score.needed),
    }
    if score.target is not None and score.needed is not None:
        line += " " + say.gettext("(%(level)s needs %(share)s)") % {
            "level": say.level_title(score.target),
            "share": say.fmt.threshold(score.needed),
        }
    return line


def margin_lines(margin: Margin, say: Phrases) -> list[str]:
    """The margin of the awarded level: points to spare, and what alone or together costs it."""
    _ = say.gettext
    level = say.level_title(margin.level)
    out = []
    if margin.points is not None:
        out.append(
            _("%(points)s points above what %(level)s needs.")
            % {"points": say.fmt.number(margin.points), "level": level}
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
            % {"indicators": say.join([_with_points(say, i) for i in others]), "level": level}
        )
    for found in margin.sets:
        out.append(
            _(
                "Only losing all of %(indicators)s together would cost %(level)s; no one of them alone would."
            )
            % {
                "indicators": say.join([_with_points(say, i) for i in found.indicators]),
                "level": level,
            }
        )
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


def _with_points(say: Phrases, indicator_id: str) -> str:
    indicator = say.criteria.indicator(indicator_id)
    if indicator is None or not indicator.points:
        return say.indicator_name(indicator_id)
    return say.gettext("%(indicator)s (%(points)s points)") % {
        "indicator": say.indicator_name(indicator_id),
        "points": say.fmt.number(indicator.points),
    }


def _previous_title(
    level: str | None, criteria_id: str, say: Phrases, related: Mapping[str, Criteria]
) -> str:
    if criteria_id == say.criteria.id:
        return say.level_title(level)
    other = related.get(criteria_id)
    found = other.level(level) if other is not None and level else None
    return say.text(found.title) if found is not None else level or say.gettext("no level")


def _peers(result: Result, say: Phrases) -> list[str]:
    _, fmt = say.gettext, say.fmt
    peers = result.peers
    assert peers is not None
    out = [_("Compared with %(group)s") % {"group": peer_group(result, say)}]
    if peers.score_share is not None and peers.score_mean is not None:
        line = _("score %(share)s against their mean %(mean)s") % {
            "share": fmt.share(peers.score_share),
            "mean": fmt.share(peers.score_mean),
        }
        rank = peer_rank(peers.score_lower, peers.score_equal, peers.n, say)
        out.append("  " + (f"{line}; {rank}" if rank else line))
    if peers.levels:
        levels = ", ".join(
            f"{say.level_title(None if level == 'none' else level)} {n}"
            for level, n in peers.levels.items()
        )
        out.append("  " + _("levels: %(levels)s") % {"levels": levels})
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
                "rank": peer_rank(item.lower, item.equal, item.n, say),
            }
        )
    return out


def peer_group(result: Result, say: Phrases) -> str:
    """`5 clusters of the same comparative portfolio (Health and life sciences)`."""
    peers = result.peers
    assert peers is not None
    numbers: dict[str, object] = {"num": peers.n, "name": peers.group}
    if peers.group == ALL:
        return (
            say.ngettext(
                "%(num)d cluster in the cohort", "all %(num)d clusters in the cohort", peers.n
            )
            % numbers
        )
    if peers.by == "portfolio":
        found = say.portfolio(peers.group)
        numbers["name"] = found.text if found is not None else peers.group
        return (
            say.ngettext(
                "%(num)d cluster of the same comparative portfolio (%(name)s)",
                "%(num)d clusters of the same comparative portfolio (%(name)s)",
                peers.n,
            )
            % numbers
        )
    if peers.by == "country":
        numbers["name"] = say.country(peers.group)
        return (
            say.ngettext(
                "%(num)d cluster of the same country (%(name)s)",
                "%(num)d clusters of the same country (%(name)s)",
                peers.n,
            )
            % numbers
        )
    return (
        say.ngettext(
            "%(num)d cluster of the same size (%(name)s members)",
            "%(num)d clusters of the same size (%(name)s members)",
            peers.n,
        )
        % numbers
    )


def peer_rank(lower: int | None, equal: int | None, n: int, say: Phrases) -> str:
    """`4 of 5 peers lower`, `2 of 5 peers lower, 1 the same` ("" when not known)."""
    if lower is None:
        return ""
    text = say.ngettext(
        "%(lower)d of %(num)d peer lower", "%(lower)d of %(num)d peers lower", n
    ) % {
        "lower": lower,
        "num": n,
    }
    if equal:
        text += ", " + say.ngettext("%(num)d the same", "%(num)d the same", equal) % {"num": equal}
    return text
