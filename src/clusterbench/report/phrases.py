"""Sentences of the report in its language: answers, rules, requirements, statuses.

The Result explains itself in English symbols for machines and terminals; a report
says the same in the reader's language, with the reader's number formats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from babel.support import NullTranslations

from ..models.answer_types import BooleanAnswer, ChoiceAnswer, DateAnswer, ScaleAnswer
from ..models.common import Text
from ..models.criteria import Criteria, Indicator
from ..models.requirements import (
    AnsweredRequirement,
    CategoryFloorsRequirement,
    CriteriaRequirement,
    ImprovedRequirement,
    IndicatorsMetRequirement,
    LevelRequirement,
    MinimumsRequirement,
    PointsRequirement,
    PreviousLevelRequirement,
    Requirement,
    ScoreRequirement,
)
from ..models.result import RequirementResult, Result, Status
from ..models.rules import Rule
from .i18n import Formatter

__all__ = ["Phrases"]


class Phrases:
    """Everything the report says in words, for one language."""

    def __init__(self, language: str, catalog: NullTranslations, criteria: Criteria) -> None:
        self.language = language
        self.fmt = Formatter(language)
        self.criteria = criteria
        self.gettext: Callable[[str], str] = catalog.gettext
        self.ngettext: Callable[[str, str, int], str] = catalog.ngettext

    # -- texts of the criteria ------------------------------------------------------
    def text(self, value: Text | None) -> str:
        """A criteria text in the report's language (checked to exist before rendering)."""
        return value.in_language(self.language) if value is not None else ""

    def level_title(self, level_id: str | None) -> str:
        """A level's title, or "no level"."""
        _ = self.gettext
        level = self.criteria.level(level_id) if level_id else None
        return self.text(level.title) if level is not None else _("no level")

    # -- statuses and bands ---------------------------------------------------------
    def status(self, status: Status) -> str:
        """An indicator status in words."""
        _ = self.gettext
        return {
            "met": _("met"),
            "partly_met": _("partly met"),
            "not_met": _("not met"),
            "not_applicable": _("not applicable"),
            "not_answered": _("not answered"),
            "recorded": _("recorded"),
        }[status]

    def follow_up(self, status: str) -> str:
        """What became of an earlier recommendation."""
        _ = self.gettext
        return {
            "done": _("done"),
            "in_progress": _("in progress"),
            "not_started": _("not started"),
        }[status]

    def band(self, band: str | None) -> str:
        """A traffic light in words, so that colour is never the only signal."""
        _ = self.gettext
        return {"green": _("green"), "yellow": _("yellow"), "red": _("red")}.get(
            band or "", _("none")
        )

    # -- answers and rules ----------------------------------------------------------
    def value(self, indicator: Indicator, value: Any) -> str:
        """An answer written for readers: `yes`, `17 members`, `every year`, `4 – systematic`."""
        _ = self.gettext
        if value is None:
            return "–"
        answer = indicator.answer
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(answer, ChoiceAnswer):
            labels = {o.id: self.text(o.label) for o in answer.options}
            chosen = value if isinstance(value, list | tuple) else [value]
            return ", ".join(labels.get(str(v), str(v)) for v in chosen) or _("none")
        if isinstance(answer, ScaleAnswer):
            steps = {Decimal(s.value): self.text(s.label) for s in answer.steps}
            label = steps.get(Decimal(value))
            return f"{self.fmt.number(Decimal(value), places=0)} – {label}" if label else str(value)
        if isinstance(value, dt.date):
            return self.fmt.date(value)
        if isinstance(value, Decimal | int | float):
            shown = self.fmt.number(Decimal(value), places=2)
            if answer.type == "percent":
                return self.fmt.percent(
                    Decimal(value) / 100, places=0 if Decimal(value) == int(value) else 1
                )
            unit = getattr(answer, "unit", None)
            return f"{shown} {self.text(unit)}" if unit is not None else shown
        return str(value)

    def rule(self, indicator: Indicator, rule: Rule | None) -> str:
        """A pass rule in words: `at least 15`, `yes`, `within 24 months`, `every year or more`."""
        _ = self.gettext
        if rule is None:
            return "–"
        answer = indicator.answer
        if rule.is_true is not None:
            return _("yes") if rule.is_true else _("no")
        if rule.within_months is not None:
            return self.ngettext(
                "within %(num)d month", "within %(num)d months", rule.within_months
            ) % {"num": rule.within_months}
        if rule.equals is not None or rule.one_of is not None:
            values = [rule.equals] if rule.equals is not None else list(rule.one_of or ())
            shown = [self._bound(indicator, v) for v in values]
            if isinstance(answer, ChoiceAnswer) and answer.multiple:
                return _("includes %(options)s") % {"options": self._or(shown)}
            return self._or(shown)
        if rule.between is not None:
            low, high = (self._bound(indicator, b) for b in rule.between)
            return _("%(low)s to %(high)s") % {"low": low, "high": high}
        parts = []
        counted = isinstance(answer, ChoiceAnswer)
        for op, phrase in (
            ("at_least", _("at least %(value)s")),
            ("above", _("more than %(value)s")),
            ("at_most", _("at most %(value)s")),
            ("below", _("less than %(value)s")),
        ):
            bound = getattr(rule, op)
            if bound is not None:
                parts.append(phrase % {"value": self._bound(indicator, bound)})
        text = _(" and ").join(parts)
        return _("%(rule)s chosen") % {"rule": text} if counted else text

    def _bound(self, indicator: Indicator, value: Any) -> str:
        answer = indicator.answer
        if isinstance(answer, ChoiceAnswer) and isinstance(value, str):
            return next((self.text(o.label) for o in answer.options if o.id == value), value)
        if isinstance(answer, ScaleAnswer) and isinstance(value, Decimal):
            label = next(
                (self.text(s.label) for s in answer.steps if Decimal(s.value) == value), None
            )
            return f"{self.fmt.number(value, places=0)} ({label})" if label else str(value)
        if isinstance(answer, BooleanAnswer) and isinstance(value, bool):
            return self.gettext("yes") if value else self.gettext("no")
        if isinstance(answer, DateAnswer) and isinstance(value, dt.date):
            return self.fmt.date(value)
        if isinstance(value, Decimal):
            if answer.type == "percent":
                return self.fmt.percent(value / 100, places=0 if value == int(value) else 1)
            return self.fmt.number(value, places=2)
        return str(value)

    def _or(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return _join(items[:-1]) + self.gettext(" or ") + items[-1]

    # -- requirements ---------------------------------------------------------------
    def requirement(
        self,
        model: Requirement,
        outcome: RequirementResult,
        result: Result,
        related: Mapping[str, Criteria],
    ) -> str:
        """One requirement of a level with its numbers, in plain words.

        `model` is the requirement as the criteria state it, `outcome` what scoring found.
        """
        _ = self.gettext
        fmt = self.fmt
        if isinstance(model, ScoreRequirement):
            earned, possible = _points_of(result, model.category)
            text = _("%(earned)s of %(possible)s points (%(share)s; %(needed)s needed)") % {
                "earned": fmt.number(earned),
                "possible": fmt.number(possible),
                "share": fmt.percent(outcome.actual) if outcome.actual is not None else "–",
                "needed": fmt.threshold(model.at_least),
            }
            return self._in_category(model.category, text)
        if isinstance(model, PointsRequirement):
            earned, _possible = _points_of(result, model.category)
            text = _("%(earned)s points (%(needed)s needed)") % {
                "earned": fmt.number(earned),
                "needed": fmt.number(model.at_least),
            }
            return self._in_category(model.category, text)
        if isinstance(model, IndicatorsMetRequirement):
            text = _("%(met)s indicators met (%(needed)s needed)") % {
                "met": outcome.actual,
                "needed": model.at_least,
            }
            return self._in_category(model.category, text)
        if isinstance(model, MinimumsRequirement):
            total = int(outcome.needed or 0)
            if outcome.held:
                return self.ngettext(
                    "the minimum requirement is met",
                    "all %(num)d minimum requirements are met",
                    total,
                ) % {"num": total}
            names = [self._indicator_name(i) for i in outcome.indicators]
            return _("minimum requirements not met: %(names)s") % {"names": _join(names)}
        if isinstance(model, CategoryFloorsRequirement):
            if outcome.held:
                return _("every category reaches its floor")
            below = [c.id for c in result.categories if c.floor_held is False]
            names = [self.text(c.title) for c in self.criteria.categories if c.id in below]
            return _("below the floor: %(names)s") % {"names": _join(names)}
        if isinstance(model, CriteriaRequirement):
            other = related.get(model.criteria)
            name = self.text(other.title) if other is not None else model.criteria
            reached = next((r.level for r in result.related if r.criteria == model.criteria), None)
            level = (
                self.text(lv.title)
                if other is not None and reached and (lv := other.level(reached))
                else None
            )
            if level is not None:
                return _("%(name)s: %(level)s") % {"name": name, "level": level}
            return _("%(name)s: not established") % {"name": name}
        if isinstance(model, AnsweredRequirement):
            if outcome.held:
                return self._in_category(
                    model.category, _("every applicable indicator is answered")
                )
            missing = int((outcome.needed or 0) - (outcome.actual or 0))
            text = self.ngettext(
                "%(num)d applicable indicator is not answered",
                "%(num)d applicable indicators are not answered",
                missing,
            ) % {"num": missing}
            return self._in_category(model.category, text)
        if isinstance(model, PreviousLevelRequirement):
            window = self._window(model.months_at_least, model.months_at_most)
            needed = _("%(level)s %(window)s") % {
                "level": self.level_title(model.level),
                "window": window,
            }
            if result.comparison is None:
                return _("no previous assessment (needs %(needed)s)") % {"needed": needed}
            return _(
                "previous assessment %(date)s: %(level)s, %(months)s months earlier (needs %(needed)s)"
            ) % {
                "date": fmt.date(result.comparison.previous_date),
                "level": self.level_title(result.comparison.previous_level),
                "months": result.comparison.months,
                "needed": needed,
            }
        if isinstance(model, ImprovedRequirement):
            if model.of == "improvement_areas":
                return _("%(count)s verified improvement areas (%(needed)s needed)") % {
                    "count": outcome.actual,
                    "needed": model.at_least,
                }
            return _("%(count)s indicators improved (%(needed)s needed)") % {
                "count": outcome.actual,
                "needed": model.at_least,
            }
        assert isinstance(model, LevelRequirement)
        if outcome.held:
            return _("everything %(level)s requires") % {"level": self.level_title(model.level)}
        return _("not everything %(level)s requires") % {"level": self.level_title(model.level)}

    def _window(self, low: int | None, high: int | None) -> str:
        _ = self.gettext
        if low is not None and high is not None:
            return _("%(low)s to %(high)s months earlier") % {"low": low, "high": high}
        if low is not None:
            return _("at least %(low)s months earlier") % {"low": low}
        if high is not None:
            return _("at most %(high)s months earlier") % {"high": high}
        return ""

    def _in_category(self, category: str | None, text: str) -> str:
        if category is None:
            return text
        found = self.criteria.category(category)
        return f"{self.text(found.title) if found else category}: {text}"

    def _indicator_name(self, indicator_id: str) -> str:
        indicator = self.criteria.indicator(indicator_id)
        return (
            f"{indicator_id} {self.text(indicator.title)}"
            if indicator is not None
            else indicator_id
        )


def _join(items: list[str]) -> str:
    return ", ".join(items)


def _points_of(result: Result, category: str | None) -> tuple[Decimal, Decimal]:
    if category is None:
        return result.score.points, result.score.max_points
    found = next((c for c in result.categories if c.id == category), None)
    return (found.points, found.max_points) if found is not None else (Decimal(0), Decimal(0))
