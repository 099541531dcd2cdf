"""Reading YAML safely, keeping the source position of every key and value.

PyYAML's constructors lose positions, keep the last of two duplicate keys and read
``no`` as false.  This module composes the node graph (libyaml's C parser when
present) and builds plain Python data from it itself, so that

* every key and value has a 1-based (line, column), looked up by key path;
* duplicate keys are errors naming both lines;
* scalars follow the YAML 1.2 core schema: only ``true``/``false`` are booleans,
  ``yes``/``no``/``on``/``off`` stay text (``no`` is also Norwegian's language code);
  decimal fractions become :class:`~decimal.Decimal`, exact as written, so that
  ``0.8`` is four fifths and not a binary approximation; ISO dates become dates;
* numbers and dates outside the value domain (``models.domain``) are refused here,
  located, before any model sees them: `1e999999999` never reaches pydantic;
* documents of more than MAX_NODES values, anchor/alias bombs (in values or in bytes of
  text) and recursive aliases are refused before anything is built;
* unreadable, empty, oversized, non-UTF-8 and tab-indented files get clear Issues (files
  are read by ``loader.reader``, the one reader).

JSON is YAML too: cohort files are read here as well, with the same limits and positions.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from ..errors import MAX_ISSUES, InputError, Issue, PathPart, Severity, clip, format_path, quote
from ..models.domain import TOO_MANY_DIGITS, date_problem, number_problem
from .reader import MAX_BYTES, read_bytes

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "USING_LIBYAML",
    "Document",
    "Mark",
    "parse_text",
    "read_document",
]

MAX_NODES = 150_000
"""Most values a document may hold, aliases followed: a criteria file as dense as the
shipped ones holds about 140,000 at the size limit (esca-gold holds 3,700)."""
MAX_TEXT = MAX_BYTES
"""Most bytes of text a document may expand to once aliases are followed: a file's own limit."""
MAX_DEPTH = 64
"""Deepest nesting accepted; criteria files nest about eight levels."""
_SEPARATORS = ",:-[{?"
"""Every YAML value after the first starts at one of these (or is an alias)."""

_TAG = "tag:yaml.org,2002:"


class _CoreResolver(BaseResolver):
    """Implicit typing of plain scalars per the YAML 1.2 core schema (plus ISO dates).

    libyaml calls `resolve` back in Python for every node, so it is kept short: a
    lookup by first character, and no path resolvers (clusterbench uses none).
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag  # type: ignore[no-any-return]
            return _TAG + "str"
        return _TAG + ("seq" if kind is SequenceNode else "map")


_CoreResolver.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (
        "timestamp",
        r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
        r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
        "0123456789",
    ),
    ("merge", r"^<<$", "<"),
):
    _CoreResolver.add_implicit_resolver(_TAG + _tag, re.compile(_regexp), list(_first))

try:  # libyaml's parser and composer, about 10x faster than the pure-Python ones
    from yaml import _yaml as _libyaml
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _libyaml = None  # type: ignore[assignment]
_CParser: Any = getattr(_libyaml, "CParser", None)

USING_LIBYAML = _CParser is not None
"""Whether libyaml's C parser is in use."""

if _CParser is not None:

    class _Loader(_CParser, _CoreResolver):  # type: ignore[misc]
        """libyaml's parser and composer with the core-schema resolver."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _CoreResolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _CoreResolver,
    ):
        """The pure-Python parser and composer with the core-schema resolver."""

        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _CoreResolver.__init__(self)


def _compose(text: str) -> Node | None:
    """Compose the single document of ``text`` into a node graph."""
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


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
        return _mark(node) if node is not None else None

    def key_position(self, path: Sequence[PathPart]) -> Mark | None:
        """Where the key of the mapping entry at ``path`` starts, or None."""
        _, key = self._find(path)
        return _mark(key) if key is not None else None

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
                return _mark(key_node)
            if value is not None:
                return _mark(value)
            current = current[:-1]
        return _mark(self.root) if self.root is not None else Mark(1, 1)

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
                if isinstance(key_node, ScalarNode) and key_node.tag != _TAG + "merge":
                    index.setdefault(key_node.value, (key_node, value_node))
            self._index[id(mapping)] = index
        found = index.get(key)
        if found is not None or len(index) == len(mapping.value):
            return found  # no `<<` merge to look into
        return _entry(mapping, key)


def _mark(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _entry(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    """The first (key, value) nodes for ``key``, explicit keys before `<<` merged ones."""
    merges = []
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode):
            if key_node.tag == _TAG + "merge":
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


def read_document(path: str | os.PathLike[str], *, display: str | None = None) -> Document:
    """Read and parse one YAML (or JSON) file; raise :class:`InputError` with located Issues."""
    name = display if display is not None else os.fspath(path)
    return parse_text(read_bytes(path, display=name), name)


def parse_text(raw: bytes | str, file: str) -> Document:
    """Parse YAML bytes or text; raise :class:`InputError` with located Issues."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise InputError(
                [_issue(file, None, "CB112", f"file is over the limit of {MAX_BYTES:,} bytes")]
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            byte = raw[exc.start]
            raise InputError(
                [
                    _issue(
                        file,
                        Mark(line, column),
                        "CB113",
                        f"the file is not UTF-8 (byte 0x{byte:02X}); save it as UTF-8",
                    )
                ]
            ) from None
    else:
        text = raw
        if len(text) > MAX_BYTES:
            raise InputError(
                [_issue(file, None, "CB112", f"the text is over the limit of {MAX_BYTES:,} bytes")]
            )
    if not text.strip():
        raise InputError([_issue(file, Mark(1, 1), "CB111", "the file is empty")])
    _check_size(text, file)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_issue(file, text, exc)]) from None
    except yaml.YAMLError as exc:  # errors without a position
        raise InputError([_issue(file, Mark(1, 1), "CB101", f"YAML error: {exc}")]) from None
    except RecursionError:
        raise InputError(
            [_issue(file, Mark(1, 1), "CB101", f"nesting is deeper than {MAX_DEPTH} levels")]
        ) from None
    if node is None:
        raise InputError([_issue(file, Mark(1, 1), "CB111", "the file holds only comments")])
    doc = _Builder(file).build(node, has_anchors="&" in text)
    doc.text = text
    return doc


