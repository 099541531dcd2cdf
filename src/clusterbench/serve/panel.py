"""What the panel beside the form shows: the level, the trail, the gap, the margin.

A typed view made from the Result alone (no figure is computed again here), plus the
problems of the form's current state, each tied to the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import Issue
from ..models.criteria import Criteria
from ..models.result import Result, Status
from ..report.i18n import choose_language, translations
from ..report.phrases import Phrases, requirement
from ..report.phrases.summary import margin_lines
from .names import field_of, label_of
from .workspace import Evaluation

__all__ = ["GapView", "LevelView", "Panel", "Problem", "build_panel"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of the form, at its field."""

    field: str
    """The key of the field it concerns (the id of that field on the page), or ``""``."""
    label: str
    """What the page calls that field: "Assessor 1 · Name"."""
    message: str
    error: bool
    code: str


@dataclass(frozen=True, slots=True)
class GapView:
    """What the next level still needs."""

    level: str
    indicators: tuple[tuple[str, str, str], ...]
    """(id, title, what meets it) of the fewest indicators that would close the gap."""
    minimums: tuple[str, ...]
    unanswered: tuple[str, ...]
    reachable: bool


@dataclass(frozen=True, slots=True)
class LevelView:
    """One level and each of its requirements, held or not."""

    id: str
    title: str
    awarded: bool
    held: bool
    requirements: tuple[tuple[bool, str], ...]


@dataclass(frozen=True, slots=True)
class Panel:
    """Everything the panel shows for one state of the form."""

    ok: bool
    level: str | None
    level_title: str | None
    points: str | None
    max_points: str | None
    share: str | None
    levels: tuple[LevelView, ...]
    gap: GapView | None
    margin: tuple[str, ...]
    """The margin in sentences: points to spare, and what alone or only together costs it."""
    valid_from: str | None
    valid_until: str | None
    renewal: bool
    answered: int
    applicable: int
    problems: tuple[Problem, ...]

    @property
    def fields(self) -> dict[str, list[str]]:
        """Each field's problem messages, for the page to show at the field."""
        found: dict[str, list[str]] = {}
        for problem in self.problems:
            if problem.field:
                found.setdefault(problem.field, []).append(problem.message)
        return found


_OPEN: frozenset[Status] = frozenset({"not_answered", "not_applicable"})
"""The statuses of an indicator not (yet) answered: typed, so that a misspelt status
fails the type check instead of counting every indicator as answered."""


def _problems(issues: tuple[Issue, ...], gettext: Callable[[str], str]) -> tuple[Problem, ...]:
    found = []
    for issue in sorted(issues, key=lambda i: (not i.is_error, i.sort_key())):
        key = field_of(issue)
        label = label_of(key, gettext) if key else ""
        found.append(Problem(key, label, issue.message, issue.is_error, issue.code))
    return tuple(found)


def build_panel(evaluation: Evaluation, criteria: Criteria | None, language: str) -> Panel:
    """The panel for an evaluated form."""
    problems = _problems(evaluation.issues, translations(language).gettext)
    scored = evaluation.scored
    if scored is None or criteria is None:
        return Panel(
            False,
            None,
            None,
            None,
            None,
            None,
            (),
            None,
            (),
            None,
            None,
            False,
            0,
            0,
            problems,
        )
    result = scored.result
    say = Phrases(
        language if language in criteria.languages else choose_language(criteria, None),
        criteria,
        written_in=scored.assessment.language,
    )
    exact = result.score.share_exact
    return Panel(
        ok=True,
        level=result.level,
        level_title=_level_title(criteria, result.level, language),
        points=say.fmt.number(result.score.points),
        max_points=say.fmt.number(result.score.max_points),
        share=say.fmt.share(exact.fraction, result.score.needed) if exact is not None else None,
        levels=tuple(
            LevelView(
                lv.id,
                _level_title(criteria, lv.id, language) or lv.id,
                lv.awarded,
                lv.held,
                tuple((r.held, requirement(say, r, scored.related)) for r in lv.requirements),
            )
            for lv in result.levels
        ),
        gap=_gap(result, criteria, say),
        margin=() if result.margin is None else tuple(margin_lines(result.margin, say)),
        valid_from=None if result.validity is None else say.fmt.date(result.validity.valid_from),
        valid_until=None if result.validity is None else say.fmt.date(result.validity.valid_until),
        renewal=bool(result.validity and result.validity.renewal),
        answered=sum(1 for i in result.indicators if i.status not in _OPEN),
        applicable=sum(1 for i in result.indicators if i.applicable),
        problems=problems,
    )


def _level_title(criteria: Criteria, level: str | None, language: str) -> str | None:
    found = criteria.level(level) if level else None
    return found.title.in_language(language) if found else None


def _gap(result: Result, criteria: Criteria, say: Phrases) -> GapView | None:
    language = say.language
    reached = criteria.level_rank(result.level)
    above = [
        lv
        for lv in result.levels
        if not lv.awarded and lv.gap is not None and criteria.level_rank(lv.id) > reached
    ]
    if not above:
        return None
    nxt = min(above, key=lambda lv: criteria.level_rank(lv.id))
    gap = nxt.gap
    assert gap is not None
    rows = []
    for indicator_id in gap.indicators:
        indicator = criteria.indicator(indicator_id)
        if indicator is None:
            continue
        rows.append((indicator_id, say.line(indicator.title), say.met_when(indicator)))
    return GapView(
        _level_title(criteria, nxt.id, language) or nxt.id,
        tuple(rows),
        tuple(gap.minimums),
        tuple(gap.unanswered),
        gap.reachable,
    )
