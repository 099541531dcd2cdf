"""The assessment page's form: its fields made from the criteria, and read back.

Every field has a name that says where its value goes (``answer:G01:value``,
``org:members``, ``area:0:verified``).  :func:`fields` makes the page's fields from an
assessment's data and its criteria; :func:`apply_form` writes a submitted form back
into that data (plain, or a ruamel document) through :mod:`.edits`, so that scoring
what the page shows and saving it are the same change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..models.criteria import Criteria, Indicator
from ..report.i18n import choose_language
from ..report.phrases import Phrases
from .edits import AnswerState, Containers, answer_state, set_answer, set_value, text_in
from .inputs import Input, input_for, shown_value

__all__ = [
    "AnswerField",
    "FormData",
    "Section",
    "apply_form",
    "fields",
]

FormData = Mapping[str, Sequence[str]]
"""A submitted form: each name with its values (a multiple choice sends several)."""

_ORGANISATION = ("name", "country", "portfolio", "founded", "members", "website")
_INFO = ("date", "type", "report_id", "method")
_ASSESSOR = ("name", "role", "organisation")
_AREA = ("indicator", "title", "description", "verified", "evidence")
_PREVIOUS = ("file", "date", "level", "criteria", "report_id")
_DECISION = ("status", "level", "by", "date", "reference", "note")


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
class Fields:
    """Everything the form shows, made from one assessment's data."""

    organisation: dict[str, str]
    info: dict[str, str]
    assessors: tuple[dict[str, str], ...]
    sections: tuple[Section, ...]
    related: tuple[tuple[Criteria, tuple[Section, ...]], ...]
    areas: tuple[dict[str, str], ...]
    previous: dict[str, str]
    decision: dict[str, str]
    level_ids: tuple[tuple[str, str], ...]
    """(id, title) of the criteria's levels, for the decision."""
    strengths: str
    recommendations: str
    indicator_ids: tuple[str, ...] = field(default=())


def _text(value: Any, language: str | None = None) -> str:
    value = text_in(value, language)  # a text per language: the page's, else its first
    if value is None or isinstance(value, Mapping):
        return ""
    shown = shown_value(value)
    return shown[0] if shown else ""


def _lines(value: Any, language: str | None = None) -> str:
    if isinstance(value, list | tuple):
        return "\n".join(_text(v, language) for v in value)
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
        value=tuple(shown_value(state.value)),
        not_applicable=state.not_applicable,
        reason=_text(state.reason, language),
        evidence=_lines(state.evidence, language),
        comment=_text(state.comment, language),
    )


def _sections(
    criteria: Criteria, answers: Mapping[str, Any], prefix: str, language: str
) -> tuple[Section, ...]:
    say = Phrases(
        choose_language(criteria, language if language in criteria.languages else None), criteria
    )
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


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _records(
    data: Mapping[str, Any], key: str, names: Iterable[str], language: str
) -> list[dict[str, str]]:
    value = data.get(key)
    rows = value if isinstance(value, list | tuple) else []
    keys = tuple(names)
    found = [
        {name: _lines(row.get(name), language) for name in keys}
        for row in rows
        if isinstance(row, Mapping)
    ]
    return [*found, dict.fromkeys(keys, "")]  # and one empty row to add another


def fields(
    data: Mapping[str, Any],
    criteria: Criteria,
    related: Mapping[str, Criteria],
    language: str,
) -> Fields:
    """The form's fields for an assessment's plain data."""
    organisation = _mapping(data, "organisation")
    info = _mapping(data, "assessment")
    answers = _mapping(data, "answers")
    stated = _mapping(data, "related")
    return Fields(
        organisation={k: _text(organisation.get(k), language) for k in _ORGANISATION},
        info={k: _text(info.get(k), language) for k in _INFO},
        assessors=tuple(_records(info, "assessors", _ASSESSOR, language)),
        sections=_sections(criteria, answers, "answer", language),
        related=tuple(
            (
                other,
                _sections(
                    other,
                    _mapping(_mapping(stated, other.id), "answers"),
                    f"related:{other.id}",
                    language,
                ),
            )
            for other in related.values()
        ),
        areas=tuple(_records(data, "improvement_areas", _AREA, language)),
        previous={k: _text(_mapping(data, "previous").get(k)) for k in _PREVIOUS},
        decision={k: _text(_mapping(data, "decision").get(k), language) for k in _DECISION},
        level_ids=tuple((lv.id, lv.title.in_language(language)) for lv in criteria.levels),
        strengths=_lines(data.get("strengths"), language),
        recommendations=_lines(data.get("recommendations"), language),
        indicator_ids=tuple(i.id for i in criteria.indicators),
    )


# ----------------------------------------------------------------- reading back
def _one(form: FormData, name: str) -> str | None:
    values = form.get(name)
    if not values:
        return None
    text = values[-1].replace("\r\n", "\n").strip()
    return text or None


