"""A unit of count: a text whose every language may give a form per CLDR plural category.

`unit: projects` is one form for every count.  To read "1 project" and "2 projects",
give the forms per language by their CLDR plural categories (`one`, `other`, and for
languages that have them `zero`, `two`, `few`, `many`):

    unit:
      en: {one: project, other: projects}
      nb: {one: prosjekt, other: prosjekter}

`other` is required; it is also the form a language's plain text (`en: projects`) gives.
"""

import json
from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic_core import PydanticCustomError

from .common import LANGUAGE_PATTERN, Text

__all__ = ["PLURAL_CATEGORIES", "Unit"]

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""The CLDR plural categories, in CLDR's order."""

_TEXT = {"type": "string", "minLength": 1}
_FORMS = {
    "type": "object",
    "properties": dict.fromkeys(PLURAL_CATEGORIES, _TEXT),
    "required": ["other"],
    "additionalProperties": False,
}


class Unit(Text):
    """A unit: a Text whose languages may each give a form per plural category."""

    __slots__ = ("_forms", "_written")
    _json_schema: ClassVar[dict[str, Any]] = {
        "anyOf": [
            _TEXT,
            {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"pattern": LANGUAGE_PATTERN},
                "additionalProperties": {"anyOf": [_TEXT, _FORMS]},
            },
        ]
    }

    def __init__(self, value: str | Mapping[str, str | Mapping[str, str]]) -> None:
        self._written = value if isinstance(value, str) else dict(value)
        if isinstance(value, str):
            super().__init__(value)
            self._forms: dict[str, dict[str, str]] = {}
            return
        forms = {
            lang: dict(text) if isinstance(text, Mapping) else {"other": text}
            for lang, text in value.items()
        }
        super().__init__({lang: found["other"] for lang, found in forms.items()})
        self._forms = forms

    def form(self, language: str, category: str) -> str:
        """The unit in ``language`` for a count of plural ``category`` (else its `other`)."""
        forms = self._forms.get(language)
        if forms is None:
            return self.in_language(language)
        return forms.get(category, forms["other"])

    def to_data(self) -> Any:
        """The unit as written in the file."""
        return self._written

    def __repr__(self) -> str:
        return f"Unit({self._written!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self.to_data() == other.to_data()

    def __hash__(self) -> int:
        return hash(json.dumps(self._written, sort_keys=True))

    @classmethod
    def validate(cls, value: Any) -> "Unit":
        """A non-empty string, or per language a string or `{one: ..., other: ...}`."""
        if isinstance(value, Unit):
            return value
        if isinstance(value, Mapping) and any(isinstance(v, Mapping) for v in value.values()):
            plain: dict[str, str] = {}
            for language, text in value.items():
                if isinstance(text, Mapping):
                    _check_forms(str(language), text)
                    plain[str(language)] = str(text["other"])
                else:
                    plain[str(language)] = text
            Text.validate(plain)  # the language codes and plain texts, checked as texts are
            return cls({str(k): v if isinstance(v, Mapping) else str(v) for k, v in value.items()})
        text = Text.validate(value)
        return cls(text.to_data())


def _check_forms(language: str, forms: Mapping[Any, Any]) -> None:
    unknown = [str(k) for k in forms if k not in PLURAL_CATEGORIES]
    if unknown:
        raise PydanticCustomError(
            "unit_forms",
            "the {language} forms use {unknown}, not a plural category; use {categories}",
            {
                "language": repr(language),
                "unknown": repr(unknown[0]),
                "categories": ", ".join(PLURAL_CATEGORIES),
            },
        )
    if "other" not in forms:
        raise PydanticCustomError(
            "unit_forms",
            "the {language} forms need `other`, the form for most counts",
            {"language": repr(language)},
        )
    for category, text in forms.items():
        if not isinstance(text, str) or not text.strip():
            raise PydanticCustomError(
                "unit_forms",
                "the {language} form {category} must be a non-empty text",
                {"language": repr(language), "category": repr(str(category))},
            )
