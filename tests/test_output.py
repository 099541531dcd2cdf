"""Outputs never lose data: never over an input or a non-regular file, whole or not at all.

Every command that writes (report, cohort build, new, batch) goes through the one writer;
each class of target is tried here: an input of the run (directly, through a hard link,
through a symbolic link), a FIFO, a device, a folder, a path below a file, a read-only
folder, a symbolic link (written through), a dangling link; the permissions of a new and
of a replaced file; temporaries removed on failure and, when a writer was killed, by
the next run; and ``-o -`` for standard output.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from clusterbench import OutputError
from clusterbench.cli import main
from clusterbench.pipeline.files import (
    Inputs,
    check_output,
    new_file_mode,
    remove_stale_temporaries,
    write_atomically,
)

from .conftest import ROOT

HISTORY = ROOT / "examples" / "fjordhelse"


@pytest.fixture
def history(tmp_path: Path) -> Path:
    folder = tmp_path / "fjordhelse"
    shutil.copytree(HISTORY, folder)
    return folder


def _report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_report_never_replaces_an_input_of_the_run(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = history / "2021-gold.yaml"
    silver = history / "2019-silver.yaml"  # its previous assessment, read with it
    bronze = history / "2017-bronze.yaml"
    before = {p: p.read_bytes() for p in history.iterdir()}
    (tmp_path / "hard.pdf").hardlink_to(silver)
    (tmp_path / "soft.json").symlink_to(bronze)
    for target, input_ in (
        (gold, gold),
        (silver, silver),
        (tmp_path / "hard.pdf", silver),
        (tmp_path / "soft.json", bronze),
    ):
        code, _, err = _report(capsys, str(gold), "-o", str(target))
        assert code == 1
        assert "is an input of this run" in err, err
        assert os.path.basename(input_) in err
    assert {p: p.read_bytes() for p in history.iterdir()} == before


def test_a_report_is_never_written_over_the_criteria_cohort_or_logo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    criteria = tmp_path / "threshold.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "scoring" / "threshold.yaml", criteria)
    assessment = tmp_path / "a.yaml"
    assessment.write_text(
        "kind: assessment\nformat: 1\norganisation: {name: T, country: NOR}\n"
        "assessment: {date: 2021-11-06}\ncriteria: {id: threshold, file: threshold.yaml}\n"
        "related: {esca-eligibility: {level: eligible}}\n"
        "answers: {A: true, B: 15, C: 3, D: true, E: 50}\n"
    )
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(92))  # an image by its first bytes
    for target in (criteria, logo):
        kept = target.read_bytes()
        code, _, err = _report(
            capsys, str(assessment), "-o", str(target), "--format", "html", "--logo", str(logo)
        )
        assert code == 1, err
        assert "is an input of this run" in err
        assert target.read_bytes() == kept
    code = main(["cohort", "build", str(tmp_path), "-o", str(assessment), "--min-size", "1"])
    assert code == 1
    assert "is an input of this run" in capsys.readouterr().err
    assert assessment.read_text().startswith("kind: assessment")


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "below a file"])
def test_a_non_regular_target_is_refused_and_left_as_it_is(
    kind: str, history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if kind == "fifo":
        target = tmp_path / "out.pdf"
        os.mkfifo(target)
        said = "is a FIFO (named pipe); outputs are written to regular files only"
    elif kind == "device":
        target = Path("/dev/null")
        said = "is a character device; outputs are written to regular files only"
    elif kind == "folder":
        target = tmp_path / "reports"
        target.mkdir()
        said = "is a folder; name a file in it"
    else:
        target = history / "2021-gold.yaml" / "report.pdf"
        said = "a part of the path is a file, not a folder"
    code, _, err = _report(capsys, str(history / "2021-gold.yaml"), "-o", str(target))
    assert code == 1
    assert said in err
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    if kind == "device":
        assert stat.S_ISCHR(os.stat(target).st_mode)


def test_symbolic_links_are_written_through_and_broken_ones_refused(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert _report(capsys, str(history / "2021-gold.yaml"), "-o", str(link))[0] == 0
    assert link.is_symlink()
    assert json.loads(real.read_text())["level"] == "gold"
    dangling = tmp_path / "gone.json"
    dangling.symlink_to(tmp_path / "nowhere" / "x.json")
    code, _, err = _report(capsys, str(history / "2021-gold.yaml"), "-o", str(dangling))
    assert code == 1
    assert "is a symbolic link to a file that does not exist" in err
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    code, _, err = _report(capsys, str(history / "2021-gold.yaml"), "-o", str(loop))
    assert code == 1
    assert "symbolic links form a loop" in err


def test_a_read_only_folder_is_a_clear_error(history: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    command = [sys.executable, "-m", "clusterbench", "report", str(history / "2021-gold.yaml")]
    command += ["-o", str(folder / "r.json")]
    if os.geteuid() == 0:  # root writes anywhere: drop the capability, as for any user
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert f"cannot write in {folder}: permission denied" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_umask_permissions(umask: int, mode: int, tmp_path: Path) -> None:
    previous = os.umask(umask)
    try:
        assert new_file_mode() == mode
        written = write_atomically(tmp_path / "r.json", b"{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(written.stat().st_mode) == mode


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_write_leaves_nothing_and_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")

    def broken(handle: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OutputError, match=r"r\.json: Input/output error"):
        write_atomically(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
    assert target.read_text() == "old"


def _unused_pid() -> int:
    """A process id no process has now (counted down from the largest Linux gives)."""
    for pid in range(2**22 - 1, 1, -1):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            continue
    raise AssertionError("every process id is in use")


def test_temporaries_of_killed_writers_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / f".r.json.{_unused_pid()}.abcdefgh.part"  # no process has this id
    alive = tmp_path / f".r.json.{os.getppid()}.abcdefgh.part"  # a process that runs
    other = tmp_path / ".notes.txt.part"  # not ours: left alone
    for path in (dead, alive, other):
        path.write_text("half")
    write_atomically(tmp_path / "r.json", b"{}")
    assert not dead.exists()
    assert alive.exists()
    assert other.exists()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / f".x.pdf.{_unused_pid()}.abcdefgh.part").write_text("half")
    assert remove_stale_temporaries(tmp_path, recursive=True) == 1


@pytest.mark.parametrize("pid", ["2147483648", "9" * 26, "0", "00123", "4194305"])
def test_a_temporary_whose_id_no_writer_of_ours_has_is_stale(
    pid: str, history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ids beyond a C int overflowed os.kill (exit 3); 0 would signal the process group.

    We write ids from 1 to the system's limit without leading zeros: a temporary named
    with any other id was left by no live writer of ours, and is removed.
    """
    stray = tmp_path / f".r.html.{pid}.abcdefgh.part"
    stray.write_text("half")
    code, _out, err = _report(
        capsys, str(history / "2021-gold.yaml"), "-o", str(tmp_path / "r.html")
    )
    assert code == 0, err
    assert (tmp_path / "r.html").exists()
    assert not stray.exists()
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / f".2021-gold.json.{pid}.abcdefgh.part").write_text("half")
    argv = ["batch", str(history), "-o", str(batch), "--format", "json"]
    assert main(argv) == 0, capsys.readouterr().err
    assert not list(batch.glob(".*.part"))


