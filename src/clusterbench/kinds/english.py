"""English for diagnostics: what `validate` says about a failing golden example or a
wrong answer, in the compact symbols criteria authors read (`≥ 80 %`, `2 of 8`).

Readers never see these: reports, the terminal summary, `criteria show`, `new` and the
workbench say everything in their language through `clusterbench.report.phrases`.
Each kind has one phrase here; a test checks that every registered kind has one.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models.result import RequirementResult
from .text import count, percent, points, share, window

__all__ = ["PHRASES", "sentence"]


def sentence(result: RequirementResult) -> str:
    """The result in plain English words."""
    return PHRASES[result.kind](result)


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
    shown = related.level or "no level"
    if related.level is None and related.reached is not None:  # reached, not held that day
        shown = f"{related.reached}, {related.decision or 'not approved'}"
    return f"{r.criteria}: {shown} ({how}; {wanted} needed)"


def _answered(r: RequirementResult) -> str:
    total = r.total or 0
    if r.held:
        return f"{_in(r)}all {count(total, 'applicable indicator')} answered"
    missing = len(r.indicators)
    return f"{_in(r)}{missing} of {count(total, 'applicable indicator')} not answered"


def _previous_level(r: RequirementResult) -> str:
    needs = f"{r.level} {window(r.months_at_least, r.months_at_most)}".strip()
    previous = r.previous
    if previous is None:
        return f"no previous assessment (a previous {needs} is needed)"
    beyond = not r.held and previous.level_held and previous.months == r.months_at_most
    return (
        f"previous assessment {previous.date.isoformat()}: {previous.level or 'no level'}, "
        f"{'more than ' if beyond else ''}{previous.months} months earlier (needs {needs})"
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
    failing = [sentence(p) for p in r.parts if not p.held]
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
