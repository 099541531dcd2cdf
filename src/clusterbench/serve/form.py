"""The assessment page's form: its fields made from the criteria and the file's data.

Every field an assessor fills in is there: the organisation and the assessment (the
detail fields of :mod:`.names`), the assessors, every indicator of the criteria and of
the sets it requires (eligibility; or, where the file records such a set's outcome as a
level or by its own assessment file, that record), improvement areas, the follow-up of
earlier recommendations, the previous assessment, the labelling body's decision, the
overall appreciation, strengths and recommendations.  :mod:`.readback` writes a
submitted form back into the data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..models.criteria import Criteria, Indicator
from ..report.i18n import choose_language, translations
from ..report.phrases import Phrases
from .edits import answer_state, text_in
from .inputs import Input, input_for, shown_value
from .names import DETAILS, RECORDS, TEXTS
from .paths import N_

__all__ = ["AnswerField", "Fields", "FormData", "RelatedView", "Section", "fields"]

FormData = Mapping[str, Sequence[str]]
"""A submitted form: each name with its values (a multiple choice sends several)."""

_TYPES = (
    ("first", N_("first assessment")),
    ("renewal", N_("renewal")),
    ("review", N_("review within the period")),
)
_DECISIONS = (
    ("", N_("none recorded")),
    ("recommended", N_("recommended, waiting for the decision")),
    ("approved", N_("approved")),
    ("rejected", N_("rejected")),
    ("withdrawn", N_("withdrawn")),
)
FOLLOW_UP = (
    ("done", N_("done")),
    ("in_progress", N_("in progress")),
    ("not_started", N_("not started")),
)
"""The states of a follow-up of a recommendation, as the page names them."""


@dataclass(frozen=True, slots=True)
class AnswerField:
    """One indicator on the page: the question, what helps answer it, and the answer."""

    prefix: str
    indicator: Indicator
    input: Input
    title: str
    question: str | None
    guidance: str | None
    evidence_asked: tuple[str, ...]
    steps: tuple[str, ...]
    meets: str | None
    applies: str | None
    points: str | None
    value: tuple[str, ...]
    not_applicable: bool
    reason: str
    evidence: str
    comment: str

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.indicator.id

    def name(self, part: str) -> str:
        """The form name of one part of this answer (``value``, ``na``, ``comment``...)."""
        return f"{self.prefix}:{part}"

    @property
    def answered(self) -> bool:
        """True when the answer has a value or is marked not applicable."""
        return bool(self.value) or self.not_applicable


@dataclass(frozen=True, slots=True)
class Section:
    """A category of indicators, as one part of the form."""

    id: str
    title: str
    answers: tuple[AnswerField, ...]


@dataclass(frozen=True, slots=True)
class RelatedView:
    """Another criteria set the assessment needs (eligibility), as the file records it:
    answered here, as the level it gave, or by its own assessment file."""

    criteria: Criteria
    title: str
    mode: str
    level: str
    awarded: str
    valid_until: str
    assessment: str
    levels: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]


@dataclass(frozen=True, slots=True)
class Fields:
    """Everything the form shows, made from one assessment's data."""

    details: dict[str, str]
    """Each detail field's text, by key (see :data:`.names.DETAILS`)."""
    choices: dict[str, tuple[tuple[str, str], ...]]
    """(value, label) options of the detail fields that are a choice."""
    records: dict[str, tuple[dict[str, str], ...]]
    """Rows of each list of records, and an empty one to add a record."""
    texts: dict[str, str]
    """The free texts (appreciation, strengths and recommendations one per line)."""
    sections: tuple[Section, ...]
    related: tuple[RelatedView, ...]
    indicators: tuple[tuple[str, str], ...]
    """(id, title) of every indicator, for the improvement areas and the index."""


def _text(value: Any, language: str | None = None) -> str:
    value = text_in(value, language)  # a text per language: the page's, else its first
    if value is None or isinstance(value, Mapping):
        return ""
    shown = shown_value(value, language)
    return shown[0] if shown else ""


def _lines(value: Any, language: str | None = None, separator: str = "\n") -> str:
    if isinstance(value, list | tuple):
        return separator.join(_text(v, language) for v in value)
    return _text(value, language)


