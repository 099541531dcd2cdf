"""Human texts: one string for every language, or one string per language."""

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from pydantic_core import PydanticCustomError, core_schema

from .values import LANGUAGE_PATTERN, describe_value, is_language

__all__ = ["Text"]


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
                if not isinstance(language, str) or not is_language(language):
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
                        {"language": repr(language), "kind": describe_value(text)},
                    )
            return cls({str(k): str(v) for k, v in value.items()})
        raise PydanticCustomError(
            "text_type",
            "must be a text, or a mapping of language code to text, got {kind}",
            {"kind": describe_value(value)},
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
