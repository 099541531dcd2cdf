"""How each answer type is asked for in a web form, and how a form's text becomes a value.

One :class:`Input` per answer type says which control the page draws (a yes/no pair, a
number with unit and bounds, options, labelled steps, a date, a text) and turns what
the browser sends back into the value a YAML file holds.  Numbers are read the way the
page's language writes them (``1,234`` is a thousand and more in English, ``1,234`` a
little over one in German and Norwegian; what could be either is refused).  Every
number and date then goes through the value domain the loader applies to files
(:mod:`clusterbench.models.domain`): what lies outside it is :class:`Refused`, with the
loader's own words, and never converted.  Any other text that is not a valid value is
kept as text: the assessment's own checks then say what is wrong, at the field, exactly
as ``clusterbench validate`` would.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Literal

from babel.numbers import get_decimal_symbol, get_group_symbol

from ..errors import clip
from ..kinds.registry import answer_kind
from ..models.domain import date_problem, number_problem
from ..models.rules import format_value
from ..report.i18n import Formatter

__all__ = [
    "Input",
    "Refused",
    "input_for",
    "read_date",
    "read_number",
    "shown_value",
]

Control = Literal["boolean", "number", "choice", "multichoice", "scale", "date", "text"]


@dataclass(frozen=True, slots=True)
class Refused:
    """A text from the form that no value of its field may be, and why (``problem`` is
    said after the text, as the loader says it of a value in a file)."""

    text: str
    problem: str

    @property
    def message(self) -> str:
        """The text (shortened) and the problem, as one message."""
        return f"{clip(self.text, 40)} {self.problem}"


@dataclass(frozen=True, slots=True)
class Input:
    """The control for one answer type: what the page draws and how to read it back."""

    control: Control
    options: tuple[tuple[str, str], ...] = ()
    """(value, label) pairs of a choice or a scale, in the criteria's order."""
    minimum: str | None = None
    maximum: str | None = None
    unit: str | None = None
    whole: bool = False

    @property
    def bounds(self) -> str | None:
        """The bounds as the page shows them: `0 – 100`, `≥ 0`, `≤ 5`."""
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum} – {self.maximum}"
        if self.minimum is not None:
            return f"≥ {self.minimum}"
        if self.maximum is not None:
            return f"≤ {self.maximum}"
        return None

    def read(self, raw: Sequence[str], language: str) -> Any:
        """The value of the field's submitted texts (None when left empty); a
        :class:`Refused` for a number or date outside the domain."""
        texts = [r.strip() for r in raw if r.strip()]
        if self.control == "multichoice":
            return texts or None
        if not texts:
            return None
        text = texts[-1]
        if self.control == "boolean":
            return {"true": True, "false": False}.get(text, text)
        if self.control in ("number", "scale"):
            return read_number(text, language, whole=self.whole or self.control == "scale")
        if self.control == "date":
            return read_date(text)
        return text


_NUMBER = re.compile(r"([+-]?)([0-9][0-9.,]*)(?:[eE]([+-]?[0-9]+))?")
_SPACES = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "\u2009": None})
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})


@cache
def _symbols(language: str) -> tuple[str, str]:
    """The decimal and group separators of ``language``'s numbers (`.` and `,` in English)."""
    locale = Formatter(language).locale
    return get_decimal_symbol(locale), get_group_symbol(locale)


def _grouped(text: str, separator: str) -> bool:
    return re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(separator)}[0-9]{{3}})+", text) is not None


def read_number(text: str, language: str, *, whole: bool = False) -> Any:
    """A number as the page's language writes it: an int when whole, else a Decimal.

    The text itself when it is no number (the answer's checks say so), and
    :class:`Refused` when it could be two numbers or lies outside the domain.
    """
    cleaned = text.translate(_SPACES).translate(_MINUS).removesuffix("%")
    found = _NUMBER.fullmatch(cleaned)
    if found is None:
        return text
    sign, mantissa, exponent = found.group(1), found.group(2), found.group(3)
    plain = _plain(mantissa, *_symbols(language))
    if plain is None:
        point = "a comma" if _symbols(language)[0] == "," else "a point"
        return Refused(
            text,
            f"could mean two numbers; write thousands without a separator and decimals "
            f"with {point}",
        )
    if exponent is not None and len(exponent.lstrip("+-")) > 7:  # refused from its exponent
        exponent = "-9999999" if exponent.startswith("-") else "9999999"
    try:
        number = Decimal(f"{sign}{plain}" + (f"e{exponent}" if exponent else ""))
    except InvalidOperation:
        return text
    problem = number_problem(number)
    if problem is not None:
        return Refused(text, problem)
    if number == number.to_integral_value() and (whole or "." not in plain):
        return int(number)
    return number


def _plain(mantissa: str, decimal: str, group: str) -> str | None:
    """``mantissa`` with a point before decimals and no group separators; None when
    ``,`` or ``.`` in it could be either in this language."""
    commas, points = mantissa.count(","), mantissa.count(".")
    if not commas and not points:
        return mantissa
    if commas and points:  # both: the last one separates the decimals
        last = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
        other = "." if last == "," else ","
        head, _, tail = mantissa.rpartition(last)
        if last != decimal or other != group or not _grouped(head, other):
            return None
        return head.replace(other, "") + "." + tail
    separator = "," if commas else "."
    if separator == group and _grouped(mantissa, separator):
        return mantissa.replace(separator, "")
    head, _, tail = mantissa.partition(separator)
    if separator in tail or not head or not tail:
        return None
    if separator == decimal or len(tail) != 3:  # `2.5` on a German page: no group of three
        return f"{head}.{tail}"
    return None


def read_date(text: str) -> Any:
    """A date written YYYY-MM-DD; the text itself when it is none (the checks say so),
    :class:`Refused` when it lies outside the domain."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return text
    problem = date_problem(day)
    return day if problem is None else Refused(text, problem)


def _bound(value: Any, language: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return shown_value(value, language)[0]


def input_for(answer: Any, language: str) -> Input:
    """The control for an indicator's answer type, from the type's own description."""
    described = answer_kind(answer).describe(answer)
    control: Control = described.form  # each form of entry is a control
    if control == "choice" and described.multiple:
        control = "multichoice"
    if control == "scale":
        options = tuple(
            (str(value), label.in_language(language)) for value, label in described.steps
        )
    else:
        options = tuple((value, label.in_language(language)) for value, label in described.options)
    return Input(
        control,
        options=options,
        minimum=_bound(described.low, language),
        maximum=_bound(described.high, language),
        unit="%"
        if described.percent
        else (None if described.unit is None else described.unit.in_language(language)),
        whole=described.whole,
    )


def shown_value(value: Any, language: str | None = None) -> list[str]:
    """A stored value as the texts a form field shows (several for a multiple choice);
    a number written as ``language`` writes it (a decimal comma in German)."""
    if value is None:
        return []
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    if isinstance(value, Decimal | float):
        text = format_value(Decimal(repr(value)) if isinstance(value, float) else value)
        return [text.replace(".", _symbols(language)[0]) if language else text]
    return [str(value)]
