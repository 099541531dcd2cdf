"""Problem records and the exception tree.

Every problem clusterbench finds in a user's file is an :class:`Issue`: where it is
(file, line, column, key path), what it is (a stable code and a message that says
what to do) and how bad it is (error or warning).  Loaders collect every Issue of a
file and raise one exception carrying all of them.

Exception tree (one root, so ``except ClusterbenchError`` catches everything the
library raises on purpose)::

    ClusterbenchError
    ├── InputError                 a user's file is wrong; carries .issues
    │   ├── CriteriaError          a criteria file
    │   ├── AssessmentError        an assessment file
    │   └── CohortError            a cohort file
    ├── NotFoundError              a criteria id or file that does not exist
    ├── OutputError                an output cannot be written where it was asked for
    └── ReportError                a report cannot be rendered
"""

from __future__ import annotations

import datetime as dt
import enum
import reprlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = [
    "AssessmentError",
    "ClusterbenchError",
    "CohortError",
    "CriteriaError",
    "InputError",
    "Issue",
    "NotFoundError",
    "OutputError",
    "ReportError",
    "Severity",
    "capped",
    "clip",
    "format_path",
    "quote",
]

QUOTE_LIMIT = 80
"""Most characters of a value a message quotes."""
MAX_ISSUES = 200
"""Most Issues reported for one file; the rest are counted in one more (CB117)."""


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value as messages show it, as a YAML file writes it: `true`, `12.5`, `'text'`,
    `[a, b]`, `2021-11-06` (never as Python writes it, `Decimal('12.5')`), cut to
    ``limit`` characters.

    Every message that shows a value from a file goes through here, so that no message
    can grow with its input (a million-digit number, a megabyte of text).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return clip(repr(value[:limit]), limit) if len(value) > limit else clip(repr(value), limit)
    if isinstance(value, Decimal):
        return clip(_decimal(value), limit)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        more = ", …" if len(value) > 8 else ""
        return clip("[" + ", ".join(quote(v, limit) for v in value[:8]) + more + "]", limit)
    try:
        return clip(_REPR.repr(value), limit)
    except ValueError:  # an int too long for Python to write out
        return "a number too long to show"


def _decimal(value: Decimal) -> str:
    """A Decimal as a file writes it; in E notation when its digits would be too many."""
    if not value.is_finite():
        return str(value)
    if abs(value.adjusted()) > QUOTE_LIMIT:  # `1e999999999` stays short, and never expands
        return str(value)
    return format(value.normalize(), "f")


class _Repr(reprlib.Repr):
    """reprlib's bounded repr, writing numbers and dates inside lists as a file does."""

    def repr_Decimal(self, value: Decimal, level: int) -> str:  # noqa: N802 - reprlib's name
        return clip(_decimal(value), self.maxother)

    def repr_date(self, value: dt.date, level: int) -> str:
        return value.isoformat()


_REPR = _Repr()  # costs what it shows, not the size of the value
_REPR.maxstring = QUOTE_LIMIT + 2
_REPR.maxother = _REPR.maxlong = QUOTE_LIMIT + 2
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 8
_REPR.maxlevel = 3


class Severity(enum.StrEnum):
    """How bad an Issue is.  Warnings become errors under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """Render a key path the way a YAML author reads it: ``indicators[3].points``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = clip(str(part))  # a key from a file: a path must not grow with it
            out += f".{text}" if out else text
    return out


@dataclass(frozen=True, slots=True)
class Issue:
    """One located problem in one file.

    ``line`` and ``column`` are 1-based; they are ``None`` only when the problem has
    no place in the file (the file cannot be read at all).
    """

    file: str
    line: int | None
    column: int | None
    path: str
    code: str
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity is Severity.ERROR

    def as_error(self) -> Issue:
        """The same Issue promoted to an error (what ``--strict`` does to warnings)."""
        return Issue(
            self.file, self.line, self.column, self.path, self.code, Severity.ERROR, self.message
        )

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order of appearance in the file, then code."""
        return (self.file, self.line or 0, self.column or 0, self.code, self.path)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        severity = "warning: " if self.severity is Severity.WARNING else ""
        path = f"{self.path}: " if self.path else ""
        return f"{where}: {severity}{path}{self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping with stable keys."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


def capped(issues: Iterable[Issue]) -> tuple[Issue, ...]:
    """Each Issue once, errors first, at most MAX_ISSUES per file, the rest counted.

    A file with a million problems (a list of a million wrong items) gets the first
    ones and a last Issue saying how many more there are: output, JSON reports and
    batch manifests stay small, whatever the input.
    """
    unique = list(dict.fromkeys(issues))  # one problem reached by several paths is said once
    # The first found are kept (errors before warnings), not the first by position: past
    # the limit the loaders locate Issues only roughly (see Document.issue).
    ordered = [i for i in unique if i.is_error] + [i for i in unique if not i.is_error]
    by_file: dict[str, list[Issue]] = {}
    for issue in ordered:
        by_file.setdefault(issue.file, []).append(issue)
    kept: list[Issue] = []
    for file, found in by_file.items():
        kept += found[:MAX_ISSUES]
        rest = found[MAX_ISSUES:]
        if rest:
            severity = Severity.ERROR if any(i.is_error for i in rest) else Severity.WARNING
            message = (
                f"{len(rest):,} more problems in this file are not shown; fix those shown "
                "and check it again"
            )
            kept.append(Issue(file, 1, 1, "", "CB117", severity, message))
    return tuple(sorted(kept, key=lambda i: (not i.is_error, *i.sort_key())))


class ClusterbenchError(Exception):
    """Root of every exception clusterbench raises on purpose."""


class InputError(ClusterbenchError):
    """A user's file has problems; ``issues`` holds every one of them, errors first."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = capped(issues)
        errors = [i for i in self.issues if i.is_error]
        first = str(errors[0] if errors else self.issues[0]) if self.issues else "invalid input"
        more = len(errors) - 1
        suffix = f" (and {more} more error{'s' if more != 1 else ''})" if more > 0 else ""
        super().__init__(first + suffix)

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Only the Issues of severity error."""
        return tuple(i for i in self.issues if i.is_error)


class CriteriaError(InputError):
    """A criteria file cannot be used."""


class AssessmentError(InputError):
    """An assessment file cannot be used."""


class CohortError(InputError):
    """A cohort file cannot be used."""


class NotFoundError(ClusterbenchError, LookupError):
    """A criteria id, or a file, that does not exist."""


class OutputError(ClusterbenchError):
    """An output cannot be written where it was asked for (an input of the run, a folder,
    a device, a read-only folder); nothing was written."""


class ReportError(ClusterbenchError):
    """A report cannot be rendered (a missing language, a broken template)."""
