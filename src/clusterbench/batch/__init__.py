"""Batches: every assessment of a folder scored and rendered, in worker processes."""

from __future__ import annotations

from .manifest import MANIFEST
from .options import BatchOptions, check_name
from .planning import Item
from .runner import check_options, run_batch

__all__ = ["MANIFEST", "BatchOptions", "Item", "check_name", "check_options", "run_batch"]
