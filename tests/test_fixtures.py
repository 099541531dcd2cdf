"""Data-driven: every valid fixture is clean, every invalid one reports exactly its .expected lines.

Fixture folders: tests/fixtures/{criteria,assessments}/{valid,invalid}/; beside each
invalid `<case>.yaml` lies `<case>.expected`, the exact lines `clusterbench validate` prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterbench.cli import main
from clusterbench.pipeline.validation import validate_paths

from .conftest import FIXTURES

KINDS = ("criteria", "assessments")
VALID = sorted(p for kind in KINDS for p in (FIXTURES / kind / "valid").glob("*.yaml"))
INVALID = sorted(p for kind in KINDS for p in (FIXTURES / kind / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_valid_fixture_has_no_issue_even_when_strict(path: Path) -> None:
    report = validate_paths([path], strict=True)
    assert [str(i) for f in report.files for i in f.issues] == []
    assert report.valid


@pytest.mark.parametrize("path", INVALID, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_invalid_fixture_reports_exactly_the_expected_lines(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(path.parent)
    code = main(["validate", path.name])
    lines = capsys.readouterr().out.splitlines()
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert lines[:-1] == expected
    assert code == 1
    assert "invalid" in lines[-1]


@pytest.mark.parametrize("kind", KINDS)
def test_every_invalid_fixture_has_its_expected_file_and_no_stray_ones(kind: str) -> None:
    folder = FIXTURES / kind / "invalid"
    yamls = {p.stem for p in folder.glob("*.yaml")}
    expected = {p.stem for p in folder.glob("*.expected")}
    assert yamls == expected
    assert len(yamls) >= 10


def test_invalid_fixtures_cover_every_code() -> None:
    from clusterbench.codes import CODES

    seen = set()
    for path in [*FIXTURES.glob("*/invalid/*.expected"), *FIXTURES.glob("hostile/*.expected")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            seen.add(line.rsplit("[", 1)[1].rstrip("]"))
    # CB100 (unreadable) and CB112 (too large) are tested in test_source, CB217 (a failing
    # golden example) in test_cli_score, CB220 (no examples) in test_cli_validate, CB311
    # (a text without the language asked for, only with --lang) in test_wording, CB226 (two
    # files claiming one version) in test_versions, CB120 (a logo that is not an image) in
    # test_hostile.
    tested_elsewhere = {"CB100", "CB112", "CB217", "CB220", "CB311", "CB226", "CB120"}
    wanted = set(CODES) - tested_elsewhere
    assert wanted - seen == set()
