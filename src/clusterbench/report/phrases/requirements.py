"""Requirements in words: a level's requirement as an assessment met it, or as stated.

One phrase per requirement kind, made from the facts of a
:class:`~clusterbench.models.result.RequirementResult` (or, for `criteria show` and
`new`, of a :class:`~clusterbench.kinds.description.Description`); a test checks that
every registered kind has both.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from ...kinds.description import Description
from ...kinds.text import window as month_window
from ...models.result import RequirementResult
from .labels import Related, criteria_name, decided, other_level, related_label
from .words import Phrases

__all__ = ["RESULT_PHRASES", "STATEMENTS", "requirement", "statement"]


def requirement(say: Phrases, r: RequirementResult, related: Related) -> str:
    """One requirement of a level with its numbers, in plain words."""
    return RESULT_PHRASES[r.kind](say, r, related)


def statement(say: Phrases, d: Description, related: Related | None = None) -> str:
    """A requirement as the criteria state it, without an assessment's numbers."""
    return STATEMENTS[d.kind](say, d, related or {})


# -- shared pieces ----------------------------------------------------------------------
def _in(say: Phrases, category: str | None, text: str) -> str:
    if category is None:
        return text
    return say.gettext("%(category)s: %(text)s") % {
        "category": say.category_title(category),
        "text": text,
    }


# -- results ----------------------------------------------------------------------------
def _score(say: Phrases, r: RequirementResult, related: Related) -> str:
    fmt = say.fmt
    needed = r.needed or Decimal(0)
    if not r.max_points:
        return _in(say, r.category, say.gettext("no applicable indicator carries points"))
    exact = r.actual_exact.fraction if r.actual_exact is not None else Fraction(r.actual or 0)
    text = say.gettext("%(earned)s of %(possible)s points (%(share)s; %(needed)s needed)") % {
        # Never "8 of 10 points" for 7.999996 when 8 are needed: as many decimals as it takes.
        "earned": fmt.points(r.points or Decimal(0), r.points_needed),
        "possible": fmt.number(r.max_points),
        "share": fmt.share(exact, needed),
        "needed": fmt.threshold(needed),
    }
    return _in(say, r.category, text)


def _points(say: Phrases, r: RequirementResult, related: Related) -> str:
    text = say.gettext("%(earned)s points (%(needed)s needed)") % {
        "earned": say.fmt.points(r.points or Decimal(0), r.needed),
        "needed": say.fmt.number(r.needed or Decimal(0)),
    }
    return _in(say, r.category, text)


def _indicators_met(say: Phrases, r: RequirementResult, related: Related) -> str:
    met, needed = int(r.actual or 0), int(r.needed or 0)
    if r.among is None:
        text = say.ngettext(
            "%(num)d indicator met (%(needed)d needed)",
            "%(num)d indicators met (%(needed)d needed)",
            met,
        ) % {"num": met, "needed": needed}
        return _in(say, r.category, text)
    # The indicators the criteria list are named: those not met by id and title.
    total = r.total if r.total is not None else len(r.among)
    text = say.ngettext(
        "%(num)d of %(total)d indicator met (%(needed)d needed)",
        "%(num)d of %(total)d indicators met (%(needed)d needed)",
        total,
    ) % {"num": met, "total": total, "needed": needed}
    missing = [i for i in r.among if i in r.indicators] if not r.held else []
    if missing:
        return say.gettext("%(text)s; not met: %(indicators)s") % {
            "text": text,
            "indicators": say.join([say.indicator_name(i) for i in missing]),
        }
    return say.gettext("%(text)s: %(indicators)s") % {
        "text": text,
        "indicators": say.join(list(r.among)),
    }


def _minimums(say: Phrases, r: RequirementResult, related: Related) -> str:
    total = r.total or 0
    if r.held:
        if not total:
            return say.gettext("no minimum requirement applies")
        text = say.ngettext(
            "the minimum requirement is met",
            "all %(num)d minimum requirements are met",
            total,
        ) % {"num": total}
        if r.waived:
            text += " " + say.ngettext(
                "(%(num)d does not apply)", "(%(num)d do not apply)", len(r.waived)
            ) % {"num": len(r.waived)}
        return text
    names = [say.indicator_name(i) for i in r.indicators]
    return say.ngettext(
        "%(failing)d of %(num)d minimum requirement not met: %(names)s",
        "%(failing)d of %(num)d minimum requirements not met: %(names)s",
        total,
    ) % {"failing": len(names), "num": total, "names": say.join(names)}


