"""Every command line behaves alike: its own usage on every mistake, one rule for paths
that do not exist, `-o -` wherever there is `-o`, options defined once."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clusterbench.cli import build_parser, main
from clusterbench.cli.options import input_path
from clusterbench.report.options import LANGUAGES

from .conftest import FIXTURES, ROOT

GOLD = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
RENEWAL = ROOT / "examples" / "fjordhelse" / "2023-gold-renewal.yaml"
BRONZE_2017 = ROOT / "examples" / "vevnad" / "2017-bronze.yaml"
EXAMPLES = ROOT / "examples"
COHORT = FIXTURES / "hostile" / "cohort.json"
CRITERIA = ROOT / "criteria" / "esca-gold.yaml"

# A valid command line of every command (each leaf of the parser): the tests below add
# one mistake to it at a time.
VALID: dict[str, list[str]] = {
    "validate": [str(GOLD)],
    "score": [str(GOLD)],
    "report": [str(GOLD), "-o", "r.html"],
    "cohort build": [str(GOLD), "-o", "c.json"],
    "compare": [str(GOLD), str(RENEWAL)],
    "history": [str(EXAMPLES), "--organisation", "Fjordhelse Cluster"],
    "register": [str(EXAMPLES)],
    "certificate": [str(GOLD), "-o", "c.pdf"],
    "batch": [str(EXAMPLES), "-o", "out"],
    "doctor": [],
    "criteria list": [],
    "criteria show": ["esca-gold"],
    "criteria diff": ["esca-bronze@pre-2019", "esca-bronze"],
    "new": ["esca-gold"],
    "migrate": [str(BRONZE_2017), "--to", "esca-bronze@2019", "-o", "m.yaml"],
    "schema": ["result"],
    "serve": [str(EXAMPLES)],
    "completion": ["bash"],
}


def leaves(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command's parser, by its name (`criteria show`)."""
    found = False
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found = True
            for name, sub in action.choices.items():
                yield from leaves(sub, f"{prefix} {name}".strip())
    if not found:
        yield prefix, parser


LEAVES = dict(leaves(build_parser()))


def test_every_command_has_a_valid_line_here() -> None:
    assert set(VALID) == set(LEAVES)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("name", sorted(VALID))
