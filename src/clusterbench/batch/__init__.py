"""Batches: every assessment of a folder scored and rendered, in worker processes."""

from __future__ import annotations

from .runner import MANIFEST, BatchOptions, Item, plan, run_batch

__all__ = ["MANIFEST", "BatchOptions", "Item", "plan", "run_batch"]
