"""What users of other command lines expect: exit codes, usage errors, one error handler,
output any terminal can show, completion, --version."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from clusterbench import cli
from clusterbench.cli import main

from .conftest import FIXTURES, ROOT

GOLD = FIXTURES / "scoring" / "gold-2023.yaml"
DEMO = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("args", "usage", "message"),
    [
        (["report", str(GOLD), "-o", "r.pdf", "--lang", "xx"], "report", "invalid choice: 'xx'"),
        (
            ["report", str(GOLD), "-o", "r.pdf", "--accent", "purple"],
            "report",
            "write it as #RRGGBB",
        ),
        (["report", str(GOLD), "-o", "r.pdf", "--audience", "all"], "report", "invalid choice"),
        (["batch", str(ROOT / "examples"), "-o", "out", "--jobs", "0"], "batch", "at least 1"),
        (["batch", str(ROOT / "examples"), "-o", "out", "--jobs", "two"], "batch", "whole number"),
        (
            ["cohort", "build", str(ROOT / "examples"), "-o", "c.json", "--min-size", "0"],
            "cohort build",
            "at least 1",
        ),
        (["new", "esca-gold", "--lang", "xx"], "new", "invalid choice: 'xx'"),
        (
            ["criteria", "show", "esca-gold", "--lang", "xx"],
            "criteria show",
            "invalid choice: 'xx'",
        ),
        (["criteria", "show", "no-such-set"], "criteria show", "no criteria 'no-such-set'"),
        (["score", str(GOLD), "--require-level", "platinum"], "score", "has levels"),
        (["score", str(GOLD), "--assume", "G01"], "score", "write ID=VALUE"),
        (["validate", "no/such/dir"], "validate", "no such file or directory"),
        (["score"], "score", "the following arguments are required: ASSESSMENT"),
        (["frobnicate"], "", "invalid choice: 'frobnicate'"),
    ],
)
def test_every_usage_error_exits_2_with_the_commands_own_usage(
    args: list[str],
    usage: str,
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(args, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(f"usage: clusterbench {usage}".rstrip())
    assert message in err
    assert "Traceback" not in err
    assert os.listdir(tmp_path) == []  # nothing written


def test_an_unforeseen_error_exits_3_with_a_report_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("the scoring core fell over")

    monkeypatch.setattr(cli, "_command", lambda name: broken)
    code, out, err = run(["score", str(GOLD)], capsys)
    assert code == 3
    assert out == ""
    assert "clusterbench score: internal error: RuntimeError: the scoring core fell over" in err
    assert "This is a bug in clusterbench. Please report it" in err
    assert "https://github.com/clusterbench/clusterbench/issues" in err
    assert "add --debug to see the traceback" in err
    assert "Traceback" not in err
    for debug in (["--debug", "score", str(GOLD)], ["score", str(GOLD), "--debug"]):
        code, _, err = run(debug, capsys)
        assert code == 3
        assert "Traceback (most recent call last)" in err
        assert 'RuntimeError("the scoring core fell over")' in err


def test_ctrl_c_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_command", lambda name: interrupted)
    code, _, err = run(["validate", str(GOLD)], capsys)
    assert code == 130
    assert "clusterbench validate: interrupted" in err
    assert "Traceback" not in err


def test_invalid_input_still_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    broken = FIXTURES / "assessments" / "invalid" / "wrong-values.yaml"
    code, _, err = run(["score", str(broken)], capsys)
    assert code == 1
    assert not err.startswith("usage:")


def test_version_comes_from_the_installed_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    import clusterbench

    installed = importlib.metadata.version("clusterbench")
    assert clusterbench.__version__ == installed
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out == f"clusterbench {installed}\n"


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
def test_output_degrades_to_ascii_stand_ins_on_narrow_encodings(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run(
        [sys.executable, "-m", "clusterbench", "score", str(GOLD)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    text = result.stdout.decode(encoding)  # strict: every byte is valid in the encoding
    assert "Traceback" not in result.stderr.decode(encoding)
    assert "      ok 120 of 150 points (80.0%; 80% needed)" in text.splitlines()
    dot = "·" if encoding != "ascii" else "-"  # kept where the encoding has it
    assert (
        f"Fjordtech Cluster (Norway, Information and communication technology) {dot} threshold, "
        f"version 1 {dot} assessed 6 November 2023"
    ) in text
    assert "?" not in text.replace("?)", "")  # stand-ins, not question marks


def test_utf8_output_keeps_its_symbols() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "clusterbench", "score", str(GOLD)],
        capture_output=True,
        text=True,
        env=env,
        encoding="utf-8",
        check=True,
    )
    assert "      ✓ 120 of 150 points (80.0%; 80% needed)" in result.stdout.splitlines()
    assert (
        "  C      Follow-up of the action plan             1 – none — 3 – systematic"
        in result.stdout
    )


def test_no_colour_codes_in_any_output(capsys: pytest.CaptureFixture[str]) -> None:
    # clusterbench writes no colour at all, so NO_COLOR and pipes are always respected.
    for args in (["score", str(DEMO)], ["validate", str(ROOT / "criteria")], ["doctor"]):
        main(args)
        captured = capsys.readouterr()
        assert "\x1b[" not in captured.out + captured.err


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_scripts_know_every_command(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["completion", shell], capsys)
    assert code == 0
    for command in ("validate", "score", "report", "batch", "criteria", "completion"):
        assert command in out
    if shell != "tcsh":  # shtab's tcsh script completes commands and paths only
        assert "--require-level" in out
    if shell == "bash":
        assert "complete -o bashdefault -F _shtab_clusterbench clusterbench" in out
        assert "_shtab_compgen_files" in out  # paths complete as files


def test_bash_completion_script_loads_in_bash(tmp_path: Path) -> None:
    script = tmp_path / "clusterbench.bash"
    script.write_text(
        subprocess.run(
            [sys.executable, "-m", "clusterbench", "completion", "bash"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout,
        encoding="utf-8",
    )
    result = subprocess.run(
        ["bash", "-c", f"source {script} && complete -p clusterbench"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "_shtab_clusterbench" in result.stdout


def test_doctor_requires_harfbuzz_subset(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["doctor", "--format", "json"], capsys)
    checks = {check["name"]: check for check in json.loads(out)}
    assert checks["harfbuzz-subset"]["required"] is True
    assert checks["harfbuzz-subset"]["ok"] is True  # this machine was set up by make
    assert code == 0


def test_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert re.search(r"Exit codes: 0 done, 1 invalid input, 2 usage error, 3 internal\s+error", out)


def test_report_takes_assumptions_and_says_it_is_a_what_if(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "what-if.html"
    code, _, _ = run(["report", str(DEMO), "-o", str(out), "--assume", "G05=false"], capsys)
    assert code == 0
    html = " ".join(out.read_text(encoding="utf-8").split())
    assert "<strong>What if.</strong>" in html
    assert "<li><strong>G05</strong> Written strategy: no</li>" in html
    code, _, err = run(["report", str(DEMO), "-o", str(out), "--assume", "Q9=1"], capsys)
    assert code == 1
    assert "--assume: Q9: unknown indicator 'Q9' [CB301]" in err
