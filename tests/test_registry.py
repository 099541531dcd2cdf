"""One object per requirement kind and per answer type; everything else asks the registry."""

from __future__ import annotations

import re
import typing

import pytest

from clusterbench.kinds import english
from clusterbench.kinds.answers.base import FORMS, AnswerKind
from clusterbench.kinds.registry import ANSWER_KINDS, REQUIREMENT_KINDS
from clusterbench.kinds.text import window
from clusterbench.models.answer_types import AnswerType
from clusterbench.models.requirements import Requirement
from clusterbench.report.phrases import requirements
from clusterbench.report.phrases.questionnaire import ANSWER_HINTS

from .conftest import ROOT


def members(union: object) -> set[type]:
    """The model types of a discriminated union (``Annotated[A | B, Field(...)]``)."""
    (inner, *_) = typing.get_args(union)
    return set(typing.get_args(inner))


def test_every_requirement_model_has_its_kind() -> None:
    assert members(Requirement) == set(REQUIREMENT_KINDS)
    for model, kind in REQUIREMENT_KINDS.items():
        assert kind.model is model
        assert kind.kind == typing.get_args(model.model_fields["kind"].annotation)[0]


def test_every_answer_type_has_its_kind() -> None:
    assert members(AnswerType) == set(ANSWER_KINDS)
    for model, kind in ANSWER_KINDS.items():
        assert kind.model is model
        assert kind.type == typing.get_args(model.model_fields["type"].annotation)[0]


@pytest.mark.parametrize("kind", sorted(k.kind for k in REQUIREMENT_KINDS.values()))
def test_every_kind_has_its_phrases(kind: str) -> None:
    assert kind in english.PHRASES, "an English sentence for validate's messages"
    assert kind in requirements.RESULT_PHRASES, "a phrase for readers, in every language"
    assert kind in requirements.STATEMENTS, "a statement for `criteria show` and `new`"


def test_every_kind_is_documented() -> None:
    doc = (ROOT / "docs" / "criteria-language.md").read_text(encoding="utf-8")
    for kind in REQUIREMENT_KINDS.values():
        assert f"<!-- model: {kind.model.__name__} -->" in doc
    for answer in ANSWER_KINDS.values():
        assert f"<!-- model: {answer.model.__name__} -->" in doc


MODELS = sorted(
    {m.__name__ for m in REQUIREMENT_KINDS} | {m.__name__ for m in ANSWER_KINDS}, key=len
)


def test_no_module_outside_the_registry_switches_on_a_kind() -> None:
    """`isinstance(x, ScoreRequirement)` and the like live in kinds/ only."""
    pattern = re.compile(r"\b(" + "|".join(MODELS) + r")\b")
    found = []
    for path in sorted((ROOT / "src" / "clusterbench").rglob("*.py")):
        relative = path.relative_to(ROOT / "src" / "clusterbench").as_posix()
        if relative.startswith(("kinds/", "models/")):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


ANSWER_NAMES = sorted(kind.type for kind in ANSWER_KINDS.values())
SWITCHES = [
    # `answer.type == "date"`, `stated.type in ("integer", "scale")`
    re.compile(r"\.type\s*(==|!=)\s*[\"'](" + "|".join(ANSWER_NAMES) + r")[\"']"),
    re.compile(r"\.type\s+(not\s+)?in\s"),
    # a table looked up by an answer's type: `CONTROLS[described.type]`, `.get(stated.type`
    re.compile(r"\[\s*[\w.]*\.type\s*\]"),
    re.compile(r"\.get\(\s*[\w.]*\.type\b"),
    # the one type name that is no other concept's word: a table or a test keyed by it
    re.compile(r"[\"']integer[\"']"),
]


def test_no_module_outside_the_registry_switches_on_an_answer_type() -> None:
    """What an answer type means (its control, its range, its hint, whether the date
    matters) is asked of its kind, never decided from its name elsewhere."""
    found = []
    for path in sorted((ROOT / "src" / "clusterbench").rglob("*.py")):
        relative = path.relative_to(ROOT / "src" / "clusterbench").as_posix()
        if relative.startswith(("kinds/", "models/")):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(pattern.search(line) for pattern in SWITCHES):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize("line", ['if answer.type == "date":', "CONTROLS[described.type]",
                                  'kind in ("integer", "scale")', "x.get(stated.type, 1)"])  # fmt: skip
def test_the_switch_finder_finds_switches(line: str) -> None:
    assert any(pattern.search(line) for pattern in SWITCHES)


def test_every_form_of_entry_has_its_hint_and_every_kind_a_form() -> None:
    assert set(FORMS) == set(ANSWER_HINTS)
    for kind in ANSWER_KINDS.values():
        assert kind.form in FORMS
        assert kind.describe(example_answer(kind)).form == kind.form


def example_answer(kind: AnswerKind[typing.Any]) -> typing.Any:
    """A small answer of the kind's model, for asking its description."""
    extra: dict[str, typing.Any] = {}
    if kind.form == "choice":
        extra = {"options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}
    if kind.form == "scale":
        extra = {"steps": [{"value": 1, "label": "low"}, {"value": 2, "label": "high"}]}
    return kind.model.model_validate({"type": kind.type, **extra})


def test_the_month_window_is_described_in_one_place() -> None:
    """`validate`'s English and the readers' phrases say a window with one function."""
    said = re.compile(r"(at least|at most)\W+\S+ months? earlier|\S+ ?(to|–) ?\S+ months earlier")
    places = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "src" / "clusterbench").rglob("*.py")
        if said.search(p.read_text(encoding="utf-8"))
    }
    assert places == {"src/clusterbench/kinds/text.py"}
    assert window(18, 24) == "18 to 24 months earlier"
    assert window(None, 1) == "at most 1 month earlier"
