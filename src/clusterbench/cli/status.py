"""What a command's end means: exit codes, and the usage error commands raise."""

from __future__ import annotations

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_LEVEL",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "issues_url",
]

EXIT_OK = 0
EXIT_INVALID = 1
"""An input file has errors (each printed, located)."""
EXIT_USAGE = 2
"""The command line itself is wrong: an unknown option, a bad value, a missing path."""
EXIT_INTERNAL = 3
"""Something clusterbench did not foresee: a bug to report."""
EXIT_LEVEL = 4
"""``score --require-level``: the level was not reached."""
EXIT_INTERRUPTED = 130
"""Ctrl-C or SIGTERM: stopped, nothing half-written left behind."""


def issues_url() -> str:
    """Where to report a bug: the project's ``Issues`` URL from the installed metadata."""
    from importlib import metadata  # only for a bug report: it costs every command 13 ms

    try:
        urls: list[str] = metadata.metadata("clusterbench").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # pragma: no cover - a source tree never installed
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "issues":
            return url.strip()
    return "the project's issue tracker"


class UsageError(Exception):
    """A command-line mistake found after parsing (a language the criteria lack, a path
    that does not exist): printed with the command's usage, exit 2."""
