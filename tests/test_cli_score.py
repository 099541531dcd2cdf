"""`clusterbench score`: text and JSON, what-if answers, the CI gate, and errors without tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from clusterbench.cli import main
from clusterbench.models.schema import json_schema

from .conftest import FIXTURES, ROOT

SCORING = FIXTURES / "scoring"
GOLD = SCORING / "gold-2023.yaml"
SILVER = SCORING / "silver-2021.yaml"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_summary_explains_level_score_margin_and_validity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["score", str(GOLD)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Fjordtech Cluster (Norway, Information and communication technology) · threshold, "
        "version 1 · assessed 6 November 2023"
    )
    assert lines[1] == "Level: Gold"
    assert (
        lines[2]
        == "Decision: none recorded yet: the level is a recommendation to the awarding body"
    )
    assert lines[3] == "Score: 120 of 150 points = 80.0% (Gold needs 80%)"
    assert lines[4] == "Valid from 6 November 2023 to 5 November 2025."
    assert "      ✓ 120 of 150 points (80.0%; 80% needed)" in lines
    assert "      ✓ Eligibility for the cluster management excellence labels: Eligible" in lines
    assert "  0 points above what Gold needs." in lines
    assert "Compared with 20 October 2021 (Silver, 24 months earlier)" in lines
    assert "  declined: C" in lines
    # The indicators to work on, as the Result orders them, each with its answer and rule.
    assert lines[-1] == (
        "  C      Follow-up of the action plan             1 – none — 3 – systematic — not met, "
        "0 of 30 points, red"
    )


def test_text_summary_speaks_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    demo = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
    code, out, _ = run(["score", str(demo), "--lang", "nb"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Fjordhelse Cluster (Norge, Helse og livsvitenskap) · esca-gold, versjon 2019 · "
        "vurdert 9. november 2021"
    )
    assert lines[1] == "Nivå: Gull"
    assert "Poengsum: 142,5 av 150 poeng = 95,0\u00a0% (Gull krever 80\u00a0%)" in lines
    assert "Sikkerhetsmargin for gull" in lines  # a level's name inside running text
    for english in ("Level", "Score", "points", "Margin", "Compared with", "Indicators"):
        assert english not in out, english
    code, out, _ = run(["score", str(demo), "--lang", "de"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "Stufe: Gold"
    assert "Puffer für Gold" in lines
    assert "Punktzahl: 142,5 von 150 Punkten = 95,0\u00a0% (Gold verlangt 80\u00a0%)" in lines


def test_gap_and_what_if(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["score", str(SILVER)], capsys)
    assert code == 0
    assert "Level: Silver" in out
    assert (
        "Gap to Gold\n  11.5 points missing.\n  Meet: C Follow-up of the action plan (20 more points)\n"
        in out
    )
    code, out, _ = run(["score", str(GOLD), "--assume", "C=3", "--assume", "E=45"], capsys)
    assert code == 0
    assert "Assuming: C=3, E=45" in out
    assert "Score: 149.5 of 150 points" in out


def test_json_output_is_the_result_and_matches_its_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["score", str(GOLD), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, json_schema("result"))
    assert data["level"] == "gold"
    assert data["score"] == {
        "points": 120,
        "max_points": 150,
        "share": 0.8,
        "share_exact": {"numerator": 4, "denominator": 5},
        "target": "gold",
        "needed": 0.8,
    }
    assert {"id", "status", "points", "max_points", "band"} <= set(data["indicators"][0])
    assert [lv["id"] for lv in data["levels"]] == ["bronze", "silver", "gold"]
    assert {"id", "awarded", "requirements", "gap"} <= set(data["levels"][0])
    assert data["criteria"]["id"] == "threshold"
    assert len(data["criteria"]["hash"]) == 64
    assert data["validity"]["valid_until"] == "2025-11-05"
    assert data["margin"]["level"] == "gold"


def test_json_output_is_byte_identical_across_runs(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {run(["score", str(GOLD), "--format", "json"], capsys)[1] for _ in range(3)}
    assert len(outputs) == 1


def test_require_level_is_a_ci_gate(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["score", str(GOLD), "--require-level", "silver"], capsys)[0] == 0
    assert run(["score", str(GOLD), "--require-level", "gold"], capsys)[0] == 0
    code, _, err = run(["score", str(SILVER), "--require-level", "gold"], capsys)
    assert code == 4
    assert "level gold required, reached silver" in err
    code, _, err = run(["score", str(GOLD), "--require-level", "platinum"], capsys)
    assert code == 2
    assert "threshold has levels bronze, silver, gold" in err


def test_invalid_input_exits_1_with_located_errors(capsys: pytest.CaptureFixture[str]) -> None:
    broken = FIXTURES / "assessments" / "invalid" / "wrong-values.yaml"
    code, out, err = run(["score", str(broken)], capsys)
    assert code == 1
    assert out == ""
    assert f"{broken}:9:6: answers.A: expected true or false, got 'yes'" in err
    assert "Traceback" not in err
    assert err.rstrip().endswith("clusterbench score: 5 errors")


def test_bad_assumption_and_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(["score", str(GOLD), "--assume", "Q=1"], capsys)
    assert code == 1
    assert "unknown indicator 'Q'" in err
    code, _, err = run(["score", str(GOLD), "--assume", "C"], capsys)
    assert code == 2
    assert "write ID=VALUE" in err
    code, _, err = run(["score", str(tmp_path / "none.yaml")], capsys)
    assert code == 2  # a path that does not exist is a usage error, as a wrong id is
    assert err.startswith("usage: clusterbench score")
    assert "none.yaml: no such file or directory" in err


def test_previous_is_loaded_and_can_be_overridden(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "history"
    shutil.copytree(SCORING, folder)
    # Without its previous assessment, silver cannot be decided.
    alone = folder / "silver-alone.yaml"
    alone.write_text(
        (folder / "silver-2021.yaml")
        .read_text(encoding="utf-8")
        .replace("previous: {file: bronze-2019.yaml}\n", ""),
        encoding="utf-8",
    )
    code, out, _ = run(["score", str(alone)], capsys)
    assert code == 0
    assert "Level: Bronze" in out
    code, out, _ = run(
        ["score", str(alone), "--previous", str(folder / "bronze-2019.yaml")], capsys
    )
    assert code == 0
    assert "Level: Silver" in out


def test_a_loop_of_previous_assessments_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "loop"
    shutil.copytree(SCORING, folder)
    bronze = folder / "bronze-2019.yaml"
    bronze.write_text(
        bronze.read_text(encoding="utf-8") + "previous: {file: silver-2021.yaml}\n",
        encoding="utf-8",
    )
    code, _, err = run(["score", str(folder / "silver-2021.yaml")], capsys)
    assert code == 1
    assert "[CB309]" in err


def test_criteria_override(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    stricter = tmp_path / "stricter.yaml"
    stricter.write_text(
        (SCORING / "threshold.yaml")
        .read_text(encoding="utf-8")
        .replace("at_least: 80%", "at_least: 90%"),
        encoding="utf-8",
    )
    code, out, _ = run(["score", str(GOLD), "--criteria", str(stricter)], capsys)
    assert code == 0
    assert "Level: Bronze" in out
    assert "(Gold needs 90%)" in out


def test_a_failing_golden_example_is_located_by_validate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wrong = tmp_path / "threshold.yaml"
    wrong.write_text(
        (SCORING / "threshold.yaml")
        .read_text(encoding="utf-8")
        .replace("expect: {level: bronze, points: 119.5}", "expect: {level: gold, points: 119.5}"),
        encoding="utf-8",
    )
    code, out, _ = run(["validate", str(wrong)], capsys)
    assert code == 1
    line = out.splitlines()[0]
    assert line.startswith(f"{wrong}:")
    assert line.endswith(
        "examples[2].expect.level: example 'half-a-point-under' gets bronze, expected gold; "
        "gold fails: 119.5 of 150 points = 79.7 % < 80 % (120 points needed) [CB217]"
    )


def test_score_runs_as_a_process_without_traceback_on_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: assessment\nformat: 1\norganisation: [oops\n")
    result = subprocess.run(
        [sys.executable, "-m", "clusterbench", "score", str(bad)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "[CB101]" in result.stderr
