"""Criteria that change over time: the period a version is in force, and what it supersedes.

A labelling body revises its indicator set now and then.  Each version is its own
criteria file with the same `id` and its own `version`; an assessment is scored on the
version it names.  A newer version says which version it replaces and how that
version's indicators carry over::

    in_force: {from: 2019-11-15}
    supersedes:
      version: pre-2019
      indicators:          # old id → new id, or null when the indicator was dropped
        B24: null
        B17: B20           # renamed
      new: [B37, B38, B39] # asked for the first time
      folded: {B24: B19}   # B24 dropped, its question now part of B19
      recheck: [B07]       # carried over, but the question changed: re-ask

An indicator whose id is in both versions and not in the map is the same indicator.
Everything else is named, never silently compared: ``validate`` requires every old
indicator to be kept, mapped or dropped, and every new one to be kept, mapped or listed
in `new`.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Self

from pydantic import Field, model_validator

from .common import Date, Id, Model, Text

__all__ = ["InForce", "IndicatorMap", "Supersedes"]


class InForce(Model):
    """The days assessments are made with this version: from, until, or both."""

    from_: Date | None = Field(
        default=None, alias="from", description="The first day this version is used."
    )
    until: Date | None = Field(default=None, description="The last day this version is used.")
    note: Text | None = None

    @model_validator(mode="after")
    def _some_day(self) -> Self:
        if self.from_ is None and self.until is None:
            raise ValueError("give `from`, `until` or both")
        if self.from_ is not None and self.until is not None and self.from_ > self.until:
            raise ValueError("`from` must not be after `until`")
        return self

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls in this period."""
        return (self.from_ is None or self.from_ <= day) and (
            self.until is None or day <= self.until
        )


class Supersedes(Model):
    """The version this one replaces, and how its indicators carry over."""

    version: str = Field(min_length=1, description="The version replaced (same criteria id).")
    indicators: dict[Id, Id | None] = Field(
        default_factory=dict,
        description="Old indicator id → its new id, or null when it was dropped. An id in "
        "both versions that is not listed here is the same indicator.",
    )
    new: tuple[Id, ...] = Field(
        default=(), description="Indicators of this version the old one did not ask about."
    )
    folded: dict[Id, Id] = Field(
        default_factory=dict,
        description="Old indicator dropped (mapped to null) → the indicator of this version "
        "that now asks what it asked; that indicator's carried answer is to be re-checked.",
    )
    recheck: tuple[Id, ...] = Field(
        default=(),
        description="Indicators of this version carried over whose question changed: an "
        "earlier answer is kept but must be checked again (migrate lists it).",
    )
    note: Text | None = Field(default=None, description="What changed, in a sentence or two.")

    def rechecked(self) -> tuple[str, ...]:
        """The indicators whose carried answer is to be checked again: those listed in
        `recheck`, and those an old indicator was folded into."""
        return tuple(dict.fromkeys((*self.recheck, *self.folded.values())))

    def target(self, old_id: str) -> str | None:
        """The new id of an old indicator: mapped, else the same id."""
        return self.indicators.get(old_id, old_id)


@dataclass(frozen=True, slots=True)
class IndicatorMap:
    """Which earlier indicator each indicator of the later version answers to."""

    since: str
    """The earlier version."""
    pairs: Mapping[str, str] = field(default_factory=dict)
    """Earlier id → the id of its counterpart now."""
    dropped: tuple[str, ...] = ()
    """Earlier indicators without a counterpart now."""
    added: tuple[str, ...] = ()
    """Indicators now without an earlier counterpart."""
    declared: bool = True
    """False when no supersession links the two versions (then nothing pairs)."""
    folded: Mapping[str, str] = field(default_factory=dict)
    """Earlier id dropped → the id now that asks what it asked."""
    recheck: tuple[str, ...] = ()
    """Ids now whose earlier answer carries over but whose question changed."""

    @property
    def renamed(self) -> dict[str, str]:
        """Id now → earlier id, for the counterparts whose id changed."""
        return {new: old for old, new in self.pairs.items() if new != old}
