"""Changing an assessment's data in place, touching only what changed.

The same edits apply to plain data (to score what the page shows) and to a ruamel.yaml
round-trip document (to save it): a value equal to the one already there leaves its
node alone, so an unchanged field never rewrites its line, and a file saved without
changes is byte for byte the file that was opened.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..models.common import LANGUAGE_PATTERN

__all__ = [
    "AnswerState",
    "Containers",
    "answer_state",
    "is_text_map",
    "same",
    "set_answer",
    "set_value",
    "text_in",
]

Key = str | int


@dataclass(frozen=True, slots=True)
class Containers:
    """How new mappings and lists are made: plain ones, or ruamel's commented ones."""

    mapping: Callable[[], MutableMapping[str, Any]] = dict
    sequence: Callable[[Sequence[Any]], list[Any]] = list
    scalar: Callable[[Any], Any] = lambda value: value
    language: str | None = None
    """The language texts are edited in: a text written per language changes only there."""


_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def is_text_map(value: Any) -> bool:
    """Whether ``value`` is a text written per language, ``{en: ..., nb: ...}``."""
    return (
        isinstance(value, MutableMapping)
        and bool(value)
        and all(isinstance(k, str) and _LANGUAGE.match(k) for k in value)
        and all(isinstance(v, str) for v in value.values())
    )


def text_in(value: Any, language: str | None) -> Any:
    """A text as the form shows it: in ``language`` when written per language, else the first."""
    if is_text_map(value):
        if language is not None and language in value:
            return value[language]
        return next(iter(value.values()))
    return value


def _keep_languages(old: Any, new: Any, language: str | None) -> Any:
    """``new`` as the form gives it, with every other language of ``old`` kept.

    The form shows and edits a text per language in one language: an unchanged text
    stays as it is (in every language), a changed one changes in that language only.
    """
    if language is None:
        return new
    if isinstance(new, str) and is_text_map(old):
        if new == text_in(old, language):
            return old
        old[language] = new  # in place: the other languages and the layout stay
        return old
    if isinstance(new, list | tuple) and isinstance(old, list):
        return [
            _keep_languages(old[i], item, language) if i < len(old) else item
            for i, item in enumerate(new)
        ]
    return new


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return None


def same(old: Any, new: Any) -> bool:
    """Whether two values mean the same (``2.50`` and ``2.5``, a list and a tuple)."""
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, MutableMapping) and isinstance(new, MutableMapping):
        return old.keys() == new.keys() and all(same(old[k], new[k]) for k in old)
    a, b = _number(old), _number(new)
    if a is not None and b is not None:
        return a == b
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, dt.date) and isinstance(new, dt.date):
        return old == new
    if isinstance(old, str) and isinstance(new, str):
        return old == new
    return old is None and new is None


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def set_value(
    data: MutableMapping[str, Any],
    path: Sequence[str],
    value: Any,
    make: Containers,
    *,
    remove: bool = False,
) -> None:
    """Set ``data[path...]`` to ``value``, touching nothing that already says the same.

    An empty value empties an existing key (a list becomes ``[]``, anything else null)
    and keeps its line, as a questionnaire's stubs are kept; with ``remove`` the key goes.
    Mappings on the way are made only when there is something to write.
    """
    node: MutableMapping[str, Any] = data
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, MutableMapping):
            if _empty(value):
                return  # nothing to empty below a mapping that does not exist
            child = node[part] = make.mapping()
        node = child
    key = path[-1]
    if _empty(value):
        if key not in node or (_empty(node[key]) and not remove):
            return
        if remove:
            del node[key]
        else:
            node[key] = make.sequence([]) if isinstance(node[key], list | tuple) else None
        return
    value = _keep_languages(node.get(key), value, make.language)
    if key in node and same(node[key], value):
        return
    node[key] = _built(value, make)


def _built(value: Any, make: Containers) -> Any:
    if isinstance(value, list | tuple):
        return make.sequence([_built(item, make) for item in value])
    if isinstance(value, dict):
        mapping = make.mapping()
        for key, item in value.items():
            mapping[key] = _built(item, make)
        return mapping
    return make.scalar(value)


@dataclass(frozen=True, slots=True)
class AnswerState:
    """What the form says about one answer."""

    value: Any = None
    not_applicable: bool = False
    reason: str | None = None
    evidence: tuple[str, ...] = ()
    comment: str | None = None

    @property
    def bare(self) -> bool:
        """True when a bare value (``G01: 254``) says all of it."""
        return not (self.not_applicable or self.reason or self.evidence or self.comment)


def answer_state(raw: Any) -> AnswerState:
    """An answer as the file holds it (a bare value or a mapping), as an AnswerState."""
    if not isinstance(raw, MutableMapping):
        return AnswerState(value=raw)
    evidence = raw.get("evidence") or ()
    return AnswerState(
        value=raw.get("value"),
        not_applicable=raw.get("status") == "not_applicable",
        reason=raw.get("reason"),
        evidence=tuple(evidence) if isinstance(evidence, list | tuple) else (evidence,),
        comment=raw.get("comment"),
    )


def set_answer(
    answers: MutableMapping[str, Any], indicator: str, state: AnswerState, make: Containers
) -> None:
    """Write ``state`` as the answer to ``indicator``, keeping the answer's shape.

    A bare value stays bare while nothing else is said; a mapping stays a mapping and
    only its changed keys are written.  An indicator the file does not list is added
    only when the form says something about it.
    """
    raw = answers.get(indicator)
    if isinstance(raw, MutableMapping):
        value = None if state.not_applicable else state.value
        status = "not_applicable" if state.not_applicable else None
        set_value(raw, ["value"], value, make)
        set_value(raw, ["status"], status, make, remove=True)
        set_value(
            raw, ["reason"], state.reason if state.not_applicable else None, make, remove=True
        )
        set_value(raw, ["evidence"], list(state.evidence), make)
        set_value(raw, ["comment"], state.comment, make)
        return
    if state.bare:
        if indicator in answers:
            if not same(raw, state.value):
                answers[indicator] = make.scalar(state.value)
        elif not _empty(state.value):
            answers[indicator] = make.scalar(state.value)
        return
    record: dict[str, Any] = {}
    if state.not_applicable:
        record["status"] = "not_applicable"
        if state.reason:
            record["reason"] = state.reason
    elif not _empty(state.value):
        record["value"] = state.value
    if state.evidence:
        record["evidence"] = list(state.evidence)
    if state.comment:
        record["comment"] = state.comment
    answers[indicator] = _built(record, make)