def test_an_unknown_option_prints_the_commands_own_usage(
    name: str, capsys: pytest.CaptureFixture[str], empty: Path
) -> None:
    code, out, err = run([*name.split(), *VALID[name], "--bogus"], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(f"usage: clusterbench {name} ")
    assert err.endswith(f"clusterbench {name}: error: unrecognized arguments: --bogus\n")
    assert os.listdir(empty) == []


@pytest.mark.parametrize(
    ("args", "usage", "message"),
    [
        (["--bogus"], "clusterbench [-h]", "clusterbench: error: unrecognized arguments: --bogus"),
        ([], "clusterbench [-h]", "the following arguments are required: COMMAND"),
        (["criteria"], "clusterbench criteria [-h]", "arguments are required: ACTION"),
        (["criteria", "--bogus"], "clusterbench criteria [-h]", "unrecognized arguments: --bogus"),
        (["cohort"], "clusterbench cohort [-h]", "arguments are required: ACTION"),
        (["--bogus", "score", str(GOLD)], "clusterbench [-h]", "unrecognized arguments: --bogus"),
    ],
)
def test_a_missing_or_unknown_command_prints_the_usage_of_its_level(
    args: list[str], usage: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(args, capsys)
    assert code == 2
    assert err.startswith(f"usage: {usage}")
    assert message in err


# Every argument that names a file or folder to read, with a path that does not exist in
# its place: a usage error (exit 2) with the command's usage, as for a wrong id.
MISSING = "no/such.yaml"
PATHS: list[tuple[str, list[str]]] = [
    ("validate", [MISSING]),
    ("validate", [str(GOLD), MISSING]),
    ("score", [MISSING]),
    ("score", [str(GOLD), "--previous", MISSING]),
    ("score", [str(GOLD), "--cohort", MISSING]),
    ("score", [str(GOLD), "--criteria", MISSING]),
    ("report", [MISSING, "-o", "r.html"]),
    ("report", [str(GOLD), "-o", "r.html", "--previous", MISSING]),
    ("report", [str(GOLD), "-o", "r.html", "--cohort", MISSING]),
    ("report", [str(GOLD), "-o", "r.html", "--criteria", MISSING]),
    ("report", [str(GOLD), "-o", "r.html", "--logo", MISSING]),
    ("report", [str(GOLD), "-o", "r.html", "--templates", MISSING]),
    ("cohort build", [MISSING, "-o", "c.json"]),
    ("compare", [MISSING, str(GOLD)]),
    ("compare", [str(GOLD), MISSING]),
    ("history", [MISSING, "--organisation", "X"]),
    ("register", [MISSING]),
    ("certificate", [MISSING, "-o", "c.pdf"]),
    ("batch", [MISSING, "-o", "out"]),
    ("batch", [str(EXAMPLES), "-o", "out", "--cohort", MISSING]),
    ("batch", [str(EXAMPLES), "-o", "out", "--templates", MISSING]),
    ("batch", [str(EXAMPLES), "-o", "out", "--logo", MISSING]),
    ("criteria show", [MISSING]),
    ("criteria diff", [MISSING, "esca-gold"]),
    ("criteria diff", ["esca-gold", MISSING]),
    ("new", [MISSING]),
    ("migrate", [MISSING, "--to", "esca-bronze@2019", "-o", "m.yaml"]),
    ("serve", [MISSING]),
]


@pytest.mark.parametrize(("name", "args"), PATHS)
def test_a_path_that_does_not_exist_is_a_usage_error_on_every_command(
    name: str, args: list[str], capsys: pytest.CaptureFixture[str], empty: Path
) -> None:
    code, out, err = run([*name.split(), *args], capsys)
    assert code == 2, err
    assert out == ""
    assert err.startswith(f"usage: clusterbench {name} ")
    assert f"{MISSING}: no such " in err
    assert "Traceback" not in err
    assert os.listdir(empty) == []


def test_every_path_argument_is_in_the_table_above() -> None:
    # A new path option must join the rule (and the table): found by its type.
    options = {
        (name, action.option_strings[0] if action.option_strings else action.dest)
        for name, parser in LEAVES.items()
        for action in parser._actions
        if action.type is input_path
    }
    tested = set()
    for name, args in PATHS:
        at = args.index(MISSING)
        if at > 0 and args[at - 1].startswith("--"):
            tested.add((name, args[at - 1]))
    positional = {(n, a) for n, a in options if not a.startswith("--")}
    assert {(n, a) for n, a in options if a.startswith("--")} <= tested
    assert {n for n, _ in positional} <= {n for n, _ in PATHS}


@pytest.mark.parametrize("name", ["score", "criteria show", "new", "criteria diff"])
def test_a_criteria_reference_is_looked_up_by_one_rule(
    name: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    # score --criteria, criteria show, new and criteria diff say the same of each reference
    prefix = {"score": [str(GOLD), "--criteria"], "criteria diff": ["esca-gold"]}.get(name, [])
    code, _, err = run([*name.split(), *prefix, str(folder)], capsys)
    assert code == 1
    assert err.startswith(f"{folder}: is a directory, not a regular file [CB100]\n")
    code, _, err = run([*name.split(), *prefix, "esca-gld"], capsys)
    assert code == 2
    assert err.startswith(f"usage: clusterbench {name} ")
    assert "no criteria 'esca-gld'; did you mean 'esca-gold'? (bundled: " in err
    code, _, err = run([*name.split(), *prefix, str(tmp_path / "gone.yaml")], capsys)
    assert code == 2
    assert f"{tmp_path / 'gone.yaml'}: no such criteria file" in err


def test_a_path_with_a_nul_character_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["score", "a\0b.yaml"], ["validate", "a\0b"], ["report", str(GOLD), "-o", "a\0b"]):
        code, _, err = run(args, capsys)
        assert code == 2
        assert "a path cannot hold a NUL character" in err


# -- -o ------------------------------------------------------------------------------------

OUTPUTS = {
    "report": ([str(GOLD), "--format", "json"], b'{\n  "format": 1,'),
    "report html": ([str(GOLD), "--format", "html"], b"<!DOCTYPE html>"),
    "certificate": ([str(GOLD)], b"%PDF-"),
    "cohort build": ([str(GOLD), "--min-size", "1"], b'{\n "kind": "cohort",'),
    "register": ([str(EXAMPLES), "--format", "json", "--as-of", "2024-01-01"], b'{\n  "as_of"'),
    "new": (["esca-gold", "--lang", "nb"], b"# Vurdering etter esca-gold 2019"),
    "migrate": ([str(BRONZE_2017), "--to", "esca-bronze@2019"], b"# yaml-language-server"),
}


def test_every_command_with_o_is_tested_for_standard_output() -> None:
    with_o = {
        name
        for name, parser in LEAVES.items()
        for action in parser._actions
        if "-o" in action.option_strings
    }
    assert with_o == {n.split(" html")[0] for n in OUTPUTS} | {"batch"}


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_o_dash_writes_the_product_to_standard_output_and_notes_to_standard_error(
    name: str, capsysbinary: pytest.CaptureFixture[bytes], empty: Path
) -> None:
    args, start = OUTPUTS[name]
    command = name.removesuffix(" html").split()
    code = main([*command, *args, "-o", "-"])
    out, err = capsysbinary.readouterr()
    assert code == 0, err
    assert out.startswith(start)
    assert b"Traceback" not in err
    assert not err or err.decode().startswith("wrote standard output")
    assert os.listdir(empty) == []


def test_batch_refuses_standard_output(capsys: pytest.CaptureFixture[str], empty: Path) -> None:
    code, _, err = run(["batch", str(EXAMPLES), "-o", "-"], capsys)
    assert code == 2
    assert err.startswith("usage: clusterbench batch ")
    assert "standard output (-) cannot hold" in err
    assert os.listdir(empty) == []


def test_a_batch_name_that_cannot_name_outputs_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], empty: Path
) -> None:
    code, _, err = run(["batch", str(EXAMPLES), "-o", "out", "--name", "x"], capsys)
    assert code == 2
    assert err.startswith("usage: clusterbench batch ")
    assert "every output would have the same name" in err
    assert os.listdir(empty) == []


