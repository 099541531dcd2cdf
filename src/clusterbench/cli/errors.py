"""Printing the library's errors for people: located Issues, one per line."""

from __future__ import annotations

import sys

from ..errors import ClusterbenchError, InputError


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
