"""Value types shared by every file format: ids, language codes, numbers, shares, dates.

Numbers are :class:`~decimal.Decimal` so that thresholds are exact as written
(`0.8` is four fifths, `2.5` points are two and a half).  Each type raises one
clear error of its own instead of pydantic's per-member union errors, and declares
the plain JSON Schema an editor needs.  Every date a file can hold goes through
:func:`checked_date`: the date domain (``models.domain``) is checked in one place.
"""

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, TypeGuard

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..errors import clip, quote
from .domain import date_problem, number_problem, parse_number

__all__ = [
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "Bound",
    "Date",
    "Id",
    "Language",
    "Number",
    "Points",
    "Scalar",
    "Share",
    "checked_date",
    "describe_value",
    "is_language",
    "to_json_number",
]

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_ID_RE = re.compile(ID_PATTERN)
_LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)
_SHARE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def is_language(value: Any) -> TypeGuard[str]:
    """Whether ``value`` is a language code such as `en`, `nb` or `de-CH`."""
    return isinstance(value, str) and _LANGUAGE_RE.match(value) is not None


def describe_value(value: Any) -> str:
    """What kind of value this is, in words, for an error message."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return f"the text {quote(value, 40)}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dt.date):
        return "a date"
    if value is None:
        return "nothing (null)"
    return type(value).__name__


# --------------------------------------------------------------------------- ids
def _id(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError(
            "id_type", "must be an id (a short name), got {kind}", {"kind": describe_value(value)}
        )
    if not _ID_RE.match(value):
        raise PydanticCustomError(
            "id_format",
            "{value} is not a valid id: start with a letter, then use letters, digits, "
            "'-', '_' or '.' (at most 64 characters)",
            {"value": quote(value)},
        )
    return value


Id = Annotated[
    str,
    PlainValidator(_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN}),
]
"""A short name: `G01`, `strategy`, `esca-gold`."""


def _language(value: Any) -> str:
    if not is_language(value):
        raise PydanticCustomError(
            "language_code",
            "must be a language code such as 'en' or 'nb', got {value}",
            {"value": quote(value)},
        )
    return value


Language = Annotated[
    str, PlainValidator(_language), WithJsonSchema({"type": "string", "pattern": LANGUAGE_PATTERN})
]


# ----------------------------------------------------------------------- numbers
def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise PydanticCustomError("number_type", "must be a number, got true/false", {})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = Decimal(repr(value))  # the shortest repr, as the author typed it
    if not isinstance(value, Decimal):
        raise PydanticCustomError(
            "number_type", "must be a number, got {kind}", {"kind": describe_value(value)}
        )
    return value


def to_json_number(value: Decimal | int) -> int | float:
    """A number as JSON writes it: an integer when whole, else a float."""
    if isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


_json_number = PlainSerializer(to_json_number, when_used="json")

Number = Annotated[
    Decimal, PlainValidator(_decimal), _json_number, WithJsonSchema({"type": "number"})
]
"""A finite number, kept exact."""


def _points(value: Any) -> Decimal:
    number = _decimal(value)
    if number < 0:
        raise PydanticCustomError(
            "points_range", "must be 0 or more, got {value}", {"value": quote(number)}
        )
    return number


Points = Annotated[
    Decimal,
    PlainValidator(_points),
    _json_number,
    WithJsonSchema({"type": "number", "minimum": 0}),
]


def _share(value: Any) -> Decimal:
    if isinstance(value, str):
        match = _SHARE_RE.match(value)
        if not match:
            raise PydanticCustomError(
                "share_format",
                "must be a share such as 0.8 or '80%', got {value}",
                {"value": quote(value)},
            )
        try:  # the percentage as written is a number of the domain, as any number is
            number = parse_number(match.group(1)) / 100
        except ValueError as exc:
            raise PydanticCustomError(
                "number_domain", "{value} {problem}", {"value": quote(value), "problem": str(exc)}
            ) from None
    else:
        number = _decimal(value)
    if not 0 <= number <= 1:
        raise PydanticCustomError(
            "share_range",
            "must be a share between 0 and 1 (or 0% to 100%), got {value}",
            {"value": clip(value) if isinstance(value, str) else quote(value)},  # `120%` as written
        )
    return number


Share = Annotated[
    Decimal,
    PlainValidator(_share),
    _json_number,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*%\s*$"},
            ]
        }
    ),
]
"""A share of a whole: `0.8` or `"80%"`."""


def _bound(value: Any) -> Decimal | dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return checked_date(value)
    try:
        number = _decimal(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "bound_type", "must be a number or a date, got {kind}", {"kind": describe_value(value)}
        ) from None
    return _in_domain(number)


def _in_domain(number: Decimal) -> Decimal:
    """A number a file states (not one computed from it) lies in the number domain."""
    problem = number_problem(number)
    if problem is not None:
        raise PydanticCustomError(
            "number_domain", "{value} {problem}", {"value": clip(str(number)), "problem": problem}
        )
    return number


def _serialize_bound(value: Decimal | dt.date) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else to_json_number(value)


Bound = Annotated[
    Decimal | dt.date,
    PlainValidator(_bound),
    PlainSerializer(_serialize_bound, when_used="json"),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "format": "date"}]}),
]
"""A rule's threshold: a number, or a date for date answers."""


def _scalar(value: Any) -> bool | Decimal | str | dt.date:
    if isinstance(value, bool | str):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return checked_date(value)
    if isinstance(value, int | float | Decimal):
        return _in_domain(_decimal(value))
    raise PydanticCustomError(
        "scalar_type",
        "must be a single value (a number, a text, a date or true/false), got {kind}",
        {"kind": describe_value(value)},
    )


def _serialize_scalar(value: bool | Decimal | str | dt.date) -> Any:
    if isinstance(value, Decimal):
        return to_json_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


Scalar = Annotated[
    bool | Decimal | str | dt.date,
    PlainValidator(_scalar),
    PlainSerializer(_serialize_scalar, when_used="json"),
    WithJsonSchema({"type": ["boolean", "number", "string"]}),
]
"""One answer value a rule compares with: a number, a text (an option id), a date or a boolean."""


# ------------------------------------------------------------------------- dates
def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise PydanticCustomError(
            "date_value", "must be a date without a time, such as 2021-11-06", {}
        )
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "date_type",
                "must be a date such as 2021-11-06, got {value}",
                {"value": quote(value)},
            ) from None
    if not isinstance(value, dt.date):
        raise PydanticCustomError(
            "date_value",
            "must be a date such as 2021-11-06, got {kind}",
            {"kind": describe_value(value)},
        )
    return checked_date(value)


def checked_date(value: dt.date) -> dt.date:
    """``value`` when it lies in the date domain, else the located `date_domain` error.

    Every date field of every model comes through here (a test walks the models), so
    that a date written as text, or given from Python, is held to the domain as a date
    the reader parsed is.
    """
    problem = date_problem(value)
    if problem is not None:
        raise PydanticCustomError(
            "date_domain", "{value} {problem}", {"value": value.isoformat(), "problem": problem}
        )
    return value


Date = Annotated[
    dt.date,
    PlainValidator(_date),
    PlainSerializer(lambda d: d.isoformat(), when_used="json"),
    WithJsonSchema({"type": "string", "format": "date"}),
]
"""A calendar date in the accepted domain (see ``models.domain``), written `2021-11-06`."""
