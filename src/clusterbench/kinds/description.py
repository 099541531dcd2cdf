"""A requirement as the criteria state it: the facts `criteria show` and `new` phrase."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .scope import Scope

__all__ = ["Description"]


@dataclass(frozen=True, slots=True)
class Description:
    """A requirement as the criteria state it, in facts a phrase can be made from.

    ``needed`` is in the kind's own unit (a share, points, a count); ``categories`` lists
    the categories of a floors requirement (None: every category with a floor).
    """

    kind: str
    needed: Decimal | int | None = None
    scope: Scope = field(default_factory=Scope)
    categories: tuple[str, ...] | None = None
    level: str | None = None
    criteria: str | None = None
    months_at_least: int | None = None
    months_at_most: int | None = None
    of: str | None = None
    valid: bool = False
