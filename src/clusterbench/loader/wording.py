"""Checks of what the assessor wrote: texts missing a language, lists split at a comma.

Both are warnings: the file scores and renders either way, but a report in a language
some text lacks shows that text as written (marked as another language), and a list
split at a comma shows one document as two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Issue, PathPart, Severity
from ..models.assessment import Assessment
from ..models.common import Text
from .source import Document

__all__ = ["assessment_texts", "split_lists", "texts_of", "untranslated"]

Path = tuple[PathPart, ...]

# Month names start a date that a comma cut off the item before it: "..., April 2021".
_MONTHS = frozenset(
    " ".join(
        (
            "january february march april may june july august september october november december",
            "januar februar mars april mai juni juli august september oktober november desember",
            "januar februar märz april mai juni juli august september oktober november dezember",
        )
    ).split()
)
_WORD = re.compile(r"[^\W\d_]+")


def assessment_texts(assessment: Assessment, doc: Document) -> Iterator[tuple[Path, Text, bool]]:
    """Every Text of an assessment: its key path as written in the file, and whether the
    text is a mapping key there.

    Facts written as a mapping (`facts: {Offices: [...]}`) are `{label, value}` records
    in the model: their paths are turned back into the file's, where a label is a key.
    """
    facts = doc.data.get("organisation", {}).get("facts") if isinstance(doc.data, dict) else None
    labels = list(facts) if isinstance(facts, dict) else None
    for path, text in texts_of(assessment):
        if labels is not None and path[:2] == ("organisation", "facts") and len(path) > 3:
            # (.., i, "label") is the key, (.., i, "value") its value, (.., i, "value", j) an item.
            key = labels[int(path[2])]
            yield ("organisation", "facts", key, *path[4:]), text, path[3] == "label"
        else:
            yield path, text, False


def texts_of(node: Any, path: Path = ()) -> Iterator[tuple[Path, Text]]:
    """Every Text inside a model, with its key path (field aliases, as in a file)."""
    found: list[tuple[Path, Text]] = []
    _collect(node, path, found)
    return iter(found)


_CONTAINERS = (BaseModel, tuple, list, dict)


def _collect(node: Any, path: Path, found: list[tuple[Path, Text]]) -> None:
    # A plain loop that looks at a value before descending into it: a register walks
    # thousands of files whose answers are mostly numbers, never a Text.
    if isinstance(node, Text):
        found.append((path, node))
        return
    items: Iterable[tuple[PathPart, Any]]
    if isinstance(node, BaseModel):
        items = [(key, getattr(node, name)) for name, key in _text_fields(type(node))]
    elif isinstance(node, tuple | list):
        items = enumerate(node)
    elif isinstance(node, dict):
        items = node.items()
    else:
        return
    for key, item in items:
        if isinstance(item, Text):
            found.append(((*path, key), item))
        elif isinstance(item, _CONTAINERS):
            _collect(item, (*path, key), found)


@cache
def _text_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(name, key in the file) of the fields of ``model`` whose values can hold a Text.

    Read once per model from the annotations, so that walking an assessment visits its
    texts and not its numbers, dates and ids (a register walks thousands of files).
    """
    return tuple(
        (name, field.alias or name)
        for name, field in model.model_fields.items()
        if _holds_text(field.annotation, frozenset())
    )


def _holds_text(annotation: Any, seen: frozenset[Any]) -> bool:
    if annotation is Text:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        inner = seen | {annotation}
        return any(_holds_text(f.annotation, inner) for f in annotation.model_fields.values())
    return any(_holds_text(arg, seen) for arg in get_args(annotation))


def untranslated(
    assessment: Assessment, doc: Document, languages: Sequence[str]
) -> Iterator[Issue]:
    """CB311 for each text that lacks one of ``languages``.

    A text written as one string is in the file's `language`; a text per language has
    the languages it names.
    """
    if not languages:
        return
    own = assessment.language
    for path, text, is_key in assessment_texts(assessment, doc):
        if text.is_plain:
            missing = [lang for lang in languages if lang != own]
            if not missing:
                continue
            wanted = ", ".join(missing)
            if is_key:
                message = (
                    f"the label {text.in_language(own)!r} is written in {own} only; for a report "
                    f"in {wanted}, write the facts as a list of "
                    f"{{label: {{{own}: ..., {missing[0]}: ...}}, value: ...}}"
                )
            else:
                message = (
                    f"this text is written in {own} only; for a report in {wanted}, "
                    f"write it as {{{own}: ..., {missing[0]}: ...}}"
                )
            yield doc.issue(path, "CB311", message, severity=Severity.WARNING, at_key=is_key)
            continue
        missing = [lang for lang in languages if text.get(lang) is None]
        if missing:
            yield doc.issue(
                path,
                "CB311",
                f"missing the {', '.join(missing)} text (it has {', '.join(text.languages)})",
                severity=Severity.WARNING,
            )


def split_lists(assessment: Assessment, doc: Document) -> Iterator[Issue]:
    """CB312 for an item of a bracketed list of texts that looks cut from the item before.

    `[Member register, 1 November 2021]` is two items; the author most likely meant one.
    An item that starts in lower case or with a digit, or that is a date written with a
    month name, continues its predecessor.  Quoted items are taken as meant.
    """
    seen: set[Path] = set()
    for path, _text, _key in assessment_texts(assessment, doc):
        if not path or not isinstance(path[-1], int) or path[:-1] in seen:
            continue
        seen.add(path[:-1])
        node = _node(doc.root, path[:-1])
        if not isinstance(node, SequenceNode) or not node.flow_style:
            continue
        for index in range(1, len(node.value)):
            item = node.value[index]
            if isinstance(item, ScalarNode) and not item.style and _continues(item.value):
                before = node.value[index - 1]
                shown = before.value if isinstance(before, ScalarNode) else "..."
                yield doc.issue(
                    (*path[:-1], index),
                    "CB312",
                    f"{item.value!r} looks like the rest of {shown!r}: a comma in a bracketed "
                    "list ends an item; write the list one item per line (- ...), or quote "
                    "the item",
                    severity=Severity.WARNING,
                )


def _continues(text: str) -> bool:
    stripped = text.strip()
    if not stripped:
        return False
    if stripped[0].isdigit() or stripped[0].islower():
        return True
    words = [w.lower() for w in _WORD.findall(stripped)]
    return bool(words) and all(w in _MONTHS for w in words)


def _node(root: Node | None, path: Path) -> Node | None:
    node = root
    for part in path:
        if isinstance(node, MappingNode) and isinstance(part, str):
            node = next(
                (v for k, v in node.value if isinstance(k, ScalarNode) and k.value == part), None
            )
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return None
    return node
