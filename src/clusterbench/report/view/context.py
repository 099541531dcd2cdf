"""What every section of the view is built from: the scored assessment and one language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...models.assessment import Assessment
from ...models.common import Text
from ...models.criteria import Criteria
from ...models.result import Result
from ...pipeline.scoring import Scored
from ..options import DEFAULT_ACCENT, Audience
from ..phrases import Phrases, Said

__all__ = ["Context", "IndicatorLine", "ReportOptions"]


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How a report is written: language, audience, branding, templates, PDF variant."""

    language: str | None = None
    audience: Audience = "full"
    accent: str = DEFAULT_ACCENT
    logo: Path | None = None
    templates: Path | None = None
    pdf_variant: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    """An indicator named in a list: `G05 Written strategy (8 points) ●`.

    ``points`` says what the list is about (the points losing it would cost, the points
    meeting it would add); ``detail`` the answer against the rule where that matters.
    """

    id: str
    title: str
    points: str | None
    minimum: bool
    detail: str | None = None


@dataclass(slots=True)
class Context:
    """The scored assessment, the words of the report's language, and what was said.

    ``foreign`` collects the languages of the assessor's texts shown in a language other
    than the report's, so that the report can say which they are.
    """

    scored: Scored
    options: ReportOptions
    say: Phrases
    foreign: dict[str, str] = field(default_factory=dict)

    @property
    def criteria(self) -> Criteria:
        return self.scored.criteria

    @property
    def result(self) -> Result:
        return self.scored.result

    @property
    def assessment(self) -> Assessment:
        return self.scored.assessment

    @property
    def related(self) -> Mapping[str, Criteria]:
        return self.scored.related

    def own(self, text: Text | None) -> Said | None:
        """An assessor's text in the report's language, or marked with its own."""
        said = self.say.own(text)
        if said is not None and said.lang is not None:
            self.foreign[said.lang] = said.language_name or said.lang
        return said

    def own_all(self, texts: tuple[Text, ...]) -> tuple[Said, ...]:
        """Several of the assessor's texts."""
        return tuple(s for t in texts if (s := self.own(t)) is not None)

    def line(self, indicator_id: str) -> IndicatorLine:
        """An indicator for a list, by id and title."""
        indicator = self.criteria.indicator(indicator_id)
        assert indicator is not None
        return IndicatorLine(
            indicator_id, self.say.line(indicator.title), None, indicator.minimum_requirement
        )

    def loss(self, indicator_id: str) -> IndicatorLine:
        """An indicator whose loss is weighed: with the points it earned (the Result's)."""
        found = self.line(indicator_id)
        outcome = self.result.indicator(indicator_id)
        if outcome is None or not outcome.points:
            return found
        return replace(found, points=self.say.points_count(outcome.points))

    def gain(self, indicator_id: str) -> IndicatorLine:
        """An indicator not met: with the points meeting it would add, and its answer
        against its rule (`0 years; at least 3`), so that a reader sees what it takes."""
        found = self.line(indicator_id)
        outcome = self.result.indicator(indicator_id)
        indicator = self.criteria.indicator(indicator_id)
        if outcome is None or indicator is None:
            return found
        more = outcome.max_points - outcome.points
        said = self.say
        answer = (
            said.value(indicator, outcome.value)
            if outcome.status not in ("not_answered", "not_applicable")
            else said.status(outcome.status)
        )
        detail = said.gettext("answer: %(answer)s · met when: %(rule)s") % {
            "answer": answer,
            "rule": said.met_when(indicator),
        }
        return replace(
            found,
            points=said.points_count(more, more=True) if more > 0 else None,
            detail=detail,
        )
