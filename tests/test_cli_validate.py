"""`clusterbench validate`: formats, exit codes, and a light import path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clusterbench.cli import main

from .conftest import FIXTURES, ROOT

BROKEN = FIXTURES / "criteria" / "invalid" / "references.yaml"
GOOD = FIXTURES / "criteria" / "valid" / "full-language.yaml"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_valid_file_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", str(GOOD)], capsys)
    assert code == 0
    assert out == "1 file checked: all valid\n"


def test_directory_is_walked_and_every_file_reported(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", str(FIXTURES / "criteria")], capsys)
    assert code == 1
    files = {line.split(":")[0] for line in out.splitlines()[:-1]}
    assert len(files) == len(list((FIXTURES / "criteria" / "invalid").glob("*.yaml")))


def test_json_format_is_one_document_with_located_issues(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["validate", "--format", "json", str(BROKEN), str(GOOD)], capsys)
    data = json.loads(out)
    assert code == 1
    assert data["valid"] is False
    assert data["summary"] == {"files": 2, "invalid_files": 1, "errors": 10, "warnings": 2}
    first = data["files"][0]["issues"][0]
    assert first == {
        "file": str(BROKEN),
        "line": 7,
        "column": 13,
        "path": "max_points",
        "code": "CB204",
        "severity": "error",
        "message": "the indicators' points sum to 5, not 10",
    }
    assert data["files"][1] == {"file": str(GOOD), "kind": "criteria", "valid": True, "issues": []}


def test_github_format_writes_workflow_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", "--format", "github", str(BROKEN)], capsys)
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == (
        f"::error file={BROKEN},line=7,col=13,title=CB204::"
        "max_points: the indicators' points sum to 5, not 10 [CB204]"
    )
    assert any(line.startswith("::warning ") for line in lines)


def test_github_format_escapes_special_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a,b:c%.yaml"
    path.write_text("kind: criteria\nformat: 2\n")
    code, out, _ = run(["validate", "--format", "github", str(path)], capsys)
    assert code == 1
    assert "a%2Cb%3Ac%25.yaml" in out.splitlines()[0]


def test_strict_turns_warnings_into_errors(write, capsys: pytest.CaptureFixture[str]) -> None:
    text = GOOD.read_text(encoding="utf-8").replace(
        "title: {en: Web address, nb: Nettadresse}", "title: Web address"
    )
    path = write("criteria/warned.yaml", text)
    code, out, _ = run(["validate", str(path)], capsys)
    assert code == 0
    assert "warning: indicators[8].title" in out
    code, out, _ = run(["validate", "--strict", str(path)], capsys)
    assert code == 1
    assert "warning:" not in out
    assert "indicators[8].title" in out


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["validate", "no/such/dir"], capsys)
    assert code == 2
    assert "no/such/dir: no such file or directory" in err


def test_directory_without_yaml_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["validate", str(tmp_path)], capsys)
    assert code == 2
    assert "no .yaml or .yml files" in err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["validate", "--format", "xml", str(GOOD)], capsys)
    assert code == 2
    assert "invalid choice" in err


def test_unknown_kind_is_reported(write, capsys: pytest.CaptureFixture[str]) -> None:
    path = write("other.yaml", "name: something else\n")
    code, out, _ = run(["validate", str(path)], capsys)
    assert code == 1
    assert "[CB110]" in out


def test_validate_never_imports_rendering_libraries() -> None:
    script = (
        "import sys\n"
        "from clusterbench.cli import main\n"
        f"code = main(['validate', {str(ROOT / 'criteria')!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'weasyprint', 'babel'))\n"
        "print(code, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []"


def test_console_script_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clusterbench", "validate", str(GOOD)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout == "1 file checked: all valid\n"