def _category_floors(say: Phrases, r: RequirementResult, related: Related) -> str:
    _ = say.gettext
    if r.held:
        return _("every category reaches its floor")
    below = [
        _("%(category)s (%(share)s; %(floor)s needed)")
        % {
            "category": say.category_title(c.id),
            "share": say.fmt.share(c.share_exact.fraction, c.floor)
            if c.share_exact is not None
            else "–",
            "floor": say.fmt.threshold(c.floor),
        }
        for c in r.categories
        if not c.held
    ]
    return _("below the floor: %(categories)s") % {"categories": say.join(below)}


def _answered(say: Phrases, r: RequirementResult, related: Related) -> str:
    if r.held:
        return _in(say, r.category, say.gettext("every applicable indicator is answered"))
    missing = len(r.indicators)
    text = say.ngettext(
        "%(num)d applicable indicator is not answered",
        "%(num)d applicable indicators are not answered",
        missing,
    ) % {"num": missing}
    return _in(say, r.category, text)


def _previous_level(say: Phrases, r: RequirementResult, related: Related) -> str:
    _ = say.gettext
    # What is needed first, then what the record holds: "a Bronze assessment 18 to 24
    # months earlier (none recorded)" reads right whether it holds or not.
    needed = (
        _("a %(level)s assessment %(window)s")
        % {
            "level": say.level_name(r.level),
            "window": month_window(r.months_at_least, r.months_at_most, say),
        }
    ).strip()
    previous = r.previous
    if previous is None:
        return _("%(needed)s (none recorded)") % {"needed": needed}
    level = other_level(say, previous.criteria, previous.level, related)
    if previous.decision not in (None, "approved"):  # reached, but never held
        level = decided(say, level, previous.decision, None)
    # The window is compared to the day: 24 whole months and some days is past 24 months.
    beyond = not r.held and previous.level_held and previous.months == r.months_at_most
    if beyond:
        return say.ngettext(
            "%(needed)s (previous: %(level)s on %(date)s, more than %(num)d month earlier)",
            "%(needed)s (previous: %(level)s on %(date)s, more than %(num)d months earlier)",
            previous.months,
        ) % {
            "needed": needed,
            "date": say.fmt.date(previous.date),
            "level": level,
            "num": previous.months,
        }
    return say.ngettext(
        "%(needed)s (previous: %(level)s on %(date)s, %(num)d month earlier)",
        "%(needed)s (previous: %(level)s on %(date)s, %(num)d months earlier)",
        previous.months,
    ) % {
        "needed": needed,
        "date": say.fmt.date(previous.date),
        "level": level,
        "num": previous.months,
    }


def _improved(say: Phrases, r: RequirementResult, related: Related) -> str:
    count, needed = int(r.actual or 0), int(r.needed or 0)
    # What is needed first, then what there is: "3 verified improvement areas (0 now)".
    if r.of == "improvement_areas":
        return say.ngettext(
            "at least %(needed)d verified improvement area (%(num)d now)",
            "at least %(needed)d verified improvement areas (%(num)d now)",
            needed,
        ) % {"num": count, "needed": needed}
    if r.since is None:
        return say.ngettext(
            "at least %(needed)d indicator improved (no earlier answers to compare with)",
            "at least %(needed)d indicators improved (no earlier answers to compare with)",
            needed,
        ) % {"needed": needed}
    return say.ngettext(
        "at least %(needed)d indicator improved (%(num)d now)",
        "at least %(needed)d indicators improved (%(num)d now)",
        needed,
    ) % {"num": count, "needed": needed}


def _level(say: Phrases, r: RequirementResult, related: Related) -> str:
    _ = say.gettext
    level = say.level_name(r.level)
    if r.held:
        return _("everything %(level)s requires") % {"level": level}
    failing = [requirement(say, p, related) for p in r.parts if not p.held]
    return _("not everything %(level)s requires: %(failing)s") % {
        "level": level,
        "failing": "; ".join(failing),
    }


