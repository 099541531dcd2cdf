"""Batches: every assessment of a folder scored and rendered, in worker processes."""

from __future__ import annotations

from .planning import MANIFEST, BatchOptions, Item, plan
from .runner import check_options, run_batch

__all__ = ["MANIFEST", "BatchOptions", "Item", "check_options", "plan", "run_batch"]