def test_every_o_says_whether_it_takes_a_dash() -> None:
    for name, parser in LEAVES.items():
        for action in parser._actions:
            if "-o" in action.option_strings:
                assert ("(- for standard output)" in (action.help or "")) == (name != "batch")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("report", [str(GOLD), "--format", "html"]),
        ("certificate", [str(GOLD)]),
        ("cohort build", [str(GOLD)]),
        ("register", [str(EXAMPLES)]),
        ("new", ["esca-gold"]),
        ("migrate", [str(BRONZE_2017), "--to", "esca-bronze@2019"]),
    ],
)
def test_o_never_makes_a_missing_folder(
    name: str, args: list[str], capsys: pytest.CaptureFixture[str], empty: Path
) -> None:
    code, _, err = run([*name.split(), *args, "-o", "nowhere/out.file"], capsys)
    assert code == 1
    assert "nowhere/out.file: the folder nowhere does not exist; make it first" in err
    assert os.listdir(empty) == []


# -- options defined once ------------------------------------------------------------------


def test_every_lang_offers_the_languages_clusterbench_writes() -> None:
    found = 0
    for parser in LEAVES.values():
        for action in parser._actions:
            if "--lang" in action.option_strings:
                found += 1
                assert tuple(action.choices or ()) == LANGUAGES
    assert found == 11


@pytest.mark.parametrize(
    "args",
    [
        ["criteria", "diff", "esca-bronze@pre-2019", "esca-bronze", "--lang", "xx"],
        ["migrate", str(BRONZE_2017), "--to", "esca-bronze@2019", "-o", "-", "--lang", "xx"],
        ["score", str(FIXTURES / "scoring" / "gold-2023.yaml"), "--lang", "de"],
        ["report", str(FIXTURES / "scoring" / "gold-2023.yaml"), "-o", "r.html", "--lang", "de"],
    ],
)
def test_a_language_clusterbench_or_the_criteria_lack_is_a_usage_error(
    args: list[str], capsys: pytest.CaptureFixture[str], empty: Path
) -> None:
    code, _, err = run(args, capsys)
    assert code == 2
    assert err.startswith(f"usage: clusterbench {args[0]}")
    assert "invalid choice: 'xx'" in err or "they have no 'de' texts" in err
    assert os.listdir(empty) == []


def test_choices_come_from_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    from typing import get_args

    from clusterbench.models.cohort import Grouping
    from clusterbench.models.schema import SCHEMA_NAMES

    by = next(a for a in LEAVES["cohort build"]._actions if "--by" in a.option_strings)
    assert tuple(by.choices or ()) == get_args(Grouping)
    name = next(a for a in LEAVES["schema"]._actions if a.dest == "name")
    assert tuple(name.choices or ()) == SCHEMA_NAMES
    code, out, _ = run(["schema", "cohort"], capsys)
    assert code == 0
    assert json.loads(out)["title"] == "clusterbench cohort file"


def test_building_the_command_line_imports_no_model() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from clusterbench.cli import build_parser; build_parser(); "
        "assert 'pydantic' not in sys.modules, 'pydantic'; "
        "assert 'clusterbench.models' not in sys.modules, 'models'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
