"""A document read from YAML: its plain data, its node tree, and where each value stands.

Positions are looked up in the node tree (kept from composing) only when an Issue
needs one.  ``loader.source`` reads a file into a Document; ``loader.builder`` builds
its data; the loaders locate their Issues through it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import MAX_ISSUES, Issue, PathPart, Severity, format_path

__all__ = ["MERGE_TAG", "TAG", "Document", "Mark", "file_issue", "node_mark"]

TAG = "tag:yaml.org,2002:"
"""The prefix of YAML's standard tags."""
MERGE_TAG = TAG + "merge"


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    column: int


Path = tuple[PathPart, ...]


@dataclass(slots=True)
class Document:
    """Plain data read from one YAML file, and the node tree it came from.

    Positions are looked up in the node tree only when an Issue needs one: most
    values never do, so none are recorded up front.  ``issues`` are the problems found
    while reading that leave the rest checkable (a duplicate key, a number outside the
    domain, an unsupported tag): the loaders report them with their own, and drop a
    schema error at a path the reader has already explained.
    """

    file: str
    data: Any
    root: Node | None = None
    text: str = ""
    """The text the document was parsed from (attached to a report as read)."""
    issues: list[Issue] = field(default_factory=list)
    replaced: set[str] = field(default_factory=set)
    """Paths whose value the reader refused and replaced by its text (see ``issues``)."""
    limited: bool = False
    """Whether its texts and lists were held to their bounds (``loader.limits``)."""
    _index: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict)
    _issued: int = 0

    def _find(self, path: Sequence[PathPart]) -> tuple[Node | None, Node | None]:
        """The (value node, key node) at ``path``, or (None, None)."""
        node, key = self.root, None
        for part in path:
            if isinstance(node, MappingNode) and isinstance(part, str):
                entry = self._entry(node, part)
                if entry is None:
                    return None, None
                key, node = entry
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                node, key = node.value[part], None
            else:
                return None, None
        return node, key

    def position(self, path: Sequence[PathPart]) -> Mark | None:
        """Where the value at ``path`` starts, or None if there is no such value."""
        node, _ = self._find(path)
        return node_mark(node) if node is not None else None

    def key_position(self, path: Sequence[PathPart]) -> Mark | None:
        """Where the key of the mapping entry at ``path`` starts, or None."""
        _, key = self._find(path)
        return node_mark(key) if key is not None else None

    def resolve(self, loc: Sequence[Any]) -> tuple[Path, Path]:
        """Split a validator's error location into (path shown, path located).

        Validators add parts that are not in the file (the tag of a tagged union,
        ``[key]`` for a bad mapping key).  Parts that do not exist in the data are left
        out of both, except the last one: a missing key is named in the shown path
        and located at the mapping that lacks it.
        """
        shown: list[PathPart] = []
        node: Any = self.data
        located: Path = ()
        for index, raw in enumerate(loc):
            part: PathPart = raw if isinstance(raw, int) else str(raw)
            last = index == len(loc) - 1
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            elif part == "[key]":
                break
            elif last and isinstance(node, dict):
                shown.append(part)  # a missing key: shown, located at its mapping
                break
            else:
                continue  # a validator's own part (a union tag): not in the file
            shown.append(part)
            located = (*located, part)
        return tuple(shown), located

    def mark(self, path: Sequence[PathPart], *, key: bool = False) -> Mark:
        """Where ``path`` starts; the nearest ancestor that exists if it does not."""
        current = tuple(path)
        while current:
            value, key_node = self._find(current)
            if key and key_node is not None:
                return node_mark(key_node)
            if value is not None:
                return node_mark(value)
            current = current[:-1]
        return node_mark(self.root) if self.root is not None else Mark(1, 1)

    def issue(
        self,
        path: Sequence[PathPart],
        code: str,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        at_key: bool = False,
    ) -> Issue:
        """An Issue located at ``path`` in this document.

        Past MAX_ISSUES of them (more than are shown) an Issue is located at its top-level
        key only: a file of a million wrong items costs no million position lookups.
        """
        self._issued += 1
        if self._issued > MAX_ISSUES:
            mark = self.mark(tuple(path)[:1], key=at_key and len(path) == 1)
        else:
            mark = self.mark(path, key=at_key)
        return Issue(self.file, mark.line, mark.column, format_path(path), code, severity, message)

    def _entry(self, mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
        """:func:`_entry`, through an index for large mappings (many Issues in one)."""
        if len(mapping.value) < 32:
            return _entry(mapping, key)
        index = self._index.get(id(mapping))
        if index is None:
            index = {}
            for key_node, value_node in mapping.value:
                if isinstance(key_node, ScalarNode) and key_node.tag != MERGE_TAG:
                    index.setdefault(key_node.value, (key_node, value_node))
            self._index[id(mapping)] = index
        found = index.get(key)
        if found is not None or len(index) == len(mapping.value):
            return found  # no `<<` merge to look into
        return _entry(mapping, key)


def node_mark(node: Node) -> Mark:
    """Where ``node`` starts, 1-based."""
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _entry(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    """The first (key, value) nodes for ``key``, explicit keys before `<<` merged ones."""
    merges = []
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode):
            if key_node.tag == MERGE_TAG:
                merges.append(value_node)
            elif key_node.value == key:
                return key_node, value_node
    for merged in merges:
        for source in merged.value if isinstance(merged, SequenceNode) else [merged]:
            if isinstance(source, MappingNode):
                found = _entry(source, key)
                if found is not None:
                    return found
    return None


def file_issue(file: str, mark: Mark | None, code: str, message: str) -> Issue:
    """An Issue of ``file`` at ``mark`` (or of the whole file), for no path in it."""
    return Issue(
        file,
        mark.line if mark else None,
        mark.column if mark else None,
        "",
        code,
        Severity.ERROR,
        message,
    )
