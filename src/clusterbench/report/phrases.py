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

from ..kinds.answers.base import Shown
from ..kinds.registry import answer_kind
from ..models.common import Text
from ..models.criteria import Criteria, Indicator
from ..models.result import RequirementResult, Status
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
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        seen = answer_kind(indicator.answer).show(indicator.answer, value)
        if seen.form == "options":
            return ", ".join(self.text(label) for label in seen.labels) or _("none")
        if seen.form == "step":
            shown = self.fmt.number(Decimal(value), places=0)
            return f"{shown} – {self.text(seen.labels[0])}" if seen.labels else str(value)
        return self._plain(seen)

    def _plain(self, seen: Shown) -> str:
        """Dates, percentages and numbers (with their unit) in the reader's formats."""
        value = seen.value
        if seen.form == "date" and isinstance(value, dt.date):
            return self.fmt.date(value)
        if seen.form == "percent" and isinstance(value, Decimal | int):
            number = Decimal(value)
            return self.fmt.percent(number / 100, places=0 if number == int(number) else 1)
        if seen.form == "number" and isinstance(value, Decimal | int | float):
            shown = self.fmt.number(Decimal(value), places=2)
            return f"{shown} {self.text(seen.unit)}" if seen.unit is not None else shown
        return str(value)

    def rule(self, indicator: Indicator, rule: Rule | None) -> str:
        """A pass rule in words: `at least 15`, `yes`, `within 24 months`, `every year or more`."""
        _ = self.gettext
        if rule is None:
            return "–"
        stated = answer_kind(indicator.answer).describe(indicator.answer)
        if rule.is_true is not None:
            return _("yes") if rule.is_true else _("no")
        if rule.within_months is not None:
            return self.ngettext(
                "within %(num)d month", "within %(num)d months", rule.within_months
            ) % {"num": rule.within_months}
        if rule.equals is not None or rule.one_of is not None:
            values = [rule.equals] if rule.equals is not None else list(rule.one_of or ())
            shown = [self._bound(indicator, v) for v in values]
            if stated.multiple:
                return _("includes %(options)s") % {"options": self._or(shown)}
            return self._or(shown)
        if rule.between is not None:
            low, high = (self._bound(indicator, b) for b in rule.between)
            return _("%(low)s to %(high)s") % {"low": low, "high": high}
        parts = []
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
        # On a choice, comparisons count the options chosen.
        return _("%(rule)s chosen") % {"rule": text} if stated.options else text

    def _bound(self, indicator: Indicator, value: Any) -> str:
        if isinstance(value, bool):
            return self.gettext("yes") if value else self.gettext("no")
        seen = answer_kind(indicator.answer).show(indicator.answer, value)
        if seen.form == "options":
            return self.text(seen.labels[0]) if seen.labels else str(value)
        if seen.form == "step":
            shown = self.fmt.number(Decimal(value), places=0)
            return f"{shown} ({self.text(seen.labels[0])})" if seen.labels else str(value)
        return self._plain(Shown(seen.form, value))  # bounds carry no unit

    def _or(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return _join(items[:-1]) + self.gettext(" or ") + items[-1]

    # -- requirements ---------------------------------------------------------------
    def requirement(self, outcome: RequirementResult, related: Mapping[str, Criteria]) -> str:
        """One requirement of a level with its numbers, in plain words, from its facts alone."""
        phrase = getattr(self, f"_req_{outcome.kind}")
        text: str = phrase(outcome, related)
        return text

    def _req_score(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        fmt = self.fmt
        text = self.gettext("%(earned)s of %(possible)s points (%(share)s; %(needed)s needed)") % {
            "earned": fmt.number(r.points or Decimal(0)),
            "possible": fmt.number(r.max_points or Decimal(0)),
            "share": fmt.percent(r.actual) if r.actual is not None else "–",
            "needed": fmt.threshold(r.needed or Decimal(0)),
        }
        return self._in_category(r.category, text)

    def _req_points(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        text = self.gettext("%(earned)s points (%(needed)s needed)") % {
            "earned": self.fmt.number(r.points or Decimal(0)),
            "needed": self.fmt.number(r.needed or Decimal(0)),
        }
        return self._in_category(r.category, text)

    def _req_indicators_met(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        text = self.gettext("%(met)s indicators met (%(needed)s needed)") % {
            "met": int(r.actual or 0),
            "needed": int(r.needed or 0),
        }
        return self._in_category(r.category, text)

    def _req_minimums(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        total = r.total or 0
        if r.held:
            return self.ngettext(
                "the minimum requirement is met",
                "all %(num)d minimum requirements are met",
                total,
            ) % {"num": total}
        names = [self._indicator_name(i) for i in r.indicators]
        return self.gettext("minimum requirements not met: %(names)s") % {"names": _join(names)}

    def _req_category_floors(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        _ = self.gettext
        if r.held:
            return _("every category reaches its floor")
        below = {c.id for c in r.categories if not c.held}
        names = [self.text(c.title) for c in self.criteria.categories if c.id in below]
        return _("below the floor: %(names)s") % {"names": _join(names)}

    def _req_criteria(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        _ = self.gettext
        other = related.get(r.criteria or "")
        name = self.text(other.title) if other is not None else str(r.criteria)
        reached = r.related.level if r.related is not None else None
        found = other.level(reached) if other is not None and reached else None
        if found is None:
            return _("%(name)s: not established") % {"name": name}
        text = _("%(name)s: %(level)s") % {"name": name, "level": self.text(found.title)}
        until = r.related.valid_until if r.related is not None else None
        if r.valid_on is None:
            return text
        if until is None:
            validity = _("validity not known")
        elif until >= r.valid_on:
            validity = _("valid until %(date)s") % {"date": self.fmt.date(until)}
        else:
            validity = _("expired after %(date)s") % {"date": self.fmt.date(until)}
        return f"{text} ({validity})"

    def _req_answered(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        if r.held:
            return self._in_category(
                r.category, self.gettext("every applicable indicator is answered")
            )
        missing = len(r.indicators)
        text = self.ngettext(
            "%(num)d applicable indicator is not answered",
            "%(num)d applicable indicators are not answered",
            missing,
        ) % {"num": missing}
        return self._in_category(r.category, text)

    def _req_previous_level(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        _ = self.gettext
        window = self._window(r.months_at_least, r.months_at_most)
        needed = _("%(level)s %(window)s") % {
            "level": self.level_title(r.level),
            "window": window,
        }
        previous = r.previous
        if previous is None:
            return _("no previous assessment (needs %(needed)s)") % {"needed": needed}
        return _(
            "previous assessment %(date)s: %(level)s, %(months)s months earlier (needs %(needed)s)"
        ) % {
            "date": self.fmt.date(previous.date),
            "level": self._previous_title(previous.level, previous.criteria, related),
            "months": previous.months,
            "needed": needed,
        }

    def _req_improved(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        _ = self.gettext
        numbers = {"count": int(r.actual or 0), "needed": int(r.needed or 0)}
        if r.of == "improvement_areas":
            return _("%(count)s verified improvement areas (%(needed)s needed)") % numbers
        return _("%(count)s indicators improved (%(needed)s needed)") % numbers

    def _req_level(self, r: RequirementResult, related: Mapping[str, Criteria]) -> str:
        _ = self.gettext
        level = self.level_title(r.level)
        if r.held:
            return _("everything %(level)s requires") % {"level": level}
        return _("not everything %(level)s requires") % {"level": level}

    def _previous_title(
        self, level_id: str | None, criteria_id: str, related: Mapping[str, Criteria]
    ) -> str:
        if criteria_id == self.criteria.id or level_id is None:
            return self.level_title(level_id)
        other = related.get(criteria_id)
        found = other.level(level_id) if other is not None else None
        return self.text(found.title) if found is not None else level_id

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
