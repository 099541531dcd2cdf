"""The words of one language: texts, statuses, lights, answers and rules.

:class:`Phrases` is the one object everything a reader sees is said through — the
report, the terminal summary, `criteria show`, `new` and the workbench.  Fixed words
come from the gettext catalog (plural forms by CLDR's rules), numbers and dates from
Babel; texts of the criteria and of the assessor come in the reader's language, and an
assessor's text that lacks it is marked with the language it is written in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...kinds.answers.base import Shown
from ...kinds.registry import answer_kind
from ...models.common import Text
from ...models.criteria import Criteria, Indicator
from ...models.result import Band, Status
from ...models.rules import Rule
from ...models.units import Unit
from ..i18n import Formatter, translations
from .versions import version_said

__all__ = ["Phrases", "Said"]


@dataclass(frozen=True, slots=True)
class Said:
    """An assessor's text as shown: ``lang`` is set when it is not in the reader's language."""

    text: str
    lang: str | None = None
    language_name: str | None = None

    def __str__(self) -> str:
        return self.text


class Phrases:
    """Everything said to a reader of ``language`` about results of ``criteria``.

    ``written_in`` is the language of the assessor's texts written as one string (the
    assessment file's `language`); ``related`` the other criteria sets the assessment
    draws on, whose lists (of comparative portfolios) stand in where these criteria have none.
    """

    def __init__(
        self,
        language: str,
        criteria: Criteria,
        *,
        written_in: str = "en",
        related: Mapping[str, Criteria] | None = None,
    ) -> None:
        catalog = translations(language)
        self.language = language
        self.criteria = criteria
        self.related = dict(related or {})
        self.written_in = written_in
        self.fmt = Formatter(language)
        self.gettext: Callable[[str], str] = catalog.gettext
        self.ngettext: Callable[[str, str, int], str] = catalog.ngettext

    # -- texts ------------------------------------------------------------------------
    def text(self, value: Text | None) -> str:
        """A criteria text in the reader's language (validate checks that it exists)."""
        return value.in_language(self.language) if value is not None else ""

    def line(self, value: Text | None) -> str:
        """A criteria text on one line (folded YAML texts may hold line breaks)."""
        return " ".join(self.text(value).split())

    def own(self, value: Text | None) -> Said | None:
        """An assessor's text: in the reader's language, else as written and marked so."""
        if value is None:
            return None
        found = value.get(self.language) if not value.is_plain else None
        if found is not None or (value.is_plain and self.written_in == self.language):
            return Said(found if found is not None else value.in_language(self.language))
        if value.is_plain:
            lang = self.written_in
            text = value.in_language(lang)
        else:
            lang = value.languages[0]
            if self.written_in in value.languages:
                lang = self.written_in
            text = value.in_language(lang)
        return Said(text, lang, self.fmt.language_name(lang))

    def own_all(self, values: Sequence[Text]) -> tuple[Said, ...]:
        """Several of the assessor's texts."""
        return tuple(s for v in values if (s := self.own(v)) is not None)

    def level_title(self, level_id: str | None, criteria: Criteria | None = None) -> str:
        """A level's title (of ``criteria``, default these), or "no level"."""
        found = (criteria or self.criteria).level(level_id) if level_id else None
        return self.text(found.title) if found is not None else self.gettext("no level")

    def version(
        self, criteria: Criteria | None = None, label: str | None = None, *, short: bool = False
    ) -> str:
        """A criteria version as readers read it: `version 2013` (see :mod:`.versions`)."""
        return version_said(self, criteria or self.criteria, label, short=short)

    def level_name(self, level_id: str | None, criteria: Criteria | None = None) -> str:
        """A level's title as running text writes it, mid-sentence.

        Norwegian writes a translated common word in lower case inside a sentence
        ("alt som kreves for bronse") but keeps a name as it is ("Arena Pro", "Global
        Centres of Expertise"): a Norwegian title that differs from the English one and
        has no other capitalised word is taken to be such a common word.  English and
        German keep every title as written.
        """
        title = self.level_title(level_id, criteria)
        found = (criteria or self.criteria).level(level_id) if level_id else None
        if self.language != "nb" or found is None:
            return title
        if title == found.title.in_language("en") or any(
            w[:1].isupper() for w in title.split()[1:]
        ):
            return title
        return title[:1].lower() + title[1:]

    def indicator_name(self, indicator_id: str) -> str:
        """`G05 Written strategy`."""
        indicator = self.criteria.indicator(indicator_id)
        return f"{indicator_id} {self.line(indicator.title)}" if indicator else indicator_id

    def category_title(self, category_id: str | None) -> str:
        """A category's title ("" for none)."""
        found = self.criteria.category(category_id) if category_id else None
        return self.text(found.title) if found is not None else category_id or ""

    def country(self, alpha3: str) -> str:
        """The country's name in the reader's language."""
        return self.fmt.country(alpha3)

    def portfolio(self, portfolio_id: str | None) -> Said | None:
        """A comparative portfolio's title, from the one list that names it.

        These criteria's own list first, then a related set's (a national programme's
        assessment names the ESCA portfolios); an id no list names, as written.
        """
        if portfolio_id is None:
            return None
        for criteria in (self.criteria, *self.related.values()):
            found = criteria.portfolio(portfolio_id)
            if found is not None and self.language in criteria.languages:
                return Said(self.text(found.title))
        return Said(portfolio_id)

    def points_count(self, points: Decimal | int, *, more: bool = False) -> str:
        """`1 point`, `2.5 points`, or with ``more`` `3 more points` (points a gap would add)."""
        whole = Decimal(points) == Decimal(points).to_integral_value()
        # CLDR: in every language spoken here a fraction takes the form of "other", as 2 does.
        count = int(points) if whole else 2
        numbers = {"points": self.fmt.number(points)}
        if more:
            return self.ngettext("%(points)s more point", "%(points)s more points", count) % numbers
        return self.ngettext("%(points)s point", "%(points)s points", count) % numbers

    # -- lists ------------------------------------------------------------------------
    def join(self, items: Sequence[str]) -> str:
        """`a, b and c` (the language's own word for and)."""
        return self._joined(items, self.gettext(" and "))

    def either(self, items: Sequence[str]) -> str:
        """`a, b or c`."""
        return self._joined(items, self.gettext(" or "))

    def options(self, labels: Sequence[str], *, alternatives: bool = False) -> str:
        """Option labels in a list: `a, b and c`, or `a, b or c` for ``alternatives``.

        When a label holds the joining word itself ("research and academia", "every
        quarter or more often"), a plain list could be read in more ways than one: the
        labels are then set apart, with semicolons or the language's quotation marks.
        """
        word = self.gettext(" or ") if alternatives else self.gettext(" and ")
        if len(labels) < 2 or not any(word in label for label in labels):
            return self.either(labels) if alternatives else self.join(labels)
        if alternatives:
            quoted = [self.gettext("“%(option)s”") % {"option": label} for label in labels]
            return self.either(quoted)
        return "; ".join(labels)

    @staticmethod
    def _joined(items: Sequence[str], last: str) -> str:
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + last + items[-1]

    # -- statuses and lights ------------------------------------------------------------
    def status(self, status: Status) -> str:
        """An indicator's status in words."""
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

    def band(self, band: Band | None) -> str:
        """A traffic light in words, so that colour is never the only signal."""
        _ = self.gettext
        return {"green": _("green"), "yellow": _("yellow"), "red": _("red")}.get(
            band or "", _("no light")
        )

    def lights(self, band: Band | None, count: int) -> str:
        """`28 green`, `1 yellow`: a number of lights of one colour."""
        phrase = {
            "green": self.ngettext("%(num)d green", "%(num)d green", count),
            "yellow": self.ngettext("%(num)d yellow", "%(num)d yellow", count),
            "red": self.ngettext("%(num)d red", "%(num)d red", count),
        }.get(
            band or "", self.ngettext("%(num)d without a light", "%(num)d without a light", count)
        )
        return phrase % {"num": count}

    # -- answers and rules --------------------------------------------------------------
    def value(self, indicator: Indicator, value: Any) -> str:
        """An answer as readers read it: `yes`, `17 members`, `every year`, `4 – systematic`."""
        if value is None:
            return "–"
        if isinstance(value, bool):
            return self.gettext("yes") if value else self.gettext("no")
        seen = answer_kind(indicator.answer).show(indicator.answer, value)
        if seen.form == "options":
            return self.options([self.text(label) for label in seen.labels]) or self.gettext("none")
        if seen.form == "step":
            shown = self.fmt.number(Decimal(value), places=0)
            return f"{shown} – {self.text(seen.labels[0])}" if seen.labels else shown
        return self._plain(seen)

    def counted(self, number: Decimal | int, unit: Unit | Text | None, *, places: int = 2) -> str:
        """A number with its unit in the form its count takes: `1 project`, `2 projects`."""
        shown = self.fmt.number(number, places=places)
        if unit is None:
            return shown
        if isinstance(unit, Unit):
            whole = Decimal(number)
            category = self.fmt.plural(int(whole) if whole == whole.to_integral_value() else whole)
            return f"{shown} {unit.form(self.language, category)}"
        return f"{shown} {self.text(unit)}"

    def _plain(self, seen: Shown) -> str:
        """Dates, percentages and numbers (with their unit) in the reader's formats."""
        value = seen.value
        if seen.form == "date" and isinstance(value, dt.date):
            return self.fmt.date(value)
        if seen.form == "percent" and isinstance(value, Decimal | int):
            number = Decimal(value)
            return self.fmt.percent(number / 100, places=0 if number == int(number) else 1)
        if seen.form == "number" and isinstance(value, Decimal | int | float):
            return self.counted(Decimal(value), seen.unit)
        return str(value)

    def rule(self, indicator: Indicator, rule: Rule | None) -> str:
        """A rule in words: `at least 15`, `yes`, `within 24 months`, `at least 4 chosen`."""
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
            ids = [option for option, _label in stated.options]
            if not stated.multiple and len(values) >= 2 and ids[-len(values) :] == values:
                # The last options of a list ordered from least to most: `at least every year`,
                # not `every year, every six months or every quarter or more often`.
                return _("at least %(option)s") % {"option": self.bound(indicator, values[0])}
            shown = [self.bound(indicator, v) for v in values]
            if stated.options:
                shown_list = self.options(shown, alternatives=True)
                if stated.multiple:
                    return _("includes %(options)s") % {"options": shown_list}
                return shown_list
            return self.either(shown)
        if rule.between is not None:  # the unit once, after the upper bound: `15 to 49 members`
            low = self.bound(indicator, rule.between[0], unit=False)
            high = self.bound(indicator, rule.between[1])
            if stated.options:
                return _("%(low)s to %(high)s chosen") % {"low": low, "high": high}
            return _("%(low)s to %(high)s") % {"low": low, "high": high}
        if stated.options:  # on a choice, comparisons count the options chosen
            return self._chosen(rule)
        parts = []
        for op, phrase in (
            ("at_least", _("at least %(value)s")),
            ("above", _("more than %(value)s")),
            ("at_most", _("at most %(value)s")),
            ("below", _("less than %(value)s")),
        ):
            bound = getattr(rule, op)
            if bound is not None:
                parts.append(phrase % {"value": self.bound(indicator, bound)})
        return self.join(parts)

    def _chosen(self, rule: Rule) -> str:
        parts = []
        if rule.at_least is not None:
            num = _count(rule.at_least)
            parts.append(
                self.ngettext(
                    "at least %(num)d of the options", "at least %(num)d of the options", num
                )
                % {"num": num}
            )
        if rule.above is not None:
            num = _count(rule.above)
            parts.append(
                self.ngettext(
                    "more than %(num)d of the options", "more than %(num)d of the options", num
                )
                % {"num": num}
            )
        if rule.at_most is not None:
            num = _count(rule.at_most)
            parts.append(
                self.ngettext(
                    "at most %(num)d of the options", "at most %(num)d of the options", num
                )
                % {"num": num}
            )
        if rule.below is not None:
            num = _count(rule.below)
            parts.append(
                self.ngettext(
                    "fewer than %(num)d of the options", "fewer than %(num)d of the options", num
                )
                % {"num": num}
            )
        return self.join(parts)

    def bound(self, indicator: Indicator, value: Any, *, unit: bool = True) -> str:
        """A value a rule compares with, as readers read it: with its unit (`at least 3
        years`), a scale's step as answers show it (`3 – measurable goals`)."""
        if isinstance(value, bool):
            return self.gettext("yes") if value else self.gettext("no")
        seen = answer_kind(indicator.answer).show(indicator.answer, value)
        if seen.form == "options":
            return self.text(seen.labels[0]) if seen.labels else str(value)
        if seen.form == "step":
            shown = self.fmt.number(Decimal(value), places=0)
            return f"{shown} – {self.text(seen.labels[0])}" if seen.labels else shown
        return self._plain(seen if unit else Shown(seen.form, seen.value))

    def met_when(self, indicator: Indicator) -> str:
        """What meets the indicator (or gives it a green light), in words."""
        if indicator.pass_ is not None:
            return self.rule(indicator, indicator.pass_)
        if indicator.bands is not None:
            return self.rule(indicator, indicator.bands.green)
        return "–"


def _count(bound: Any) -> int:
    """A rule's bound on a choice: how many options (a whole number)."""
    return int(bound)
