"""How long texts and lists may be: refused where they are written, before any model.

The value domain (``models.domain``) bounds what a report must lay out: a name or title
holds at most MAX_NAME characters, a file path or web address MAX_PATH, any other text
MAX_TEXT; a list or mapping holds at most MAX_ITEMS items (a criteria set's indicators,
examples and answers: MAX_INDICATORS); and all texts of a file in any one language come
to at most MAX_LANGUAGE_TEXT characters.  A field states a bound of its own beside its
type (`Annotated[Text, NAME]`); others have the defaults.

:func:`check_limits` walks the plain data of a file along its model's fields, before
pydantic sees it (so a list of 120,000 evidence items is never validated item by item),
records a located Issue for each value too long (CB118) or list too long (CB119), and
cuts the value to its bound, so that the rest of the file is still checked.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..errors import PathPart, clip, format_path
from ..models.domain import MAX_ITEMS, MAX_LANGUAGE_TEXT, MAX_NAME, MAX_TEXT, Limit
from ..models.text import Text
from .source import Document

__all__ = ["check_limits"]

_Path = tuple[PathPart, ...]
_ANY = "any"  # the plan of a value whose type is not known: the defaults apply


@dataclass(slots=True)
class _Plan:
    """What a value of one annotation may hold, compiled once per annotation."""

    kind: str  # model, list, dict, text, str, union, any, skip
    chars: int | None = None
    items: int | None = None
    model: type[BaseModel] | None = None
    members: tuple[_Plan, ...] = ()  # union members; list/dict items (positional for tuples)
    variadic: bool = True  # tuple[X, ...] rather than tuple[X, Y]
    fields: dict[str, _Plan] = field(default_factory=dict)  # a model's, by key as written
    tags: tuple[tuple[str, tuple[Any, ...]], ...] = ()  # a model's Literal keys and values


_PLANS: dict[int, tuple[Any, _Plan]] = {}


def _plan(annotation: Any, limit: Limit | None = None) -> _Plan:
    """The plan of an annotation (cached by identity: annotations live as long as models)."""
    cached = _PLANS.get(id(annotation))
    if cached is not None and cached[0] is annotation and limit is None:
        return cached[1]
    found = _compile(annotation, limit)
    if limit is None:
        _PLANS[id(annotation)] = (annotation, found)
    return found


def _compile(annotation: Any, limit: Limit | None) -> _Plan:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        stated = next((m for m in metadata if isinstance(m, Limit)), None)
        return _plan(inner, stated or limit)
    chars = limit.chars if limit is not None else None
    items = limit.items if limit is not None else None
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        plans = tuple(_plan(a, limit) for a in members)
        return plans[0] if len(plans) == 1 else _Plan("union", members=plans)
    if origin in (tuple, list):
        args = typing.get_args(annotation)
        variadic = origin is list or (len(args) == 2 and args[1] is Ellipsis)
        elements = args[:1] if variadic else args
        plans = tuple(_plan(a) for a in elements)
        return _Plan("list", items=items or MAX_ITEMS, members=plans, variadic=variadic)
    if origin is dict:
        _key, value = typing.get_args(annotation)
        return _Plan("dict", items=items or MAX_ITEMS, members=(_plan(value),))
    if origin is typing.Literal:
        return _Plan("skip")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Plan("model", items=items or MAX_ITEMS, model=annotation)
    if isinstance(annotation, type) and issubclass(annotation, Text):
        return _Plan("text", chars=chars or MAX_TEXT, items=items or MAX_ITEMS)
    if annotation is str:
        return _Plan("str", chars=chars or MAX_NAME)
    if annotation is Any:
        return _Plan(_ANY)
    return _Plan("skip")  # numbers, dates, booleans: bounded by the reader


def _fields(plan: _Plan) -> dict[str, _Plan]:
    """A model's fields by the key a file writes (alias and name), compiled on first use."""
    if not plan.fields and plan.model is not None:
        model = plan.model
        hints = typing.get_type_hints(model, include_extras=True)
        tags = []
        for name, info in model.model_fields.items():
            compiled = _plan(hints[name])
            plan.fields[name] = compiled
            if info.alias:
                plan.fields[info.alias] = compiled
            if typing.get_origin(hints[name]) is typing.Literal:
                tags.append((info.alias or name, typing.get_args(hints[name])))
        plan.tags = tuple(tags)
    return plan.fields


def _tag(plan: _Plan, data: dict[str, Any]) -> bool:
    """Whether a dict's discriminator (a Literal field such as `type` or `kind`) names
    this model of a union."""
    _fields(plan)
    return any(key in data and data[key] in values for key, values in plan.tags)


