"""Editing a YAML file as text, so that its comments and layout stay as written.

Edits are spans of the text (from the parsed nodes' marks) and their replacements;
they are applied together, from the end, and never overlap.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode

from ..errors import ClusterbenchError

__all__ = [
    "Edit",
    "apply_edits",
    "comment_out",
    "end_line",
    "find_entry",
    "lines_edit",
    "replace_node",
    "span",
]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with ``text``."""

    start: int
    end: int
    text: str


def find_entry(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def end_line(node: Node) -> int:
    """The line after a node's last line (0-based)."""
    mark = node.end_mark
    return mark.line + (1 if mark.column > 0 else 0)


def span(lines: list[str], mapping: MappingNode, entry: tuple[Node, Node]) -> tuple[int, int]:
    """The lines [first, last) of one entry of a block mapping, without the comments and
    blank lines that follow it (they belong to what comes next)."""
    key, value = entry
    index = [k for k, _ in mapping.value].index(key)
    following = mapping.value[index + 1][0] if index + 1 < len(mapping.value) else None
    first = key.start_mark.line
    last = following.start_mark.line if following is not None else end_line(value)
    last = max(last, first + 1)
    while last - 1 > first and lines[last - 1].strip()[:1] in ("", "#"):
        last -= 1
    return first, last


def _offset(lines: list[str], line: int) -> int:
    return sum(len(text) for text in lines[:line])


def lines_edit(lines: list[str], first: int, last: int, text: str) -> Edit:
    return Edit(_offset(lines, first), _offset(lines, last), text)


def comment_out(lines: list[str], first: int, last: int, note: str = "") -> Edit:
    """Lines [first, last) as comments at their own indentation, after ``note``."""
    block = lines[first:last]
    width = min(len(line) - len(line.lstrip(" ")) for line in block if line.strip())
    indent = " " * width
    body = "".join(f"{indent}# {line[width:]}" if line.strip() else line for line in block)
    if body and not body.endswith("\n"):
        body += "\n"
    return lines_edit(lines, first, last, (indent + note if note else "") + body)


def replace_node(node: Node, text: str) -> Edit:
    return Edit(node.start_mark.index, node.end_mark.index, text)


def apply_edits(text: str, lines: list[str], edits: list[Edit]) -> str:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            raise ClusterbenchError(
                "the assessment's layout cannot be edited safely (two changes overlap); "
                "write its answers one per line and try again"
            )
    out = text
    for edit in reversed(ordered):
        out = out[: edit.start] + edit.text + out[edit.end :]
    return out
