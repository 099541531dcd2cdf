"""What the command line writes, wherever it goes: readable text on any encoding, machine
output unaltered, a clean error on a full or closed stream."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from clusterbench.cli import main
from clusterbench.cli.console import FALLBACK, transliterate

from .conftest import ROOT

GOLD = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
RENEWAL = ROOT / "examples" / "fjordhelse" / "2023-gold-renewal.yaml"
EXAMPLES = ROOT / "examples"
DIFF = ["criteria", "diff", "esca-bronze@pre-2019", "esca-bronze"]


# -- the ASCII stand-ins -----------------------------------------------------------------


def _corpus() -> dict[str, str]:
    """Every non-ASCII character of the catalogs, criteria, examples, templates and code
    (whatever clusterbench may print), with a file it is in."""
    found: dict[str, str] = {}
    for pattern in (
        "src/clusterbench/report/locale/*/LC_MESSAGES/*.po",
        "criteria/*.yaml",
        "examples/**/*.yaml",
        "templates/**/*.html",
        "src/clusterbench/**/*.py",
    ):
        for path in sorted(ROOT.glob(pattern)):
            for char in path.read_text(encoding="utf-8"):
                if not char.isascii():
                    found.setdefault(char, path.name)
    return found


CORPUS = _corpus()


def test_the_corpus_holds_the_letters_and_symbols_of_three_languages() -> None:
    assert set("øæåßäöü✓✗·●─–—→≥") <= set(CORPUS)


@pytest.mark.parametrize("char", sorted(CORPUS), ids=lambda c: f"U+{ord(c):04X}")
def test_every_character_clusterbench_writes_has_a_readable_stand_in(char: str) -> None:
    said = transliterate(char)
    assert said.isascii()
    assert "?" not in said, f"{char!r} from {CORPUS[char]}"
    assert said or unicodedata.category(char) in ("Mn", "Cf")


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("Sølv", "Solv"),
        ("før", "for"),
        ("Ærlig sær", "AErlig saer"),
        ("Ålesund, Bodø", "Alesund, Bodo"),
        ("Angestoßene Übersicht", "Angestossene Uebersicht"),
        ("Gesundheits­daten", "Gesundheitsdaten"),  # a soft hyphen is dropped
        ("● nein ─── ja", "* nein --- ja"),
        ("1 – 2 — 3 − 4", "1 - 2 - 3 - 4"),
        ("«sitat» „Zitat“ “quote”", '"sitat" "Zitat" "quote"'),
        ("✓ 120 ≥ 80 %", "ok 120 >= 80 %"),
        ("├─ └─ │", "|- `- |"),
        ("½ · …", "1/2 - ..."),
    ],
)
def test_letters_keep_their_sound_and_symbols_their_sense(text: str, ascii: str) -> None:
    assert text.encode("ascii", errors=FALLBACK).decode("ascii") == ascii


def test_cp1252_keeps_what_it_has_and_stands_in_for_the_rest() -> None:
    text = "Sølv · ● Angestoßene ─ ✓"
    assert text.encode("cp1252", errors=FALLBACK).decode("cp1252") == "Sølv · * Angestoßene - ok"


# -- every text command, in every language, on narrow encodings ---------------------------

AS_OF = ["--as-of", "2024-01-01"]
TEXT = {
    "score": [str(GOLD)],
    "criteria show": ["esca-gold"],
    "criteria diff": DIFF[2:],
}
TEXT_WITHOUT_LANG = {
    "validate": [str(EXAMPLES)],
    "criteria list": [],
    "compare": [str(GOLD), str(RENEWAL)],
    "history": [str(EXAMPLES), "--organisation", "Fjordhelse Cluster", *AS_OF],
    "register": [str(EXAMPLES), *AS_OF],
}
CASES = [
    (name, [*args, "--lang", lang]) for name, args in TEXT.items() for lang in ("en", "nb", "de")
] + list(TEXT_WITHOUT_LANG.items())


def run_on(encoding: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, bytes]:
    """Run a command with standard output in ``encoding``, as a console or a redirect
    with that encoding has it; the bytes written."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, write_through=True)
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", stream)
        code = main(args)
        stream.flush()
    return code, raw.getvalue()


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
@pytest.mark.parametrize(("name", "args"), CASES, ids=[f"{n} {' '.join(a[-2:])}" for n, a in CASES])
def test_text_commands_write_stand_ins_not_question_marks(
    name: str,
    args: list[str],
    encoding: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    command = [*name.split(), *args]
    code, utf8 = run_on("utf-8", command, monkeypatch)
    assert code == 0, capsys.readouterr().err
    text = utf8.decode("utf-8")
    code, narrow = run_on(encoding, command, monkeypatch)
    assert code == 0
    assert "Traceback" not in capsys.readouterr().err
    assert narrow == text.encode(encoding, errors=FALLBACK)
    said = narrow.decode(encoding)  # strict: every byte is valid in the encoding
    assert said.count("?") == text.count("?")  # stand-ins, never question marks
    if encoding == "ascii" and text.isascii() is False:
        assert said != text


# -- machine output is never altered -------------------------------------------------------

MACHINE = {
    "criteria diff json nb": [*DIFF, "--format", "json", "--lang", "nb"],
    "criteria list json": ["criteria", "list", "--format", "json"],
    "compare json": ["compare", str(GOLD), str(RENEWAL), "--format", "json"],
    "history json": [
        "history",
        str(EXAMPLES),
        "--organisation",
        "Fjordhelse Cluster",
        "--format",
        "json",
        *AS_OF,
    ],
    "score json": ["score", str(GOLD), "--format", "json"],
    "validate json": ["validate", str(EXAMPLES), "--format", "json"],
    "register csv": ["register", str(EXAMPLES), "--format", "csv", *AS_OF],
    "new -o -": ["new", "esca-bronze", "--lang", "nb", "-o", "-"],
    "new": ["new", "esca-bronze", "--lang", "de"],
    "schema": ["schema", "criteria"],
    "report json -o -": ["report", str(GOLD), "--format", "json", "--lang", "nb", "-o", "-"],
    "report html -o -": ["report", str(GOLD), "--format", "html", "--lang", "nb", "-o", "-"],
    "register json -o -": ["register", str(EXAMPLES), "--format", "json", "-o", "-", *AS_OF],
    "register html -o -": ["register", str(EXAMPLES), "--format", "html", "-o", "-", *AS_OF],
    "cohort build -o -": ["cohort", "build", str(GOLD), str(RENEWAL), "--min-size", "1", "-o", "-"],
    "migrate -o -": [
        "migrate",
        str(ROOT / "examples" / "vevnad" / "2017-bronze.yaml"),
        "--to",
        "esca-bronze@2019",
        "--lang",
        "nb",
        "-o",
        "-",
    ],
}


@pytest.mark.parametrize("name", sorted(MACHINE))
def test_machine_output_is_utf8_whatever_the_terminal(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, utf8 = run_on("utf-8", MACHINE[name], monkeypatch)
    assert code == 0, capsys.readouterr().err
    code, narrow = run_on("ascii", MACHINE[name], monkeypatch)
    assert code == 0
    assert narrow == utf8
    if name in (
        "criteria diff json nb",
        "new -o -",
        "new",
        "criteria list json",
        "report json -o -",
        "report html -o -",
        "migrate -o -",
    ):
        assert not narrow.isascii()  # letters ASCII lacks, all kept


def test_a_real_ascii_terminal_gets_json_in_utf8() -> None:
    command = [sys.executable, "-m", "clusterbench", *DIFF, "--lang", "nb"]
    utf8 = subprocess.run([*command, "--format", "json"], capture_output=True, check=True).stdout
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    json_out = subprocess.run(
        [*command, "--format", "json"], capture_output=True, env=env, check=True
    ).stdout
    assert json_out == utf8
    assert "ø" in json_out.decode("utf-8")
    text_out = subprocess.run(command, capture_output=True, env=env, check=True).stdout
    assert b"  Sporsmal om megatrender (den digitale og gronne omstillingen" in text_out


# -- standard output that cannot be written -----------------------------------------------


def shell(script: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    cli = f"{sys.executable} -m clusterbench"
    return subprocess.run(
        ["bash", "-c", script.replace("CB", cli)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


@pytest.mark.parametrize(
    "command",
    [
        f"CB report {GOLD} -o - --format html > /dev/full",
        f"CB report {GOLD} -o - --format json > /dev/full",
        f"CB report {GOLD} -o - > /dev/full",
        f"CB score {GOLD} > /dev/full",
        f"CB score {GOLD} --format json > /dev/full",
        "CB criteria list --format json > /dev/full",
        f"CB validate {GOLD} >&-",
        "CB criteria list --format json >&-",
        "CB new esca-gold -o - >&-",
    ],
)
def test_a_full_or_closed_standard_output_is_a_clean_error(command: str) -> None:
    result = shell(command)
    assert result.returncode == 1, result.stderr
    name = "criteria list" if "criteria list" in command else command.split()[1]
    why = "the disk is full" if "/dev/full" in command else "it is closed"
    assert result.stderr.endswith(f"clusterbench {name}: cannot write to standard output: {why}\n")
    assert "wrote" not in result.stderr
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


# One command line of every command that writes to standard output (serve serves a port).
EVERY = {
    "validate": f"validate {EXAMPLES} --lang nb",
    "score": f"score {GOLD} --lang de",
    "report": f"report {GOLD} -o - --format json",
    "cohort build": f"cohort build {GOLD} {RENEWAL} --min-size 1 -o -",
    "compare": f"compare {GOLD} {RENEWAL}",
    "history": f"history {EXAMPLES} --organisation 'Fjordhelse Cluster'",
    "register": f"register {EXAMPLES} --format csv",
    "certificate": f"certificate {GOLD} --draft -o -",
    "batch": f"batch {EXAMPLES / 'vevnad'} -o out --format json",
    "doctor": "doctor",
    "criteria list": "criteria list",
    "criteria show": "criteria show esca-gold --lang nb",
    "criteria diff": f"{' '.join(DIFF)} --lang de",
    "new": "new esca-gold",
    "migrate": f"migrate {ROOT / 'examples' / 'vevnad' / '2017-bronze.yaml'} "
    "--to esca-bronze@2019 -o -",
    "schema": "schema result",
    "completion": "completion bash",
}


def test_every_command_is_checked_on_a_full_standard_output() -> None:
    from .test_cli_usage import LEAVES

    assert set(EVERY) == set(LEAVES) - {"serve"}


@pytest.mark.parametrize("name", sorted(EVERY))
def test_every_command_on_a_full_standard_output_is_a_clean_error(
    name: str, tmp_path: Path
) -> None:
    result = shell(f"CB {EVERY[name]} > /dev/full", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.endswith(
        f"clusterbench {name}: cannot write to standard output: the disk is full\n"
    )
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


def test_a_product_written_to_a_file_is_not_undone_by_a_full_terminal(tmp_path: Path) -> None:
    result = shell(f"CB report {GOLD} -o {tmp_path / 'r.html'} > /dev/full")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_reader_that_leaves_ends_the_command_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "clusterbench", "schema", "criteria"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # as `| head` does once it has read enough
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert err == b""
