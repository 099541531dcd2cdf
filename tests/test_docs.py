"""The language reference cannot drift: every key of every model and every code is documented."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from clusterbench.codes import CODES
from clusterbench.models import (
    answer_types,
    answers,
    assessment,
    criteria,
    figures,
    requirements,
    rules,
    versions,
)

from .conftest import ROOT

DOC = (ROOT / "docs" / "criteria-language.md").read_text(encoding="utf-8")
ASSESSMENT_DOC = (ROOT / "docs" / "assessment-format.md").read_text(encoding="utf-8")
MODULES = (criteria, answer_types, rules, requirements, answers, assessment, versions, figures)
MODELS = sorted(
    {
        obj
        for module in MODULES
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, BaseModel)
        and obj.__module__ == module.__name__
        and not obj.__name__.startswith("_")
    },
    key=lambda m: m.__name__,
)


def sections() -> dict[str, str]:
    found = {}
    for doc in (DOC, ASSESSMENT_DOC):
        parts = re.split(r"<!-- (model: \w+|codes) -->", doc)
        found.update(
            {parts[i].removeprefix("model: "): parts[i + 1] for i in range(1, len(parts), 2)}
        )
    return found


def test_the_models_are_found() -> None:
    assert len(MODELS) >= 30


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_key_of_every_model_is_documented(model: type[BaseModel]) -> None:
    found = sections()
    assert model.__name__ in found, (
        f"docs/criteria-language.md lacks <!-- model: {model.__name__} -->"
    )
    text = found[model.__name__]
    for name, field in model.model_fields.items():
        key = field.alias or name
        if model.__name__ in ("PartialStep", "Condition") and key in rules.Rule.model_fields:
            continue  # the rule operators are documented once, under Rule
        assert f"`{key}`" in text, f"{model.__name__}.{key} is not documented"


def test_every_code_is_documented_with_its_title_and_fix() -> None:
    rows = re.findall(r"^\| (CB\d{3}) \| (.+?) \| (.+?) \|$", sections()["codes"], flags=re.M)
    documented = {code: (title, fix) for code, title, fix in rows}
    assert documented == {c.code: (c.title, c.fix) for c in CODES.values()}


def test_yaml_examples_in_the_reference_parse() -> None:
    from clusterbench.loader.source import parse_text

    blocks = re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)
    assert len(blocks) >= 8
    for block in blocks:
        if block.strip().startswith("#"):
            continue
        parse_text(block, "docs.yaml")


def test_the_assessment_example_in_the_docs_validates_against_bundled_criteria(tmp_path) -> None:
    from clusterbench.loader.assessment import check_assessment_document
    from clusterbench.loader.source import parse_text

    [block] = [
        b
        for b in re.findall(r"```yaml\n(.*?)```", ASSESSMENT_DOC, flags=re.S)
        if "kind: assessment" in b
    ]
    checked = check_assessment_document(parse_text(block, "docs.yaml"), base=tmp_path)
    errors = [
        str(i) for i in checked.issues if i.is_error and i.code != "CB309"
    ]  # its previous file is not here
    assert errors == []


def test_every_key_of_the_cohort_file_is_documented() -> None:
    from clusterbench.models import cohort

    text = (ROOT / "docs" / "peers-history-batch.md").read_text(encoding="utf-8")
    models = [
        cohort.Cohort,
        cohort.CriteriaCohort,
        cohort.GroupStats,
        cohort.IndicatorStats,
        cohort.Stats,
    ]
    for model in models:
        for name in model.model_fields:
            assert f"`{name}`" in text, f"{model.__name__}.{name} is not documented"


def test_the_value_domain_is_documented_as_the_code_states_it() -> None:
    from clusterbench.loader.reader import MAX_BYTES
    from clusterbench.loader.source import MAX_DEPTH, MAX_NODES
    from clusterbench.models import domain

    table = DOC.split("<!-- domain -->", 1)[1].split("\n\n", 1)[0]
    for said in (
        f"at most {domain.MAX_DIGITS} digits before the decimal point and {domain.MAX_PLACES} after it",
        f"from {domain.MIN_DATE.isoformat()} to {domain.MAX_DATE.isoformat()}",
        f"0 to {domain.MAX_MONTHS}",
        f"| at most {domain.MAX_CHAIN} |",
        f"({MAX_BYTES:,} bytes)",
        f"at most {MAX_NODES:,}",
        f"at most {MAX_DEPTH} levels",
    ):
        assert said in table, said


def test_every_month_count_of_the_models_is_bounded_by_the_domain() -> None:
    from annotated_types import Le

    from clusterbench.models.domain import MAX_MONTHS

    months = [
        (model.__name__, name, field)
        for model in MODELS
        for name, field in model.model_fields.items()
        if "months" in name
    ]
    assert len(months) >= 7
    for model, name, field in months:
        bounds = [m.le for m in field.metadata if isinstance(m, Le)]
        assert bounds == [MAX_MONTHS], f"{model}.{name}"
        assert f"`{name}`" in DOC.split("<!-- domain -->", 1)[1].split("\n\n", 1)[0]