def test_a_temporary_of_digits_we_never_write_is_not_ours(tmp_path: Path) -> None:
    other = tmp_path / ".r.html.\u0663\u0663.abcdefgh.part"  # Arabic-Indic digits
    other.write_text("not ours")
    write_atomically(tmp_path / "r.html", b"<html></html>")
    assert other.read_text() == "not ours"


_COMMANDS_TO_STDOUT = {
    "report json": ["report", "{gold}", "-o", "-", "--format", "json"],
    "report html": ["report", "{gold}", "-o", "-", "--format", "html"],
    "report pdf": ["report", "{gold}", "-o", "-", "--audience", "summary"],
    "cohort build": ["cohort", "build", "{silver}", "{gold}", "-o", "-", "--min-size", "1"],
    "certificate": ["certificate", "{gold}", "-o", "-", "--draft"],
    "register": ["register", "{folder}", "-o", "-"],
    "migrate": ["migrate", "{bronze}", "--to", "esca-bronze", "-o", "-"],
    "new": ["new", "{criteria}", "-o", "-"],
}
_READ = {  # inputs of each command: the one named, and one it reads through it
    "report json": ("gold", "silver"),
    "report html": ("gold", "silver"),
    "report pdf": ("gold", "silver"),
    "cohort build": ("gold", "silver"),
    "certificate": ("gold", "silver"),
    "register": ("gold", "silver"),
    "migrate": ("bronze",),
    "new": ("criteria",),
}


@pytest.mark.parametrize(
    ("command", "target"), [(c, t) for c in sorted(_COMMANDS_TO_STDOUT) for t in _READ[c]]
)
def test_standard_output_onto_an_input_is_refused(
    command: str, target: str, history: Path, tmp_path: Path
) -> None:
    """`-o - >> input.yaml`: the shell opened the input for appending before we ran."""
    criteria = tmp_path / "threshold.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "scoring" / "threshold.yaml", criteria)
    files = {
        "gold": history / "2021-gold.yaml",
        "silver": history / "2019-silver.yaml",  # the previous assessment, read with gold
        "bronze": history / "2017-bronze.yaml",
        "folder": history,
        "criteria": criteria,
    }
    argv = [part.format(**files) for part in _COMMANDS_TO_STDOUT[command]]
    victim = files[target]
    before = victim.read_bytes()
    with victim.open("ab") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "clusterbench", *argv],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=False,
            check=False,
        )
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert f"standard output is an input of this run ({victim}" in err, err
    assert "Traceback" not in err
    assert victim.read_bytes() == before


