"""`clusterbench criteria list|show` and `clusterbench new`: a questionnaire, filled in, scores."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from clusterbench import load_criteria
from clusterbench.cli import main
from clusterbench.scoring.values import passing_value

from .conftest import ROOT

BUNDLED = sorted(p.stem for p in (ROOT / "criteria").glob("*.yaml"))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_shows_every_bundled_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["criteria", "list"], capsys)
    assert code == 0
    for criteria_id in BUNDLED:
        assert re.search(rf"^{re.escape(criteria_id)}\s", out, flags=re.M)
    code, out, _ = run(["criteria", "list", "--format", "json"], capsys)
    rows = json.loads(out)
    assert [r["reference"] for r in rows] == BUNDLED  # earlier versions as ID@VERSION
    assert [(r["id"], r["version"], r["current"]) for r in rows if r["id"] == "esca-bronze"] == [
        ("esca-bronze", "2019", True),
        ("esca-bronze", "pre-2019", False),
    ]
    gold = next(r for r in rows if r["id"] == "esca-gold")
    assert gold["indicators"] == 31
    assert gold["provenance"] == "reconstructed"


def test_show_in_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["criteria", "show", "esca-gold", "--lang", "nb"], capsys)
    assert code == 0
    assert out.splitlines()[0] == "Gullmerket for fremragende klyngeledelse"
    assert "31 indikatorer, 150 poeng" in out
    assert "minst 80\u00a0% av de relevante poengene" in out
    assert "Skriftlig strategi" in out
    assert re.search(r"^  G10 +5  Måloppnåelse +minst 75\u00a0%$", out, flags=re.M)
    for english in ("indicators", "points", "at least", "Levels", "minimum requirement"):
        assert english not in out, english


def test_show_refuses_a_language_the_criteria_lack(capsys: pytest.CaptureFixture[str]) -> None:
    lacking = ROOT / "tests" / "fixtures" / "criteria" / "valid" / "full-language.yaml"
    code, _, err = run(["criteria", "show", str(lacking), "--lang", "de"], capsys)
    assert code == 2
    assert "are written in en, nb; they have no 'de' texts" in err
    code, out, _ = run(["criteria", "show", "de-bw-cluster-excellence", "--lang", "de"], capsys)
    assert code == 0
    assert "Cluster-Exzellenz" in out


def test_show_unknown_id_is_a_usage_error_that_suggests(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["criteria", "show", "esca-gld"], capsys)
    assert code == 2
    assert err.startswith("usage: clusterbench criteria show")
    assert "did you mean 'esca-gold'?" in err


def yaml_literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, tuple | list):
        return "[" + ", ".join(yaml_literal(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def fill_in(text: str, values: dict[str, Any]) -> str:
    """Write answers after the ids, as an assessor would in an editor."""
    lines = []
    current = None
    for line in text.splitlines():
        match = re.match(r"^(\s+)([A-Za-z][\w.-]*):\s*$", line)
        if match and match.group(2) != "value":
            current = match.group(2)
        slot = re.match(r"^(\s+)value:\s*$", line)
        if slot and current in values:
            line = f"{slot.group(1)}value: {yaml_literal(values[current])}"
        lines.append(line)
    filled = "\n".join(lines) + "\n"
    filled = filled.replace("  name:            #", "  name: Test Cluster #")
    filled = filled.replace("  country:         #", "  country: NOR #")
    filled = filled.replace("  date:            #", "  date: 2026-01-15 #")
    return filled.replace("    - name:        #", "    - name: A. Assessor #")


def test_new_fill_in_score_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "assessment.yaml"
    code, out, _ = run(["new", "esca-gold", "-o", str(path)], capsys)
    assert code == 0
    assert out == f"wrote {path}: 31 questions of esca-gold 2019\n"
    blank = path.read_text(encoding="utf-8")
    assert blank.count("\n  G") >= 31
    assert "# G05 Written strategy (8 points, minimum requirement)" in blank
    assert "  G10:\n    value:\n    evidence: []" in blank  # a stub for every field
    assert "#   Partial credit: 2.5 points when at least 50% and less than 75%" in blank
    for stub in ("report_id:", "method:", "previous:", "strengths: []", "recommendations: []"):
        assert f"\n{stub}" in blank or f"\n  {stub}" in blank, stub

    # Unfilled, the file is not valid: the organisation has no name yet.
    code, out, _ = run(["validate", str(path)], capsys)
    assert code == 1
    assert "organisation.name" in out

    on = dt.date(2026, 1, 15)
    values: dict[str, Any] = {}
    for criteria_id in ("esca-gold", "esca-eligibility"):
        for indicator in load_criteria(criteria_id).indicators:
            values[indicator.id] = passing_value(indicator, on)
    values["E1"] = False
    path.write_text(fill_in(blank, values), encoding="utf-8")
    code, out, _ = run(["validate", "--strict", str(path)], capsys)
    assert (code, out) == (0, "1 file checked: all valid\n")
    code, out, _ = run(["score", str(path)], capsys)
    assert code == 0
    assert "Level: Gold" in out
    assert "Score: 150 of 150 points = 100.0% (Gold needs 80%)" in out


def test_new_does_not_overwrite_and_speaks_norwegian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("keep me\n")
    code, _, err = run(["new", "esca-bronze", "-o", str(path)], capsys)
    assert code == 2
    assert "use --force" in err
    assert path.read_text() == "keep me\n"
    code, _, _ = run(["new", "esca-bronze", "-o", str(path), "--lang", "nb", "--force"], capsys)
    assert code == 0
    text = path.read_text(encoding="utf-8")
    assert "Formelle medlemmer" in text
    assert "language: nb" in text
    assert "role: ledende ekspert" in text
    # Every comment is Norwegian: none of the questionnaire's English words is left.
    for english in ("Answer:", "Met when:", "Green when:", "Evidence:", "Guidance:", "points"):
        assert english not in text, english
    assert not list(tmp_path.glob(".a.yaml.*"))  # no temporary file left behind


def test_unanswered_questions_are_reported_at_their_own_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "assessment.yaml"
    assert run(["new", "esca-gold", "-o", str(path)], capsys)[0] == 0
    path.write_text(fill_in(path.read_text(encoding="utf-8"), {}), encoding="utf-8")
    code, out, _ = run(["validate", str(path)], capsys)
    assert code == 0  # warnings only: nothing is answered yet
    lines = path.read_text(encoding="utf-8").splitlines()
    where = {
        match.group(2): int(match.group(1))
        for match in re.finditer(r":(\d+):\d+: warning: answers\.(\w+): .* not answered", out)
    }
    assert len(where) == 31
    for indicator, line in where.items():
        assert lines[line - 1] == f"  {indicator}:", indicator
