"""The scoring core: pure functions from criteria and answers to an explained Result."""

from __future__ import annotations

from .engine import criteria_hash, score

__all__ = ["criteria_hash", "score"]