@dataclass(slots=True)
class _Walk:
    doc: Document
    budget: int
    total: dict[str, int] = field(default_factory=dict)  # characters per language
    plain: int = 0  # characters of texts in every language
    spent: bool = False

    # -- values ---------------------------------------------------------------
    def value(self, data: Any, plan: _Plan, path: _Path) -> Any:
        """``data`` checked against ``plan``; cut to its bounds where it is too long."""
        kind = plan.kind
        if kind == "skip":
            return data
        if kind == "union":
            return self.value(data, self._member(data, plan), path)
        if kind in ("text", "str", _ANY) and isinstance(data, str):
            return self._text(data, plan.chars or MAX_TEXT, path, None)
        if kind == "text" and isinstance(data, dict):
            data = self._items(data, plan.items or MAX_ITEMS, path)
            for language, text in list(data.items()):
                if isinstance(text, str):
                    data[language] = self._text(
                        text, plan.chars or MAX_TEXT, (*path, language), language
                    )
                else:  # a unit's forms, `{one: ..., other: ...}`
                    data[language] = self.value(text, plan, (*path, language))
            return data
        if isinstance(data, list):
            data = self._items(data, plan.items or MAX_ITEMS, path)
            for index, item in enumerate(data):
                data[index] = self.value(item, self._element(plan, index), (*path, index))
            return data
        if isinstance(data, dict):
            data = self._items(data, plan.items or MAX_ITEMS, path)
            if kind == "model":
                fields = _fields(plan)
                for key, item in list(data.items()):
                    data[key] = self.value(item, fields.get(key, _Plan(_ANY)), (*path, key))
                return data
            member = plan.members[0] if kind == "dict" else _Plan(_ANY)
            for key, item in list(data.items()):
                if isinstance(key, str) and len(key) > MAX_NAME:
                    self._refuse(path, "CB118", self._too_long(key, MAX_NAME, "a key"))
                    continue
                data[key] = self.value(item, member, (*path, key))
            return data
        return data

    @staticmethod
    def _member(data: Any, plan: _Plan) -> _Plan:
        """The member of a union that ``data`` is written as (a model by its tag)."""
        shapes = {
            dict: ("model", "dict", "text"),
            list: ("list",),
            str: ("str", "text"),
        }
        wanted = next((v for k, v in shapes.items() if isinstance(data, k)), ())
        fitting = [m for m in plan.members if m.kind in wanted]
        models = [m for m in fitting if m.kind == "model"]
        if len(models) > 1 and isinstance(data, dict):
            tagged = [m for m in models if _tag(m, data)]
            return tagged[0] if tagged else _Plan(_ANY)
        return fitting[0] if fitting else _Plan(_ANY)

    @staticmethod
    def _element(plan: _Plan, index: int) -> _Plan:
        if plan.kind != "list" or not plan.members:
            return _Plan(_ANY)
        if plan.variadic:
            return plan.members[0]
        return plan.members[index] if index < len(plan.members) else _Plan(_ANY)

    # -- bounds ---------------------------------------------------------------
    def _text(self, text: str, chars: int, path: _Path, language: str | None) -> str:
        if len(text) > chars:
            what = "a name or a title" if chars <= MAX_NAME else "a text here"
            self._refuse(path, "CB118", self._too_long(text, chars, what))
            text = text[:chars]
        self._count(len(text), path, language)
        return text

    @staticmethod
    def _too_long(text: str, chars: int, what: str) -> str:
        said = f"{len(text):,} characters; {what} holds at most {chars:,}: shorten it"
        if what == "a key":
            return f"{said} ({clip(text)})"
        return f"{said} (a longer text belongs in a document the assessment refers to)"

    def _items(self, data: Any, limit: int, path: _Path) -> Any:
        if len(data) <= limit:
            return data
        what = "entries" if isinstance(data, dict) else "items"
        message = (
            f"{len(data):,} {what}; at most {limit:,} are accepted here: keep the ones that matter"
        )
        self._refuse(path, "CB119", message)
        if isinstance(data, dict):
            return dict(list(data.items())[:limit])
        return data[:limit]

    def _count(self, length: int, path: _Path, language: str | None) -> None:
        """Add a text to its language's total; say once when a total passes the budget."""
        if language is None:
            self.plain += length
            worst = self.plain + max(self.total.values(), default=0)
        else:
            self.total[language] = self.total.get(language, 0) + length
            worst = self.plain + self.total[language]
        if worst > self.budget and not self.spent:
            self.spent = True
            which = f"in {language}" if language is not None else "in one language"
            self._refuse(
                path,
                "CB118",
                f"the texts of this file {which} come to more than {self.budget:,} "
                "characters here, the most a file holds in one language: shorten them",
            )

    def _refuse(self, path: _Path, code: str, message: str) -> None:
        self.doc.issues.append(self.doc.issue(path, code, message))
        self.doc.replaced.add(format_path(path))


def check_limits(doc: Document, model: type[BaseModel], kind: str) -> None:
    """Refuse (in ``doc.issues``) every text and list of ``doc`` longer than its bound.

    ``kind`` is the file's kind (`assessment`, `criteria`): it sets the budget of all
    texts in one language.  Values too long are cut to their bound in ``doc.data``
    and their paths added to ``doc.replaced``, so that the model validates what is
    left and no second Issue is said about them.  A document is walked once, however
    often it is checked.
    """
    if doc.limited:
        return
    doc.limited = True
    walk = _Walk(doc, MAX_LANGUAGE_TEXT[kind])
    doc.data = walk.value(doc.data, _plan(model), ())
