"""Value types shared by every file format: texts, numbers, shares, ids, dates.

Numbers are :class:`~decimal.Decimal` so that thresholds are exact as written
(`0.8` is four fifths, `2.5` points are two and a half).  Each type raises one
clear error of its own instead of pydantic's per-member union errors, and declares
the plain JSON Schema an editor needs.
"""

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, core_schema

from ..errors import quote
from .domain import date_problem

__all__ = [
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "Bound",
    "Date",
    "Id",
    "Language",
    "Model",
    "Number",
    "Points",
    "Scalar",
    "Share",
    "Text",
    "assemble",
    "construct",
    "to_json_number",
]

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_ID_RE = re.compile(ID_PATTERN)
_LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)
_SHARE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        coerce_numbers_to_str=True,
        use_enum_values=False,
        defer_build=True,  # build each schema on first use: validate starts faster
    )


M = TypeVar("M", bound=BaseModel)


_TEMPLATES: dict[type, tuple[dict[str, Any], tuple[tuple[str, Any], ...]]] = {}


def construct(cls: type[M], **values: Any) -> M:
    """Build a model from values that are already of their types, without validation.

    For records the scoring core produces from validated input (thousands per batch):
    validation would only check what the code just computed.  Missing fields get their
    defaults, and fields keep their declared order (the serializer writes __dict__
    order).  Tests round-trip every such record through validation.
    """
    found = _TEMPLATES.get(cls)
    if found is None:
        fields = cls.__pydantic_fields__
        template = {name: f.get_default(call_default_factory=False) for name, f in fields.items()}
        factories = tuple((name, f) for name, f in fields.items() if f.default_factory is not None)
        found = _TEMPLATES[cls] = (template, factories)
    template, factories = found
    ordered = dict(template)
    ordered.update(values)
    for name, field in factories:
        if name not in values:  # a fresh dict or list for each record
            ordered[name] = field.get_default(call_default_factory=True)
    return assemble(cls, ordered, set(values))


_set = object.__setattr__


def assemble(cls: type[M], ordered: dict[str, Any], given: set[str]) -> M:
    """A model from a complete dict of its fields in declared order (see :func:`construct`)."""
    model = cls.__new__(cls)
    _set(model, "__dict__", ordered)
    _set(model, "__pydantic_fields_set__", given)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def _kind(value: Any) -> str:
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
            "id_type", "must be an id (a short name), got {kind}", {"kind": _kind(value)}
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
    if not isinstance(value, str) or not _LANGUAGE_RE.match(value):
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
            "number_type", "must be a number, got {kind}", {"kind": _kind(value)}
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
        number = Decimal(match.group(1)) / 100
    else:
        number = _decimal(value)
    if not 0 <= number <= 1:
        raise PydanticCustomError(
            "share_range",
            "must be a share between 0 and 1 (or 0% to 100%), got {value}",
            {"value": value if isinstance(value, str) else quote(value)},  # `120%` as written
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
        return value
    try:
        return _decimal(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "bound_type", "must be a number or a date, got {kind}", {"kind": _kind(value)}
        ) from None


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
        return value
    if isinstance(value, int | float | Decimal):
        return _decimal(value)
    raise PydanticCustomError(
        "scalar_type",
        "must be a single value (a number, a text, a date or true/false), got {kind}",
        {"kind": _kind(value)},
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
            "date_value", "must be a date such as 2021-11-06, got {kind}", {"kind": _kind(value)}
        )
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


# ------------------------------------------------------------------------- texts
class Text:
    """A human text: one string for every language, or one string per language.

    In YAML either `title: Strategy` or `title: {en: Strategy, nb: Strategi}`.
    """

    __slots__ = ("_by_language", "_plain")
    _json_schema: ClassVar[dict[str, Any]] = {
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"pattern": LANGUAGE_PATTERN},
                "additionalProperties": {"type": "string", "minLength": 1},
            },
        ]
    }

    def __init__(self, value: str | Mapping[str, str]) -> None:
        if isinstance(value, str):
            self._plain: str | None = value
            self._by_language: dict[str, str] = {}
        else:
            self._plain = None
            self._by_language = dict(value)

    @property
    def is_plain(self) -> bool:
        """True when the text is one string for all languages."""
        return self._plain is not None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the text is written in (empty for a plain text)."""
        return tuple(self._by_language)

    def get(self, language: str) -> str | None:
        """The text in `language`; a plain text in any language; None if missing."""
        if self._plain is not None:
            return self._plain
        return self._by_language.get(language)

    def in_language(self, language: str, fallback: str | None = None) -> str:
        """The text in `language`, else in `fallback`, else in its first language."""
        found = self.get(language)
        if found is None and fallback is not None:
            found = self.get(fallback)
        if found is None:
            found = next(iter(self._by_language.values()))
        return found

    def to_data(self) -> str | dict[str, str]:
        """The text as written in the file."""
        return self._plain if self._plain is not None else dict(self._by_language)

    def items(self) -> Iterator[tuple[str, str]]:
        """(language, text) pairs; empty for a plain text."""
        return iter(self._by_language.items())

    def __str__(self) -> str:
        return self.in_language("en")

    def __repr__(self) -> str:
        return f"Text({self.to_data()!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self.to_data() == other.to_data()

    def __hash__(self) -> int:
        data = self.to_data()
        return hash(data if isinstance(data, str) else tuple(sorted(data.items())))

    @classmethod
    def validate(cls, value: Any) -> "Text":
        """Accept a non-empty string or a mapping of language code to non-empty string."""
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            if not value.strip():
                raise PydanticCustomError("text_empty", "must not be empty", {})
            return cls(value)
        if isinstance(value, Mapping) and value:
            for language, text in value.items():
                if not isinstance(language, str) or not _LANGUAGE_RE.match(language):
                    if text is None:  # `{en: a, b}` reads as two keys: quote the text
                        raise PydanticCustomError(
                            "language_code",
                            "{language} is not a language code: a comma inside braces ends the "
                            "text; put the text in quotes",
                            {"language": repr(language)},
                        )
                    raise PydanticCustomError(
                        "language_code",
                        "{language} is not a language code such as 'en' or 'nb'",
                        {"language": repr(language)},
                    )
                if not isinstance(text, str) or not text.strip():
                    raise PydanticCustomError(
                        "text_type",
                        "the {language} text must be a non-empty text, got {kind}",
                        {"language": repr(language), "kind": _kind(text)},
                    )
            return cls({str(k): str(v) for k, v in value.items()})
        raise PydanticCustomError(
            "text_type",
            "must be a text, or a mapping of language code to text, got {kind}",
            {"kind": _kind(value)},
        )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.validate,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda t: t.to_data()),
        )

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of a text: a string, or a mapping of language code to string."""
        return dict(cls._json_schema)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return cls.json_schema()
