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
The data is built by ``loader.builder``; positions live in ``loader.document``.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from ..errors import InputError, Issue
from .builder import MAX_DEPTH, MAX_NODES, Builder
from .document import TAG, Document, Mark, file_issue
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

_SEPARATORS = ",:-[{?"
"""Every YAML value after the first starts at one of these (or is an alias)."""


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
            return TAG + "str"
        return TAG + ("seq" if kind is SequenceNode else "map")


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
    _CoreResolver.add_implicit_resolver(TAG + _tag, re.compile(_regexp), list(_first))

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


def read_document(path: str | os.PathLike[str], *, display: str | None = None) -> Document:
    """Read and parse one YAML (or JSON) file; raise :class:`InputError` with located Issues."""
    name = display if display is not None else os.fspath(path)
    return parse_text(read_bytes(path, display=name), name)


def parse_text(raw: bytes | str, file: str) -> Document:
    """Parse YAML bytes or text; raise :class:`InputError` with located Issues."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise InputError(
                [file_issue(file, None, "CB112", f"file is over the limit of {MAX_BYTES:,} bytes")]
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            byte = raw[exc.start]
            raise InputError(
                [
                    file_issue(
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
                [
                    file_issue(
                        file, None, "CB112", f"the text is over the limit of {MAX_BYTES:,} bytes"
                    )
                ]
            )
    if not text.strip():
        raise InputError([file_issue(file, Mark(1, 1), "CB111", "the file is empty")])
    _check_size(text, file)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_issue(file, text, exc)]) from None
    except yaml.YAMLError as exc:  # errors without a position
        raise InputError([file_issue(file, Mark(1, 1), "CB101", f"YAML error: {exc}")]) from None
    except RecursionError:
        raise InputError(
            [file_issue(file, Mark(1, 1), "CB101", f"nesting is deeper than {MAX_DEPTH} levels")]
        ) from None
    if node is None:
        raise InputError([file_issue(file, Mark(1, 1), "CB111", "the file holds only comments")])
    doc = Builder(file).build(node, has_anchors="&" in text)
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
                    raise InputError([file_issue(file, Mark(1, 1), "CB112", message)])
    except yaml.YAMLError:
        return  # composing reports the syntax error with its position
    finally:
        parser.dispose()


def _syntax_issue(file: str, text: str, exc: yaml.MarkedYAMLError) -> Issue:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return file_issue(file, Mark(1, 1), "CB101", f"YAML syntax error: {exc.problem}")
    where = Mark(mark.line + 1, mark.column + 1)
    lines = text.splitlines()
    row = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in row[: mark.column + 1] and not row[: mark.column].strip(" \t-"):
        tab = Mark(where.line, row.index("\t") + 1)
        return file_issue(file, tab, "CB114", "tab character in indentation; indent with spaces")
    problem = (exc.problem or "invalid YAML").rstrip(".")
    context = f" ({exc.context})" if exc.context else ""
    hint = ""
    if "could not find expected ':'" in problem:
        hint = "; a key needs a colon, and text containing ': ' needs quotes"
    elif "mapping values are not allowed" in problem:
        hint = "; quote text that contains ': ', or fix the indentation"
    return file_issue(file, where, "CB101", f"YAML syntax error: {problem}{context}{hint}")
