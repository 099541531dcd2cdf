"""``--assume ID=VALUE``: answers given on the command line, for `score` and `report`."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..loader.source import parse_text
from .status import UsageError

__all__ = ["parse_assumptions"]


def parse_assumptions(pairs: list[str]) -> dict[str, Any]:
    """``["G05=true", "M1=17"]`` → ``{"G05": True, "M1": 17}``, values read as YAML scalars.

    The values are checked against the criteria by the loader, as answers in a file are.
    """
    found: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--assume {pair!r}: write ID=VALUE, such as G05=true or M1=17")
        try:
            value = parse_text(f"v: {raw}\n", "--assume").data["v"]
        except InputError:
            value = raw
        found[key.strip()] = value
    return found
