"""The English sentence of a requirement result (its `text`), made from its facts alone.

Each kind has one phrase here; a test checks that every registered kind has one.
Reports and other languages phrase the same facts in their own words.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..models.result import RequirementResult
from .answers.base import AnswerDescription
from .description import Description
from .text import count, percent, points, share

__all__ = ["PHRASES", "STATEMENTS", "answer_summary", "sentence", "statement", "window"]


def sentence(result: RequirementResult) -> str:
    """The result in plain English words."""
    return PHRASES[result.kind](result)


def window(low: int | None, high: int | None) -> str:
    """`` 18–24 months earlier``, `` at least 18 months earlier``, or nothing."""
    if low is not None and high is not None:
        return f" {low}–{high} months earlier"
    if low is not None:
        return f" at least {low} months earlier"
    if high is not None:
        return f" at most {high} months earlier"
    return ""


def _in(r: RequirementResult) -> str:
    return f"{r.category}: " if r.category else ""


def _cmp(r: RequirementResult) -> str:
    return "≥" if r.held else "<"


def _score(r: RequirementResult) -> str:
    assert r.needed is not None
    if not r.max_points:
        return f"{_in(r)}no applicable indicator carries points"
    assert r.points is not None
    assert r.actual_exact is not None
    text = (
        f"{_in(r)}{points(r.points)} of {points(r.max_points)} points = "
        f"{share(r.actual_exact.fraction, r.needed)} {_cmp(r)} {percent(r.needed)}"
    )
    if not r.held and r.points_needed is not None:
        text += f" ({points(r.points_needed)} points needed)"
    return text


def _points(r: RequirementResult) -> str:
    assert r.points is not None
    assert r.needed is not None
    return f"{_in(r)}{points(r.points)} points {_cmp(r)} {points(r.needed)}"


def _indicators_met(r: RequirementResult) -> str:
    return f"{_in(r)}{count(int(r.actual or 0), 'indicator')} met {_cmp(r)} {r.needed}"


def _minimums(r: RequirementResult) -> str:
    total = r.total or 0
    if not r.held:
        failing = len(r.indicators)
        listed = ", ".join(r.indicators)
        return f"{failing} of {count(total, 'minimum requirement')} not met: {listed}"
    text = f"{count(total, 'minimum requirement')} met" if total else "no minimum requirement"
    if r.waived:
        text += f" ({len(r.waived)} waived as not applicable: {', '.join(r.waived)})"
    return text


def _category_floors(r: RequirementResult) -> str:
    if r.held:
        return "every category reaches its floor"
    below = [
        f"{c.id} {share(c.share_exact.fraction, c.floor)} < {percent(c.floor)}"
        for c in r.categories
        if not c.held and c.share_exact is not None
    ]
    return "below the floor: " + "; ".join(below)


def _criteria(r: RequirementResult) -> str:
    wanted = f"level {r.level}" if r.level else "a level"
    if r.valid_on is not None:
        wanted += f" valid on {r.valid_on.isoformat()}"
    related = r.related
    if related is None or related.source == "missing":
        return f"{r.criteria}: not assessed ({wanted} needed)"
    how = "stated" if related.source == "stated" else "assessed"
    if related.date is not None and related.source == "file":
        how += f" {related.date.isoformat()}"
    # Dates said where they matter: a validity asked for, or a level taken from elsewhere.
    dated = r.valid_on is not None or related.source != "answers"
    if related.awarded is not None and dated:
        how += f", awarded {related.awarded.isoformat()}"
    if related.valid_until is not None and related.level is not None and dated:
        ended = r.valid_on is not None and related.valid_until < r.valid_on
        how += f", {'expired after' if ended else 'valid until'} {related.valid_until.isoformat()}"
    return f"{r.criteria}: {related.level or 'no level'} ({how}; {wanted} needed)"


def _answered(r: RequirementResult) -> str:
    total = r.total or 0
    if r.held:
        return f"{_in(r)}all {count(total, 'applicable indicator')} answered"
    missing = len(r.indicators)
    return f"{_in(r)}{missing} of {count(total, 'applicable indicator')} not answered"


def _previous_level(r: RequirementResult) -> str:
    needs = f"{r.level}{window(r.months_at_least, r.months_at_most)}"
    previous = r.previous
    if previous is None:
        return f"no previous assessment (a previous {needs} is needed)"
    return (
        f"previous assessment {previous.date.isoformat()}: {previous.level or 'no level'}, "
        f"{previous.months} months earlier (needs {needs})"
    )


def _improved(r: RequirementResult) -> str:
    actual = int(r.actual or 0)
    if r.of == "improvement_areas":
        text = count(actual, "verified improvement area")
    elif r.since is None:
        text = "no previous answers to compare with"
    else:
        text = f"{count(actual, 'indicator')} improved since {r.since.isoformat()}"
    return f"{text} {_cmp(r)} {r.needed}"


def _level(r: RequirementResult) -> str:
    if r.held:
        return f"all requirements of {r.level} hold"
    failing = [p.text for p in r.parts if not p.held]
    return f"requirements of {r.level} not held: " + "; ".join(failing)


PHRASES: dict[str, Callable[[RequirementResult], str]] = {
    "score": _score,
    "points": _points,
    "indicators_met": _indicators_met,
    "minimums": _minimums,
    "category_floors": _category_floors,
    "criteria": _criteria,
    "answered": _answered,
    "previous_level": _previous_level,
    "improved": _improved,
    "level": _level,
}


# -- requirements as stated, without an assessment ------------------------------------
def statement(stated: Description) -> str:
    """A requirement as the criteria state it, in plain English words."""
    return STATEMENTS[stated.kind](stated)


def _where(stated: Description) -> str:
    scope = stated.scope
    if scope.indicators is not None:
        return f" among {', '.join(scope.indicators)}"
    return f" in {scope.category}" if scope.category else ""


def _said_score(d: Description) -> str:
    assert d.needed is not None
    return f"at least {percent(Decimal(d.needed))} of the applicable points{_where(d)}"


def _said_points(d: Description) -> str:
    assert d.needed is not None
    return f"at least {points(d.needed)} points{_where(d)}"


def _said_indicators_met(d: Description) -> str:
    return f"at least {d.needed} indicators met{_where(d)}"


def _said_minimums(d: Description) -> str:
    listed = d.scope.indicators
    return (
        f"minimum requirements {', '.join(listed)} met"
        if listed
        else "every minimum requirement met"
    )


def _said_category_floors(d: Description) -> str:
    if d.categories:
        return f"the categories {', '.join(d.categories)} reach their floors"
    return "every category reaches its floor"


def _said_criteria(d: Description) -> str:
    wanted = f"level {d.level}" if d.level else "a level"
    return f"{d.criteria}: {wanted}{', valid on the assessment date' if d.valid else ''}"


def _said_answered(d: Description) -> str:
    return f"every applicable indicator answered{_where(d)}"


def _said_previous_level(d: Description) -> str:
    return f"a previous assessment gave {d.level}{window(d.months_at_least, d.months_at_most)}"


def _said_improved(d: Description) -> str:
    what = "verified improvement areas" if d.of == "improvement_areas" else "indicators improved"
    return f"at least {d.needed} {what}"


def _said_level(d: Description) -> str:
    return f"everything {d.level} requires"


STATEMENTS: dict[str, Callable[[Description], str]] = {
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


# -- answers -------------------------------------------------------------------------
def answer_summary(answer: AnswerDescription) -> str:
    """What an answer asks for, shortly: `whole number ≥ 0 (members)`, `yes/no`."""
    kind = answer.type
    if kind == "boolean":
        return "yes/no"
    if kind == "percent":
        return "percent (0–100)"
    if kind == "choice":
        ids = ", ".join(i for i, _ in answer.options)
        return f"{'options' if answer.multiple else 'one option'} of: {ids}"
    if kind == "scale":
        return "scale " + ", ".join(f"{value} = {label}" for value, label in answer.steps)
    if kind in ("date", "text"):
        return kind
    text = "whole number" if kind == "integer" else "number"
    low, high = answer.low, answer.high
    if low is not None and high is not None:
        text += f" {low}–{high}"
    elif low is not None:
        text += f" ≥ {low}"
    elif high is not None:
        text += f" ≤ {high}"
    return f"{text} ({answer.unit})" if answer.unit is not None else text
