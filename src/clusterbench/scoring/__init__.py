"""The scoring core: pure functions from criteria and answers to an explained Result.

The package's names are imported on first use, so that a module of it (the statuses a
command line offers) can be imported alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import criteria_hash, score

__all__ = ["criteria_hash", "score"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
