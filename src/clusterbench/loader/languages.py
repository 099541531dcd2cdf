"""Every text of a criteria file in every language it declares (CB211, CB216, CB218)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..errors import Issue, PathPart, Severity
from ..models.answers import Answer
from ..models.common import Text
from ..models.criteria import Criteria
from .document import Document

__all__ = ["check_languages"]

Path = tuple[PathPart, ...]


def check_languages(criteria: Criteria, doc: Document) -> Iterator[Issue]:
    """A located Issue for each text missing a declared language, written in one that is
    not declared, or (with several declared) not translated at all."""
    declared = criteria.languages
    for where, text in _walk_texts(criteria, ()):
        if text.is_plain:
            if len(declared) > 1:
                yield doc.issue(
                    where,
                    "CB218",
                    f"this text is not translated; write it in {', '.join(declared)}",
                    severity=Severity.WARNING,
                )
            continue
        missing = [lang for lang in declared if text.get(lang) is None]
        if missing:
            yield doc.issue(where, "CB211", f"missing the {', '.join(missing)} text")
        extra = [lang for lang in text.languages if lang not in declared]
        if extra:
            yield doc.issue(
                (*where, extra[0]),
                "CB216",
                f"language {extra[0]!r} is not in `languages` ({', '.join(declared)})",
                severity=Severity.WARNING,
            )


def _walk_texts(node: Any, path: Path) -> Iterator[tuple[Path, Text]]:
    """Every Text inside a model, with its key path (aliases, as in the file)."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, Answer):
        return  # a golden example's comments are an assessor's words, not the criteria's
    elif isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            yield from _walk_texts(getattr(node, name), (*path, field.alias or name))
    elif isinstance(node, tuple | list):
        for index, item in enumerate(node):
            yield from _walk_texts(item, (*path, index))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _walk_texts(item, (*path, key))
