"""Building plain data from a composed YAML node graph, refusing abuse on the way.

Keys keep their order and duplicates are errors naming both lines; scalars follow the
YAML 1.2 core schema (see ``loader.source``); numbers and dates outside the value
domain are recorded as Issues and their text stands in; aliases that expand past
MAX_NODES values or MAX_TEXT bytes, recursion and nesting deeper than MAX_DEPTH are
refused before anything is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import InputError, Issue, PathPart, clip, format_path, quote
from ..models.domain import TOO_MANY_DIGITS, date_problem, number_problem
from .document import MERGE_TAG, TAG, Document, file_issue, node_mark
from .reader import MAX_BYTES

__all__ = ["MAX_DEPTH", "MAX_NODES", "MAX_TEXT", "Builder"]

MAX_NODES = 150_000
"""Most values a document may hold, aliases followed: a criteria file as dense as the
shipped ones holds about 140,000 at the size limit (esca-gold holds 3,700)."""
MAX_TEXT = MAX_BYTES
"""Most bytes of text a document may expand to once aliases are followed: a file's own limit."""
MAX_DEPTH = 64
"""Deepest nesting accepted; criteria files nest about eight levels."""

Path = tuple[PathPart, ...]


class _BuildError(Exception):
    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues


class Builder:
    """Turns a node graph into plain data, recording positions and refusing abuse."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.doc = Document(file, None)
        self.issues: list[Issue] = []
        self._scalars = SafeConstructor()

    def build(self, root: Node, *, has_anchors: bool = True) -> Document:
        if has_anchors:  # without an anchor there is no alias, so nothing can expand
            self._check_expansion(root)
        self.doc.root = root
        try:
            self.doc.data = self._node(root, (), 0)
        except _BuildError as exc:
            raise InputError(exc.issues) from None
        self.doc.issues = self.issues  # problems that leave the rest of the file checkable
        return self.doc

    # -- safety -------------------------------------------------------------
    def _check_expansion(self, root: Node) -> None:
        """Refuse recursive aliases, and documents that expand past MAX_NODES values or
        MAX_TEXT bytes of text (few nodes can repeat one long text a million times).

        Sizes are memoised per node, so a billion-laughs document costs a few
        hundred steps to refuse, not a billion.
        """
        sizes: dict[int, tuple[int, int]] = {}
        active: set[int] = set()

        def size(node: Node, depth: int) -> tuple[int, int]:
            key = id(node)
            if key in sizes:
                return sizes[key]
            if key in active:
                raise _BuildError([self._at(node, "CB108", "an alias refers to itself")])
            if depth > MAX_DEPTH:
                raise _BuildError(
                    [self._at(node, "CB101", f"nesting is deeper than {MAX_DEPTH} levels")]
                )
            active.add(key)
            nodes = 1
            text = len(node.value) if isinstance(node, ScalarNode) else 0
            for child in _children(node):
                child_nodes, child_text = size(child, depth + 1)
                nodes += child_nodes
                text += child_text
                if nodes > MAX_NODES:
                    message = f"aliases expand the document past {MAX_NODES:,} values"
                    raise _BuildError([self._at(node, "CB108", message)])
                if text > MAX_TEXT:
                    message = f"aliases expand the document past {MAX_TEXT:,} bytes of text"
                    raise _BuildError([self._at(node, "CB108", message)])
            active.discard(key)
            sizes[key] = (nodes, text)
            return nodes, text

        try:
            size(root, 0)
        except _BuildError as exc:
            raise InputError(exc.issues) from None

    def _at(self, node: Node, code: str, message: str) -> Issue:
        return file_issue(self.file, node_mark(node), code, message)

    # -- construction -------------------------------------------------------
    def _node(self, node: Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _BuildError(
                [self._at(node, "CB101", f"nesting is deeper than {MAX_DEPTH} levels")]
            )
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != TAG + "seq":
                self._unsupported(node, path)
            return [self._node(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != TAG + "map":
                self._unsupported(node, path)
            return self._mapping(node, path, depth)
        raise AssertionError(f"unexpected node {node!r}")  # pragma: no cover

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        merged: list[tuple[str, Node, Node]] = []
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == MERGE_TAG:
                merged.extend(self._merge_entries(value_node))
                continue
            if not isinstance(key_node, ScalarNode):
                self.issues.append(self._at(key_node, "CB105", "a key must be a plain name"))
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.issues.append(
                    self._at(
                        key_node,
                        "CB107",
                        f"duplicate key {quote(key)}: first on line {first_line[key]}, again on line "
                        f"{line}; YAML would keep only the last",
                    )
                )
                continue
            first_line[key] = line
            result[key] = self._node(value_node, (*path, key), depth + 1)
        for key, _key_node, value_node in merged:
            if key not in result:  # explicit keys win over merged ones
                result[key] = self._node(value_node, (*path, key), depth + 1)
        return result

    def _merge_entries(self, value: Node) -> Iterator[tuple[str, Node, Node]]:
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            if not isinstance(source, MappingNode):
                self.issues.append(self._at(source, "CB105", "'<<' merges only mappings"))
                continue
            for key_node, value_node in source.value:
                if isinstance(key_node, ScalarNode):
                    yield key_node.value, key_node, value_node

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        tag = node.tag
        value: str = node.value
        try:
            if tag == TAG + "str":
                return value
            if tag == TAG + "null":
                return None
            if tag == TAG + "bool":
                return value.lower() == "true"
            if tag == TAG + "int":
                body = value.lstrip("+-")
                base = 16 if body[:2] in ("0x", "0X") else 8 if body[:2] in ("0o", "0O") else 10
                digits = body[2:] if base != 10 else body
                if len(digits) > 64:  # far outside the domain: refused without converting
                    return self._outside(node, path, TOO_MANY_DIGITS)
                number = int(digits, base)
                number = -number if value.startswith("-") else number
                problem = number_problem(number)
                return number if problem is None else self._outside(node, path, problem)
            if tag == TAG + "float":
                special = {".inf": "Infinity", ".nan": "NaN"}
                text = value.lower()
                sign = "-" if text.startswith("-") else ""
                text = text.lstrip("+-")
                decimal = Decimal(sign + special.get(text, text))
                problem = number_problem(decimal)
                if problem is not None:
                    return self._outside(node, path, problem)
                return decimal if decimal else Decimal(0)  # `0e99999` is plain zero
            if tag == TAG + "timestamp":
                stamp = self._scalars.construct_yaml_timestamp(node)
                problem = date_problem(stamp)
                return stamp if problem is None else self._outside(node, path, problem, "CB116")
        except (ValueError, ArithmeticError):
            kind = "date" if tag == TAG + "timestamp" else tag[len(TAG) :]
            hint = "; write a date as YYYY-MM-DD" if kind == "date" else ""
            issue = self._at(node, "CB105", f"{quote(value)} is not a valid {kind}{hint}")
            self.issues.append(replace(issue, path=format_path(path)))
            self.doc.replaced.add(format_path(path))
            return value
        self._unsupported(node, path)
        return value

    def _unsupported(self, node: Node, path: Path) -> None:
        issue = self._at(node, "CB101", f"unsupported tag {quote(node.tag)}; remove it")
        self.issues.append(replace(issue, path=format_path(path)))
        self.doc.replaced.add(format_path(path))

    def _outside(self, node: ScalarNode, path: Path, problem: str, code: str = "CB115") -> str:
        """Record a value outside the domain (located at it); the text stands in for it."""
        hint = "; quote it if it is a text" if code == "CB115" else ""
        message = f"{clip(node.value)} {problem}{hint}"
        self.issues.append(replace(self._at(node, code, message), path=format_path(path)))
        self.doc.replaced.add(format_path(path))
        text: str = node.value
        return text


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []
