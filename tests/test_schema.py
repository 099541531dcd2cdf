"""The exported JSON Schema: fresh, and accepted by an independent validator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clusterbench.cli import main
from clusterbench.models.schema import SCHEMA_NAMES, json_schema

from .conftest import FIXTURES, ROOT

SCHEMAS = ROOT / "schemas"
# Fixtures whose mistakes are in the file's shape, which a JSON Schema can see.
SHAPE_ERRORS = [
    "format-version",
    "missing-keys",
    "misspelt-key",
    "out-of-range",
    "top-level-list",
    "unknown-tag",
    "wrong-types",
]
# Fixtures whose mistakes only clusterbench's semantic checks see.
MEANING_ERRORS = [
    "applicability",
    "bands-and-ladders",
    "duplicate-ids",
    "references",
    "rules",
    "unreachable",
]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_committed_schema_is_fresh(name: str) -> None:
    committed = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    assert committed == json_schema(name), "run `make schemas` and commit the result"


def test_schema_command_prints_draft_2020_12(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "criteria"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"kind", "format", "indicators", "levels"} <= set(schema["properties"])


def check_jsonschema(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(SCHEMAS / "criteria.json"),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_jsonschema_accepts_bundled_criteria_and_valid_fixtures() -> None:
    files = sorted((ROOT / "criteria").glob("*.yaml")) + sorted(
        (FIXTURES / "criteria" / "valid").glob("*.yaml")
    )
    result = check_jsonschema(*files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", SHAPE_ERRORS)
def test_check_jsonschema_rejects_shape_errors(case: str) -> None:
    result = check_jsonschema(FIXTURES / "criteria" / "invalid" / f"{case}.yaml")
    assert result.returncode == 1, result.stdout


@pytest.mark.parametrize("case", MEANING_ERRORS)
def test_meaning_errors_pass_the_schema_but_not_clusterbench(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "criteria" / "invalid" / f"{case}.yaml"
    assert check_jsonschema(path).returncode == 0
    assert main(["validate", str(path)]) == 1


def test_check_jsonschema_accepts_assessment_files() -> None:
    files = sorted((FIXTURES / "scoring").glob("*-20*.yaml")) + sorted(
        (FIXTURES / "assessments" / "valid").glob("*.yaml")
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(SCHEMAS / "assessment.json"),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert len(files) >= 4
    assert result.returncode == 0, result.stdout + result.stderr