RESULT_PHRASES: dict[str, Callable[[Phrases, RequirementResult, Related], str]] = {
    "score": _score,
    "points": _points,
    "indicators_met": _indicators_met,
    "minimums": _minimums,
    "category_floors": _category_floors,
    "criteria": related_label,
    "answered": _answered,
    "previous_level": _previous_level,
    "improved": _improved,
    "level": _level,
}


# -- statements -------------------------------------------------------------------------
def _where(say: Phrases, d: Description, text: str) -> str:
    listed = d.scope.indicators
    if listed is not None:
        return say.gettext("%(text)s among %(indicators)s") % {
            "text": text,
            "indicators": say.join(list(listed)),
        }
    if d.scope.category is not None:
        return say.gettext("%(text)s in %(category)s") % {
            "text": text,
            "category": say.category_title(d.scope.category),
        }
    return text


def _said_score(say: Phrases, d: Description, related: Related) -> str:
    text = say.gettext("at least %(share)s of the applicable points") % {
        "share": say.fmt.threshold(Decimal(d.needed or 0))
    }
    return _where(say, d, text)


def _said_points(say: Phrases, d: Description, related: Related) -> str:
    text = say.gettext("at least %(points)s points") % {
        "points": say.fmt.number(Decimal(d.needed or 0))
    }
    return _where(say, d, text)


def _said_indicators_met(say: Phrases, d: Description, related: Related) -> str:
    needed = int(d.needed or 0)
    text = say.ngettext(
        "at least %(num)d indicator met", "at least %(num)d indicators met", needed
    ) % {"num": needed}
    return _where(say, d, text)


def _said_minimums(say: Phrases, d: Description, related: Related) -> str:
    listed = d.scope.indicators
    if listed:
        return say.gettext("the minimum requirements %(indicators)s met") % {
            "indicators": say.join(list(listed))
        }
    return say.gettext("every minimum requirement met")


def _said_category_floors(say: Phrases, d: Description, related: Related) -> str:
    if d.categories:
        return say.gettext("%(categories)s reach their floors") % {
            "categories": say.join([say.category_title(c) for c in d.categories])
        }
    return say.gettext("every category reaches its floor")


def _said_criteria(say: Phrases, d: Description, related: Related) -> str:
    _ = say.gettext
    name = criteria_name(say, d.criteria, related)
    if d.level:
        level = other_level(say, d.criteria, d.level, related)
        if d.valid:
            return _("%(name)s: %(level)s, valid on the assessment date") % {
                "name": name,
                "level": level,
            }
        return _("%(name)s: %(level)s") % {"name": name, "level": level}
    return _("%(name)s: any of its levels") % {"name": name}


def _said_answered(say: Phrases, d: Description, related: Related) -> str:
    return _where(say, d, say.gettext("every applicable indicator answered"))


def _said_previous_level(say: Phrases, d: Description, related: Related) -> str:
    return (
        say.gettext("a previous assessment gave %(level)s %(window)s")
        % {
            "level": say.level_name(d.level),
            "window": month_window(d.months_at_least, d.months_at_most, say),
        }
    ).strip()


def _said_improved(say: Phrases, d: Description, related: Related) -> str:
    needed = int(d.needed or 0)
    if d.of == "improvement_areas":
        return say.ngettext(
            "at least %(num)d verified improvement area",
            "at least %(num)d verified improvement areas",
            needed,
        ) % {"num": needed}
    return say.ngettext(
        "at least %(num)d indicator improved", "at least %(num)d indicators improved", needed
    ) % {"num": needed}


def _said_level(say: Phrases, d: Description, related: Related) -> str:
    return say.gettext("everything %(level)s requires") % {"level": say.level_name(d.level)}


STATEMENTS: dict[str, Callable[[Phrases, Description, Related], str]] = {
    "score": _said_score,
    "points": _said_points,
    "indicators_met": _said_indicators_met,
    "minimums": _said_minimums,
    "category_floors": _said_category_floors,
    "criteria": _said_criteria,
    "answered": _said_answered,
    "previous_level": _said_previous_level,
    "improved": _said_improved,
    "level": _said_level,
}