def _answer_field(prefix: str, indicator: Indicator, raw: Any, say: Phrases) -> AnswerField:
    state = answer_state(raw)
    _, fmt, language = say.gettext, say.fmt, say.language
    rule = indicator.pass_ or (indicator.bands.green if indicator.bands else None)
    steps = tuple(
        _("%(points)s points when %(rule)s")
        % {"points": fmt.number(step.points), "rule": say.rule(indicator, step)}
        for step in indicator.partial
    )
    condition = indicator.applies_if
    applies = None
    if condition is not None:
        other = say.criteria.indicator(condition.indicator)
        wanted = say.rule(other, condition) if other is not None else condition.description
        applies = _("%(indicator)s is %(rule)s") % {
            "indicator": condition.indicator,
            "rule": wanted,
        }
    return AnswerField(
        prefix=prefix,
        indicator=indicator,
        input=input_for(indicator.answer, language),
        title=say.line(indicator.title),
        question=None if indicator.question is None else say.line(indicator.question),
        guidance=None if indicator.guidance is None else say.line(indicator.guidance),
        evidence_asked=tuple(say.line(e) for e in indicator.evidence),
        steps=steps,
        meets=None if rule is None else say.met_when(indicator),
        applies=applies,
        points=fmt.number(indicator.points) if indicator.points else None,
        value=tuple(shown_value(state.value, language)),
        not_applicable=state.not_applicable,
        reason=_text(state.reason, language),
        evidence=_lines(state.evidence, language),
        comment=_text(state.comment, language),
    )


def _say(criteria: Criteria, language: str) -> Phrases:
    return Phrases(
        choose_language(criteria, language if language in criteria.languages else None), criteria
    )


def _sections(
    criteria: Criteria, answers: Mapping[str, Any], prefix: str, language: str
) -> tuple[Section, ...]:
    say = _say(criteria, language)
    sections = []
    for category in criteria.categories:
        members = tuple(
            _answer_field(f"{prefix}:{i.id}", i, answers.get(i.id), say)
            for i in criteria.indicators
            if i.category == category.id
        )
        if members:
            sections.append(Section(category.id, say.line(category.title), members))
    return tuple(sections)


def _mapping(data: Mapping[str, Any], *path: str) -> Mapping[str, Any]:
    for key in path:
        value = data.get(key)
        data = value if isinstance(value, Mapping) else {}
    return data


def _records(value: Any, keys: Sequence[str], language: str) -> tuple[dict[str, str], ...]:
    rows = value if isinstance(value, list | tuple) else []
    found = [
        {name: _lines(row.get(name), language) for name in keys}
        for row in rows
        if isinstance(row, Mapping)
    ]
    return (*found, dict.fromkeys(keys, ""))  # and one empty row to add another


def _related(other: Criteria, stated: Mapping[str, Any], language: str) -> RelatedView:
    mode = (
        "level"
        if stated.get("level") is not None
        else "assessment"
        if stated.get("assessment") is not None
        else "answers"
    )
    return RelatedView(
        criteria=other,
        title=other.title.in_language(language),
        mode=mode,
        level=_text(stated.get("level")),
        awarded=_text(stated.get("awarded")),
        valid_until=_text(stated.get("valid_until")),
        assessment=_text(stated.get("assessment")),
        levels=tuple((lv.id, lv.title.in_language(language)) for lv in other.levels),
        sections=_sections(other, _mapping(stated, "answers"), f"related:{other.id}", language),
    )


def fields(
    data: Mapping[str, Any],
    criteria: Criteria,
    related: Mapping[str, Criteria],
    language: str,
    files: Sequence[str] = (),
) -> Fields:
    """The form's fields for an assessment's plain data; ``files`` are the other
    assessment files of the folder (relative to this one), to choose a previous one."""
    _ = translations(language).gettext
    details = {}
    for detail in DETAILS:
        value = _mapping(data, detail.path[0]).get(detail.path[1])
        separator = ", " if detail.kind == "years" else "\n"
        details[detail.key] = _lines(value, language, separator)
    named = [details["previous:file"]]
    named += [
        _text(_mapping(data, "related", other.id).get("assessment")) for other in related.values()
    ]
    files = (*files, *(name for name in dict.fromkeys(named) if name and name not in files))
    say = _say(criteria, language)
    return Fields(
        details=details,
        choices={
            "info:type": tuple((value, _(label)) for value, label in _TYPES),
            "previous:file": (("", ""), *((name, name) for name in files)),
            "decision:status": tuple((value, _(label)) for value, label in _DECISIONS),
            "decision:level": (
                ("", _("the level reached")),
                *((lv.id, lv.title.in_language(language)) for lv in criteria.levels),
            ),
            "follow:status": tuple((value, _(label)) for value, label in FOLLOW_UP),
        },
        records={
            prefix: _records(
                _mapping(data, *record.path[:-1]).get(record.path[-1]),
                [key for key, _ in record.columns],
                language,
            )
            for prefix, record in RECORDS.items()
        },
        texts={key: _lines(data.get(key), language) for key in TEXTS},
        sections=_sections(criteria, _mapping(data, "answers"), "answer", language),
        related=tuple(
            _related(other, _mapping(data, "related", other.id), language)
            for other in related.values()
        ),
        indicators=tuple((i.id, say.line(i.title)) for i in criteria.indicators),
    )
