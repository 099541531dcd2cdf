"""One object per requirement kind and per answer type; everything else asks the registry."""

from __future__ import annotations

import re
import typing

import pytest

from clusterbench.kinds import english
from clusterbench.kinds.registry import ANSWER_KINDS, REQUIREMENT_KINDS
from clusterbench.models.answer_types import AnswerType
from clusterbench.models.requirements import Requirement
from clusterbench.report.phrases import requirements

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
