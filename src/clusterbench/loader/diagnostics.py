"""Turning pydantic validation errors into located, actionable Issues."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Issue, quote
from ..models.answer_types import suggest
from .source import Document

__all__ = ["allowed_keys", "schema_issues", "with_reader_issues"]

MAX_ISSUES = 200
"""Most schema Issues made for one file: each costs a position lookup and a suggestion."""

_TYPE_WORDS = {
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be a text",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "dict_type": "must be a mapping of keys to values",
    "model_type": "must be a mapping of keys to values",
    "model_attributes_type": "must be a mapping of keys to values",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "decimal_type": "must be a number",
    "decimal_parsing": "must be a number",
    "date_type": "must be a date such as 2021-11-06",
    "date_parsing": "must be a date such as 2021-11-06",
    "date_from_datetime_parsing": "must be a date such as 2021-11-06",
    "date_from_datetime_inexact": "must be a date without a time",
}
_CUSTOM_CODES = {
    "id_type": "CB105",
    "number_type": "CB105",
    "text_type": "CB105",
    "scalar_type": "CB105",
    "bound_type": "CB105",
    "answer_value": "CB105",
    "id_format": "CB109",
    "language_code": "CB109",
    "share_format": "CB109",
    "points_range": "CB104",
    "share_range": "CB104",
    "number_finite": "CB104",
    "text_empty": "CB104",
    "date_value": "CB105",
    "date_domain": "CB116",
    "number_domain": "CB115",
}
_BOUND_WORDS = {
    "greater_than": ("greater than", "gt"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "less_than_equal": ("at most", "le"),
}


def _got(value: Any) -> str:
    return quote(value)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float | Decimal):
        return f"the number {_got(value)}"
    if isinstance(value, str):
        return f"the text {_got(value)}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return _got(value)


def schema_issues(exc: ValidationError, doc: Document, root: type[BaseModel]) -> list[Issue]:
    """One Issue per distinct validation error, located in ``doc``."""
    issues: list[Issue] = []
    seen: set[tuple[str, str, str]] = set()
    errors = exc.errors(include_url=False)[:MAX_ISSUES]
    failing_inside = {tuple(e["loc"][:n]) for e in errors for n in range(len(e["loc"]))}
    for error in errors:
        if error["type"] == "too_short" and tuple(error["loc"]) in failing_inside:
            continue  # a list counts only its valid items; the item's own error says it all
        issue = _issue(error, doc, root)
        key = (issue.path, issue.code, issue.message)
        if key not in seen:
            seen.add(key)
            issues.append(issue)
    return issues


def _issue(error: Any, doc: Document, root: type[BaseModel]) -> Issue:
    loc: tuple[Any, ...] = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    shown, _located = doc.resolve(loc)

    if kind == "missing":
        return doc.issue(
            shown, "CB103", f"missing required key '{shown[-1]}'" if shown else "missing"
        )
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = suggest(key, allowed_keys(root, loc[:-1]))
        return doc.issue(shown, "CB102", f"unknown key {quote(key)}{hint}", at_key=True)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        field = str(ctx.get("discriminator", "kind")).strip("'")
        path = (*shown, field)
        if kind == "union_tag_not_found":
            return doc.issue(shown, "CB103", f"missing required key '{field}'")
        tags = re.findall(r"'([^']*)'", str(ctx.get("expected_tags", "")))
        tag = ctx.get("tag")
        message = f"unknown {field} {quote(tag)}; expected one of {', '.join(tags)}{suggest(str(tag), tags)}"
        return doc.issue(path, "CB106", message)
    if kind in ("literal_error", "enum"):
        options = re.findall(r"'([^']*)'|(\d+)", str(ctx.get("expected", "")))
        names = [a or b for a, b in options]
        if shown in (("kind",), ("format",)):
            return doc.issue(
                shown,
                "CB110",
                f"{shown[0]} must be {' or '.join(names)}, got {_got(value)}",
            )
        message = f"must be one of {', '.join(names)}, got {_got(value)}"
        return doc.issue(shown, "CB106", message + suggest(str(value), names))
    if kind in _TYPE_WORDS:
        return doc.issue(shown, "CB105", f"{_TYPE_WORDS[kind]}, got {_kind(value)}")
    if kind in _BOUND_WORDS:
        words, key = _BOUND_WORDS[kind]
        return doc.issue(shown, "CB104", f"must be {words} {ctx.get(key)}, got {_got(value)}")
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length" if kind == "too_short" else "max_length")
        if isinstance(value, str):
            words = (
                "must not be empty"
                if kind == "too_short"
                else f"must be at most {limit} characters"
            )
        else:
            bound = "at least" if kind == "too_short" else "at most"
            words = f"must have {bound} {limit} item{'s' if limit != 1 else ''}"
        return doc.issue(shown, "CB104", words)
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "http" in pattern:
            words = "must be a web address starting with http:// or https://"
        elif "#[0-9A-Fa-f]{6}" in pattern:
            words = "must be a colour written #RRGGBB, such as #1F4E79"
        else:
            words = f"does not match {pattern}"
        return doc.issue(shown, "CB109", f"{words}, got {_got(value)}")
    if kind in _CUSTOM_CODES:
        return doc.issue(shown, _CUSTOM_CODES[kind], str(error["msg"]))
    message = str(error["msg"]).removeprefix("Value error, ")
    return doc.issue(shown, "CB109", message)


# --------------------------------------------------------------- key suggestions
def allowed_keys(root: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The keys the mapping at ``loc`` may hold (by walking the model's types)."""
    current: Any = root
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    model = _as_model(current)
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _members(annotation: Any) -> list[Any]:
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return [_unwrap(a) for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def _as_model(annotation: Any) -> type[BaseModel] | None:
    models = [m for m in _members(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]
    return models[0] if len(models) == 1 else None


def _step(annotation: Any, part: Any) -> Any:
    members = _members(annotation)
    models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
    if len(models) > 1 and isinstance(part, str):  # a tagged union: the part is the tag
        for model in models:
            for field in model.model_fields.values():
                if typing.get_origin(
                    field.annotation
                ) is typing.Literal and part in typing.get_args(field.annotation):
                    return model
        return None
    if len(models) == 1 and isinstance(part, str):
        model = models[0]
        for name, field in model.model_fields.items():
            if part in (name, field.alias):
                return field.annotation
        return None
    for member in members:
        origin = typing.get_origin(member)
        args = typing.get_args(member)
        if origin in (list, tuple) and isinstance(part, int):
            return args[0]
        if origin is dict and isinstance(part, str):
            return args[1]
    return None


def with_reader_issues(doc: Document, issues: Sequence[Issue]) -> list[Issue]:
    """The reader's Issues of ``doc``, then ``issues`` except those about a value the
    reader refused (already explained, and replaced by its text)."""
    if not doc.replaced:
        return [*doc.issues, *issues]
    kept = [i for i in issues if not _below(i.path, doc.replaced)]
    return [*doc.issues, *kept]


def _below(path: str, replaced: set[str]) -> bool:
    return any(path == r or path.startswith((r + ".", r + "[")) for r in replaced)
