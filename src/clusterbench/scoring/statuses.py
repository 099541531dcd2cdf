"""Where a label can stand on a day: the statuses, in a module the command line can
import without the scoring core (for `register --status` choices)."""

from __future__ import annotations

from typing import Literal

__all__ = ["STATUSES", "Status"]

Status = Literal[
    "pending",
    "not_yet_valid",
    "valid",
    "renewal_window",
    "expired",
    "superseded",
    "rejected",
    "withdrawn",
    "no_label",
]
STATUSES: tuple[Status, ...] = (
    "valid",
    "renewal_window",
    "pending",
    "not_yet_valid",
    "expired",
    "superseded",
    "rejected",
    "withdrawn",
    "no_label",
)
"""Every status, in the order a register lists them."""
