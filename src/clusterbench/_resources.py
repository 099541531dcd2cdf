"""Where the bundled criteria and templates are.

In a wheel they are package data under ``clusterbench/_bundled`` (the build copies
the repository's top-level ``criteria/`` and ``templates/`` there).  In a source
checkout, where the package is imported from ``src/``, they are read from the
repository itself, so that editing a criteria file needs no reinstall.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .errors import NotFoundError

__all__ = ["bundled_dir"]


@cache  # where the package is does not change while it runs; a register asks thousands of times
def bundled_dir(name: str) -> Path:
    """The directory of bundled ``criteria`` or ``templates``."""
    packaged = resources.files("clusterbench") / "_bundled" / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise NotFoundError(f"bundled {name} not found (looked in {packaged} and {checkout})")