def _split_lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _read_answer(form: FormData, prefix: str, indicator: Indicator, language: str) -> AnswerState:
    control = input_for(indicator.answer, language)
    na = _one(form, f"{prefix}:na") is not None
    return AnswerState(
        value=control.read(form.get(f"{prefix}:value", ())),
        not_applicable=na,
        reason=_one(form, f"{prefix}:reason"),
        evidence=tuple(_split_lines(_one(form, f"{prefix}:evidence"))),
        comment=_one(form, f"{prefix}:comment"),
    )


def _apply_answers(
    data: MutableMapping[str, Any],
    path: Sequence[str],
    criteria: Criteria,
    form: FormData,
    prefix: str,
    language: str,
    make: Containers,
) -> None:
    node: MutableMapping[str, Any] = data
    states = {
        i.id: _read_answer(form, f"{prefix}:{i.id}", i, language)
        for i in criteria.indicators
        if f"{prefix}:{i.id}:shown" in form  # a hidden field: unticked boxes send nothing
    }
    if not states:
        return
    for part in path:
        child = node.get(part)
        if not isinstance(child, MutableMapping):
            if all(s.bare and s.value is None for s in states.values()):
                return
            child = node[part] = make.mapping()
        node = child
    for indicator, state in states.items():
        set_answer(node, indicator, state, make)


def _row(form: FormData, prefix: str, index: int, names: Sequence[str]) -> dict[str, Any]:
    """One row of a list of records as the form gives it (None for an empty field)."""
    row: dict[str, Any] = {}
    for name in names:
        text = _one(form, f"{prefix}:{index}:{name}")
        if name == "verified":
            row[name] = True if text is not None else None
        elif name == "evidence":
            row[name] = _split_lines(text) or None
        else:
            row[name] = text
    return row


def _apply_records(
    data: MutableMapping[str, Any],
    path: Sequence[str],
    form: FormData,
    prefix: str,
    names: Sequence[str],
    make: Containers,
) -> None:
    """Update a list of records row by row: changed keys only, rows added or removed."""
    rows = []
    index = 0
    while any(f"{prefix}:{index}:{name}" in form for name in names):
        row = _row(form, prefix, index, names)
        if any(value is not None for key, value in row.items() if key != "verified"):
            rows.append(row)
        index += 1
    if index == 0:
        return  # the form has no such rows: leave the file's list alone
    node: MutableMapping[str, Any] = data
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, MutableMapping):
            if not rows:
                return
            child = node[part] = make.mapping()
        node = child
    existing = node.get(path[-1])
    if not isinstance(existing, list) or not all(isinstance(r, MutableMapping) for r in existing):
        set_value(
            node, [path[-1]], [{k: v for k, v in r.items() if v is not None} for r in rows], make
        )
        return
    del existing[len(rows) :]
    for number, row in enumerate(rows):
        if number == len(existing):
            existing.append(make.mapping())
        record = existing[number]
        for key, value in row.items():
            if key == "verified" and value is None and key in record:
                value = False  # an unticked box keeps an explicit `verified: false`
            set_value(record, [key], value, make)
    if not existing:
        del node[path[-1]]


def _details() -> list[tuple[str, tuple[str, str], str]]:
    """(form name, path in the file, kind) of the single-value detail fields."""
    rows = [(f"org:{k}", ("organisation", k), "text") for k in _ORGANISATION]
    rows += [(f"info:{k}", ("assessment", k), "text") for k in _INFO]
    rows += [(f"previous:{k}", ("previous", k), "text") for k in _PREVIOUS]
    rows += [(f"decision:{k}", ("decision", k), "text") for k in _DECISION]
    kinds = {"founded": "number", "members": "number", "date": "date"}
    return [(name, path, kinds.get(path[1], kind)) for name, path, kind in rows]


_DETAILS = _details()


def _detail(text: str | None, kind: str) -> Any:
    """A detail field's text as YAML would read it: whole numbers and dates typed."""
    if text is None:
        return None
    if kind == "number" and text.isdigit() and len(text) < 10:
        return int(text)
    if kind == "date":
        return Input("date").read([text])
    return text


def apply_form(
    data: MutableMapping[str, Any],
    form: FormData,
    criteria: Criteria,
    related: Mapping[str, Criteria],
    language: str,
    make: Containers,
) -> None:
    """Write the submitted ``form`` into ``data`` (changing only what it changes).

    Texts written per language change only in ``language``, the page's.
    """
    make = replace(make, language=language)
    for name, path, kind in _DETAILS:
        if name in form:
            set_value(data, path, _detail(_one(form, name), kind), make)
    for optional in ("previous", "decision"):  # emptied: gone, not left as `{}`
        found = data.get(optional)
        if isinstance(found, MutableMapping) and not found:
            del data[optional]
    _apply_records(data, ["assessment", "assessors"], form, "assessor", _ASSESSOR, make)
    _apply_answers(data, ["answers"], criteria, form, "answer", language, make)
    for other in related.values():
        where = ["related", other.id, "answers"]
        _apply_answers(data, where, other, form, f"related:{other.id}", language, make)
    _apply_records(data, ["improvement_areas"], form, "area", _AREA, make)
    for key in ("strengths", "recommendations"):
        if key in form:
            set_value(data, [key], _split_lines(_one(form, key)), make)