def _check_size(text: str, file: str) -> None:
    """Refuse a document of more than MAX_NODES values before composing it.

    Composing costs about 0.3 KB and 3 µs a value, so the count must come first.  Every
    value after the first begins at a separator and makes at most three nodes, so
    counting separators (in C, fast) clears nearly every file; only a dense one has its
    parser events counted, which stops at the limit.
    """
    if 3 * sum(text.count(c) for c in _SEPARATORS) + 1 <= MAX_NODES:
        return
    parser = _Loader(text)
    try:
        events = 0
        while not parser.check_event(yaml.StreamEndEvent):
            event = parser.get_event()
            if isinstance(event, yaml.NodeEvent) and not isinstance(event, yaml.AliasEvent):
                events += 1
                if events > MAX_NODES:
                    message = f"the file holds more than {MAX_NODES:,} values; split it"
                    raise InputError([_issue(file, Mark(1, 1), "CB112", message)])
    except yaml.YAMLError:
        return  # composing reports the syntax error with its position
    finally:
        parser.dispose()


def _issue(file: str, mark: Mark | None, code: str, message: str) -> Issue:
    return Issue(
        file,
        mark.line if mark else None,
        mark.column if mark else None,
        "",
        code,
        Severity.ERROR,
        message,
    )


def _syntax_issue(file: str, text: str, exc: yaml.MarkedYAMLError) -> Issue:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return _issue(file, Mark(1, 1), "CB101", f"YAML syntax error: {exc.problem}")
    where = Mark(mark.line + 1, mark.column + 1)
    lines = text.splitlines()
    row = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in row[: mark.column + 1] and not row[: mark.column].strip(" \t-"):
        tab = Mark(where.line, row.index("\t") + 1)
        return _issue(file, tab, "CB114", "tab character in indentation; indent with spaces")
    problem = (exc.problem or "invalid YAML").rstrip(".")
    context = f" ({exc.context})" if exc.context else ""
    hint = ""
    if "could not find expected ':'" in problem:
        hint = "; a key needs a colon, and text containing ': ' needs quotes"
    elif "mapping values are not allowed" in problem:
        hint = "; quote text that contains ': ', or fix the indentation"
    return _issue(file, where, "CB101", f"YAML syntax error: {problem}{context}{hint}")


class _BuildError(Exception):
    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues


class _Builder:
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
        mark = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        return _issue(self.file, mark, code, message)

    # -- construction -------------------------------------------------------
    def _node(self, node: Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _BuildError(
                [self._at(node, "CB101", f"nesting is deeper than {MAX_DEPTH} levels")]
            )
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                self._unsupported(node, path)
            return [self._node(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _TAG + "map":
                self._unsupported(node, path)
            return self._mapping(node, path, depth)
        raise AssertionError(f"unexpected node {node!r}")  # pragma: no cover

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        merged: list[tuple[str, Node, Node]] = []
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == _TAG + "merge":
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
            if tag == _TAG + "str":
                return value
            if tag == _TAG + "null":
                return None
            if tag == _TAG + "bool":
                return value.lower() == "true"
            if tag == _TAG + "int":
                body = value.lstrip("+-")
                base = 16 if body[:2] in ("0x", "0X") else 8 if body[:2] in ("0o", "0O") else 10
                digits = body[2:] if base != 10 else body
                if len(digits) > 64:  # far outside the domain: refused without converting
                    return self._outside(node, path, TOO_MANY_DIGITS)
                number = int(digits, base)
                number = -number if value.startswith("-") else number
                problem = number_problem(number)
                return number if problem is None else self._outside(node, path, problem)
            if tag == _TAG + "float":
                special = {".inf": "Infinity", ".nan": "NaN"}
                text = value.lower()
                sign = "-" if text.startswith("-") else ""
                text = text.lstrip("+-")
                decimal = Decimal(sign + special.get(text, text))
                problem = number_problem(decimal)
                if problem is not None:
                    return self._outside(node, path, problem)
                return decimal if decimal else Decimal(0)  # `0e99999` is plain zero
            if tag == _TAG + "timestamp":
                stamp = self._scalars.construct_yaml_timestamp(node)
                problem = date_problem(stamp)
                return stamp if problem is None else self._outside(node, path, problem, "CB116")
        except (ValueError, ArithmeticError):
            kind = "date" if tag == _TAG + "timestamp" else tag[len(_TAG) :]
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