def test_dash_writes_to_standard_output(
    history: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    gold = str(history / "2021-gold.yaml")
    assert main(["report", gold, "-o", "-", "--format", "json"]) == 0
    out, err = capsysbinary.readouterr()
    assert json.loads(out)["level"] == "gold"
    assert b"wrote standard output" in err
    assert main(["report", gold, "-o", "-", "--format", "html"]) == 0
    assert capsysbinary.readouterr().out.rstrip().endswith(b"</html>")
    assert main(["report", gold, "-o", "-", "--audience", "summary"]) == 0
    pdf = capsysbinary.readouterr().out
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    # One version of each criteria set: the Bronze of 2017 answered the one before 2019.
    recent = [str(history / "2019-silver.yaml"), gold]
    assert main(["cohort", "build", *recent, "-o", "-", "--min-size", "1"]) == 0
    out, err = capsysbinary.readouterr()
    assert json.loads(out)["kind"] == "cohort"
    assert b"wrote standard output" in err
    assert main(["new", "esca-gold", "-o", "-"]) == 0
    assert b"kind: assessment" in capsysbinary.readouterr().out
    assert not (Path.cwd() / "-").exists()


def test_a_pdf_is_not_written_to_a_terminal(
    history: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["report", str(history / "2021-gold.yaml"), "-o", "-"]) == 2
    assert "redirect it" in capsys.readouterr().err


def test_new_never_writes_over_its_criteria(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    criteria = tmp_path / "threshold.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "scoring" / "threshold.yaml", criteria)
    kept = criteria.read_bytes()
    assert main(["new", str(criteria), "-o", str(criteria), "--force"]) == 1
    assert "is an input of this run" in capsys.readouterr().err
    assert criteria.read_bytes() == kept


def test_batch_into_a_file_or_over_an_input_is_refused(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "out"
    file.write_text("a file")
    assert main(["batch", str(history), "-o", str(file), "--format", "json"]) == 1
    assert "is not a folder" in capsys.readouterr().err
    assert file.read_text() == "a file"
    # A criteria file named like an output: the batch must not write over it.
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "scoring" / "threshold.yaml", folder / "a.json")
    (folder / "a.yaml").write_text(
        "kind: assessment\nformat: 1\norganisation: {name: T, country: NOR}\n"
        "assessment: {date: 2021-11-06}\ncriteria: {id: threshold, file: a.json}\n"
        "related: {esca-eligibility: {level: eligible}}\n"
        "answers: {A: true, B: 15, C: 3, D: true, E: 50}\n"
    )
    kept = (folder / "a.json").read_bytes()
    assert main(["batch", str(folder), "-o", str(folder), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert "a.json is an input of this run" in err
    assert (folder / "a.json").read_bytes() == kept
    assert not list(folder.glob(".*.part"))


def test_check_output_sees_every_input(tmp_path: Path) -> None:
    source = tmp_path / "in.yaml"
    source.write_text("x")
    with pytest.raises(OutputError, match="is an input of this run"):
        check_output(source, Inputs([source]))
    assert (
        check_output(tmp_path / "new" / "out.pdf", Inputs([source])) == tmp_path / "new" / "out.pdf"
    )


def test_long_words_get_break_opportunities_in_text_only() -> None:
    """A word of thousands of characters took WeasyPrint super-linear time to break; the
    report gives every word longer than LONG_WORD a U+200B every SPAN characters, and
    leaves attributes, styles, titles, inline SVG, hashes and addresses as they are."""
    from clusterbench.report.breaks import LONG_WORD, SPAN, break_long_words

    word = "w" * 95
    link = "file:///" + "x" * 80
    html = (
        f'<html><head><title>{word}</title><style>@font-face {{src: url("{link}")}}</style>'
        f'</head><body><a href="{link}">{word}</a><p>{"&amp;" * 40} short words stay</p>'
        f"<svg><text>{word}</text></svg><p>{'y' * LONG_WORD}</p>"
        f'<td class="hash">{"0f" * 32}</td><span class="url">https://{word}</span></body></html>'
    )
    out = break_long_words(html)
    zwsp = "\u200b"
    pieces = ["w" * SPAN] * 4 + ["w" * 15]
    assert f'<a href="{link}">{zwsp.join(pieces)}</a>' in out
    assert f"<title>{word}</title>" in out
    assert f'url("{link}")' in out
    assert f"<svg><text>{word}</text></svg>" in out
    assert f"<p>{'&amp;' * 20}{zwsp}{'&amp;' * 20} short words stay</p>" in out
    assert f"<p>{'y' * LONG_WORD}</p>" in out  # not longer than LONG_WORD: as it is
    # copied to be checked or opened, and broken anywhere by the stylesheet: as written
    assert f'<td class="hash">{"0f" * 32}</td><span class="url">https://{word}</span>' in out
    assert out.replace(zwsp, "") == html
    assert break_long_words(out) == out  # once is enough


def test_a_report_lays_out_no_word_longer_than_the_break_span(tmp_path: Path) -> None:
    from clusterbench import render_html, score_file
    from clusterbench.report.breaks import SPAN

    from .hostile import assessment

    path = tmp_path / "a.yaml"
    word = "w" * 5000  # the longest text the value domain allows, in one word
    path.write_text(assessment().replace("{A: true,", f"{{A: {{value: true, comment: {word}}},"))
    html = render_html(score_file(path))
    body = html.split("<body", 1)[1]
    assert "w" * (SPAN + 1) not in body
    assert body.count("w" * SPAN) >= 5000 // SPAN
