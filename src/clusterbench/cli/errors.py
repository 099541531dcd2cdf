"""Printing the library's errors for people: located Issues, one per line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ..errors import ClusterbenchError, InputError

if TYPE_CHECKING:
    from ..models.cohort import Cohort
    from ..models.result import Result


def print_error(command: str, exc: ClusterbenchError) -> None:
    """Write an error to stderr: every Issue of an input error, else the message."""
    if isinstance(exc, InputError):
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        errors = len(exc.errors)
        print(
            f"clusterbench {command}: {errors} error{'s' if errors != 1 else ''}", file=sys.stderr
        )
    else:
        print(f"clusterbench {command}: {exc}", file=sys.stderr)


def print_peer_note(command: str, cohort: Cohort | None, result: Result) -> None:
    """Say why a Result scored with a cohort has no peer comparison (silent otherwise)."""
    if cohort is None or result.peers is not None:
        return
    from ..scoring.peers import why_no_peers  # only when a cohort was asked for

    why = why_no_peers(result, cohort)
    if why is not None:
        print(f"clusterbench {command}: note: no peer comparison: {why}", file=sys.stderr)
