"""The hostile corpus: every case through validate, score, report and batch.

Data-driven like the fixture folders: `tests/fixtures/hostile/<case>.yaml` beside
`<case>.expected`, the exact lines `clusterbench validate` prints (none for a case that
must pass).  The guarantee checked for every case: what validate refuses, score, report
and batch refuse with the same located errors (never a traceback, never an output);
what validate accepts, they score and render.  Cases that cannot live in git (FIFOs,
symbolic link loops, unreadable folders, files of gigabytes) are made by the
generators in `tests/hostile.py` and checked the same way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clusterbench.cli import main

from .conftest import FIXTURES
from .hostile import (
    GENERATED,
    Case,
    case_a_folder_that_cannot_be_searched,
    case_previous_chain_too_long,
    deadline,
    errors_of,
    normalise,
)

HOSTILE = FIXTURES / "hostile"
CASES = sorted(HOSTILE.glob("*.yaml"))


def _expected(path: Path) -> list[str]:
    return path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def _is_criteria(path: Path) -> bool:
    return path.read_text(encoding="utf-8").find("\nkind: criteria") >= 0


def _companion(criteria: Path, folder: Path) -> Path:
    """An assessment that scores with the criteria file `criteria` (for criteria cases)."""
    text = criteria.read_text(encoding="utf-8")
    criteria_id = next(
        line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("id:")
    )
    path = folder / f"{criteria.stem}.yaml"
    path.write_text(
        "kind: assessment\nformat: 1\norganisation: {name: Test Cluster, country: NOR}\n"
        "assessment: {date: 2021-11-06}\n"
        f"criteria: {{id: {criteria_id}, file: {json.dumps(os.fspath(criteria))}}}\n"
        "answers: {A: true}\n",
        encoding="utf-8",
    )
    return path


def test_every_case_has_its_expected_file_and_no_stray_ones() -> None:
    cases = {p.stem for p in HOSTILE.glob("*.yaml")}
    assert cases == {p.stem for p in HOSTILE.glob("*.expected")}
    assert len(cases) >= 30


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_validate_prints_exactly_the_expected_lines(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(HOSTILE)
    code = main(["validate", path.name])
    out, err = capsys.readouterr()
    expected = _expected(path)
    assert out.splitlines()[:-1] == expected
    assert code == (1 if errors_of(expected) else 0)
    assert "Traceback" not in out + err


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_score_and_report_agree_with_validate(
    path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(HOSTILE)
    target = _companion(path, tmp_path) if _is_criteria(path) else path
    case = Case(target, errors_of(_expected(path)))
    case.check_score_and_report(tmp_path, capsys, base=HOSTILE)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_register_and_history_agree_with_validate(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What validate refuses is the register's located problem; nothing crashes history
    (a related level dated 0001-01-01 as quoted text once overflowed its date arithmetic)."""
    monkeypatch.chdir(HOSTILE)
    expected = errors_of(_expected(path))
    if "\nkind: assessment" not in path.read_text(encoding="utf-8"):
        expected = []  # the register and history read assessments only, and skip the rest
    code = main(["register", path.name, "--as-of", "2026-01-15"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == (1 if expected else 0), err
    if expected:  # the register names each file's first problem
        assert any(line in err for line in expected), err
    argv = ["history", path.name, "--organisation", "Test Cluster", "--as-of", "2026-01-15"]
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in (0, 1, 2), err  # 2: no assessment of it left to show


def test_batch_reports_each_bad_file_and_renders_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    companions = tmp_path / "companions"
    companions.mkdir()
    for path in CASES:
        if _is_criteria(path):
            _companion(path, companions)
    items = {}
    for source in (HOSTILE, companions):
        out = tmp_path / f"out-{source.name}"
        code = main(["batch", str(source), "-o", str(out), "--format", "json", "--jobs", "2"])
        assert code == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        items.update({Path(i["input"]).stem: (i, out) for i in manifest["items"]})
    for path in CASES:
        item, out = items[path.stem]
        expected = errors_of(_expected(path))
        if not expected:
            assert item["status"] == "rendered", item["error"]
            assert json.loads((out / item["key"]).read_text(encoding="utf-8"))["level"] == "gold"
            continue
        assert item["status"] == "failed"
        assert not (out / item["key"]).exists()
        reported = normalise(item["error"], HOSTILE, companions)
        for line in expected:
            assert line in reported, f"{path.name}: {line!r} not in {reported!r}"


@pytest.mark.parametrize("make", GENERATED, ids=lambda m: m.__name__.removeprefix("case_"))
def test_generated_case(make: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert callable(make)
    case: Case = make(tmp_path)
    case.check_validate(capsys)
    case.check_score_and_report(tmp_path, capsys)
    case.check_batch(tmp_path, capsys)


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("--templates", "template report.html: {dir}/tpl/report.html: is a FIFO (named pipe)"),
        ("--logo", "{dir}/logo.png: is a FIFO (named pipe), not a regular file [CB100]"),
        ("--cohort", "{dir}/cohort.json: is a FIFO (named pipe), not a regular file [CB100]"),
        ("--previous", "previous: {dir}/old.yaml: is a FIFO (named pipe), not a regular file"),
        ("--criteria", "{dir}/criteria.yaml: is a FIFO (named pipe), not a regular file"),
    ],
)
def test_a_fifo_given_as_an_option_is_refused_without_blocking(
    option: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tpl").mkdir()
    for name in ("tpl/report.html", "logo.png", "cohort.json", "old.yaml", "criteria.yaml"):
        os.mkfifo(tmp_path / name)
    value = {
        "--templates": tmp_path / "tpl",
        "--logo": tmp_path / "logo.png",
        "--cohort": tmp_path / "cohort.json",
        "--previous": tmp_path / "old.yaml",
        "--criteria": tmp_path / "criteria.yaml",
    }[option]
    gold = FIXTURES.parent.parent / "examples" / "fjordhelse" / "2021-gold.yaml"
    argv = ["report", str(gold), "-o", str(tmp_path / "r.html"), option, str(value)]
    with deadline():
        code = main(argv)
    err = capsys.readouterr().err
    assert code in (1, 2), err
    assert said.format(dir=tmp_path) in err
    assert "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_a_chain_says_the_same_of_each_file_read_alone_or_with_others_in_any_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read as a folder, 1993 was kept as valid and 2013 then stood on it unchecked: the
    folder said "all valid" of a chain that `score 2013.yaml` refused."""
    folder = case_previous_chain_too_long(tmp_path).path.parent
    files = sorted(folder.glob("[12]*.yaml"))
    lines: dict[str, list[str]] = {}
    for path in files:
        main(["validate", str(path)])
        lines[path.name] = capsys.readouterr().out.splitlines()[:-1]
    invalid = {name for name, said in lines.items() if said}
    assert invalid == {"2011.yaml", "2012.yaml", "2013.yaml"}  # each stands on 21 or more
    alone = sorted(line for said in lines.values() for line in said)
    for order in (files, files[::-1]):
        assert main(["validate", *map(str, order)]) == 1
        assert sorted(capsys.readouterr().out.splitlines()[:-1]) == alone
    out = tmp_path / "out"
    assert main(["batch", str(folder), "-o", str(out), "--format", "json"]) == 1
    capsys.readouterr()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    failed = {Path(i["input"]).name for i in manifest["items"] if i["status"] == "failed"}
    assert failed == invalid


def test_a_folder_that_cannot_be_searched_is_called_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """(score and report take files, not folders: validate alone reads a folder.)"""
    case_a_folder_that_cannot_be_searched(tmp_path).check_validate(capsys)


@pytest.mark.parametrize(
    ("content", "accepted"),
    [
        (b"root:x:0:0:root:/root:/bin/bash\n", False),
        (b"", False),
        (b"GIF89a\x01\x00\x01\x00", False),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>\n', True),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, True),
    ],
)
def test_a_logo_must_be_an_image_by_its_first_bytes(
    content: bytes, accepted: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--logo /etc/passwd` once gave an empty warning and a report without a logo."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(content)
    gold = FIXTURES.parent.parent / "examples" / "fjordhelse" / "2021-gold.yaml"
    output = tmp_path / "r.html"
    code = main(["report", str(gold), "-o", str(output), "--logo", str(logo)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if accepted:
        assert code == 0, err
        assert output.exists()
    else:
        said = f"{logo}: is not a PNG, JPEG or SVG image (by its first bytes); give an image file"
        assert f"{said} [CB120]" in err
        assert code == 1
        assert not output.exists()
