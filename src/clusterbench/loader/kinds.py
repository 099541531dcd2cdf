"""What a file is: its `kind` and `format` header, checked before anything else.

A file that does not say it is a clusterbench file (and does not look like one) gets one
Issue and no more, and that Issue quotes nothing from it: `previous.file: /etc/passwd`
must not print the password file's first line into a terminal or a batch manifest.
"""

from __future__ import annotations

from typing import Any, Literal

from ..errors import Issue
from .source import Document

__all__ = ["FileKind", "check_header", "detect_kind", "unknown_kind"]

FileKind = Literal["criteria", "assessment", "cohort", "unknown"]
_ARTICLE = {"criteria": "a criteria", "assessment": "an assessment", "cohort": "a cohort"}


def detect_kind(doc: Document) -> FileKind:
    """Criteria, assessment or cohort, from the ``kind`` header (or, failing that, the content)."""
    data = doc.data
    if not isinstance(data, dict):
        return "unknown"
    kind = data.get("kind")
    if kind in ("criteria", "assessment", "cohort"):
        return kind  # type: ignore[no-any-return]
    if kind is None:
        return _looks_like(data)
    return "unknown"


def _looks_like(data: dict[str, Any]) -> FileKind:
    if "indicators" in data and "levels" in data:
        return "criteria"
    if "answers" in data:
        return "assessment"
    return "unknown"


def _what(data: Any) -> str:
    if isinstance(data, list):
        return "a list"
    if isinstance(data, str):
        return "a text"
    if isinstance(data, bool):
        return "true/false"
    if data is None:
        return "nothing"
    return "a single value"


_START = "start it with `kind: criteria`, `kind: assessment` or `kind: cohort`"


def unknown_kind(doc: Document) -> Issue:
    """The Issue for a file that is not (and does not look like) a clusterbench file."""
    if not isinstance(doc.data, dict):
        return doc.issue(
            (), "CB110", f"the file holds {_what(doc.data)}, not a mapping of keys; {_START}"
        )
    return doc.issue(("kind",), "CB110", f"cannot tell what this file is: {_START}")


def check_header(doc: Document, kind: FileKind, supported: int) -> Issue | None:
    """An Issue when the file is not a ``kind`` file of a format this version reads.

    Checked before the schema: a file of a newer format would otherwise drown the one
    useful message in errors about keys this version does not know, and a file that is
    not a clusterbench file at all would have its content quoted back.
    """
    found = detect_kind(doc)
    if found == "unknown":
        return unknown_kind(doc)
    if found != kind:
        return doc.issue(
            ("kind",),
            "CB110",
            f"this is {_ARTICLE[found]} file, not {_ARTICLE.get(kind, 'a ' + kind)} file",
        )
    data = doc.data
    if "format" in data and data["format"] != supported:
        declared = data["format"]
        shown = (
            declared if isinstance(declared, int) and not isinstance(declared, bool) else "another"
        )
        return doc.issue(
            ("format",),
            "CB110",
            f"format {shown} is not supported; this clusterbench reads format {supported}",
        )
    return None
