"""What makes a report quick, kept honest: the caches never serve stale work, and the
PDF helper process gives the same bytes, carries errors back and never outlives the
command."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clusterbench import ReportError, _cache, score_file
from clusterbench.loader import cached
from clusterbench.loader.cached import load_bundled_criteria
from clusterbench.report import templating
from clusterbench.report.pdf import html_to_pdf
from clusterbench.report.printer import Printer
from clusterbench.report.render import _attachments, _html, _options

from .conftest import ROOT

GOLD = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
ELIGIBILITY = ROOT / "criteria" / "esca-eligibility.yaml"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLUSTERBENCH_CACHE_DIR", str(folder))
    templating._bytecode_cache.cache_clear()
    templating._environment.cache_clear()
    yield folder
    templating._bytecode_cache.cache_clear()
    templating._environment.cache_clear()


# -- criteria ---------------------------------------------------------------------------


def test_a_bundled_set_is_read_once_then_taken_from_the_cache(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, text = load_bundled_criteria(ELIGIBILITY)
    entries = list((cache_dir / "criteria").glob("esca-eligibility.*.pickle"))
    assert len(entries) == 1
    assert oct(cache_dir.stat().st_mode & 0o777) == "0o700"

    def not_again(path: object) -> object:
        raise AssertionError("read again")

    monkeypatch.setattr(cached, "load_criteria_file", not_again)
    second, again = load_bundled_criteria(ELIGIBILITY)
    assert second == first
    assert again == text == ELIGIBILITY.read_text(encoding="utf-8")


def test_an_edited_file_is_read_again_and_its_old_entry_goes(
    cache_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "esca-eligibility.yaml"
    shutil.copyfile(ELIGIBILITY, copy)
    before, _ = load_bundled_criteria(copy)
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("en: Membership,", "en: Members,", 1), encoding="utf-8")
    after, _ = load_bundled_criteria(copy)
    assert before.categories[1].title.get("en") == "Membership"
    assert after.categories[1].title.get("en") == "Members"
    assert len(list((cache_dir / "criteria").glob("esca-eligibility.*.pickle"))) == 1


def test_a_torn_or_foreign_entry_is_not_used(cache_dir: Path) -> None:
    good, _ = load_bundled_criteria(ELIGIBILITY)
    (entry,) = (cache_dir / "criteria").glob("esca-eligibility.*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle")
    assert load_bundled_criteria(ELIGIBILITY)[0] == good
    import pickle

    entry.write_bytes(pickle.dumps(("another key", good)))
    assert load_bundled_criteria(ELIGIBILITY)[0] == good
    assert pickle.loads(entry.read_bytes())[0] != "another key"  # written anew


def test_other_code_finds_no_entry(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_bundled_criteria(ELIGIBILITY)
    monkeypatch.setattr(cached, "code_fingerprint", lambda: "other code")
    calls: list[object] = []
    real = cached.load_criteria_file

    def counted(path: Path) -> object:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(cached, "load_criteria_file", counted)
    load_bundled_criteria(ELIGIBILITY)
    assert calls == [ELIGIBILITY]


def test_a_cache_folder_others_may_write_to_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    monkeypatch.setenv("CLUSTERBENCH_CACHE_DIR", str(folder))
    assert _cache.cache_folder("criteria") is None
    assert load_bundled_criteria(ELIGIBILITY)[0].id == "esca-eligibility"
    assert not list(folder.rglob("*.pickle"))
    monkeypatch.setenv("CLUSTERBENCH_CACHE_DIR", "off")
    assert _cache.cache_folder("criteria") is None


def test_a_cache_that_cannot_be_made_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLUSTERBENCH_CACHE_DIR", str(blocker / "cache"))
    assert _cache.cache_folder("criteria") is None
    assert load_bundled_criteria(ELIGIBILITY)[0].id == "esca-eligibility"


# -- templates --------------------------------------------------------------------------


def test_an_edited_template_is_compiled_again(cache_dir: Path, tmp_path: Path) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    page = mine / "note.html"
    page.write_text("first {{ word }}", encoding="utf-8")
    dirs = templating.template_dirs(mine)
    assert templating.render_template("note.html", "en", dirs, word="take") == "first take"
    compiled = list((cache_dir / "templates").glob("*.cache"))
    assert compiled
    assert all(p.name.startswith(_cache.code_fingerprint()[:16]) for p in compiled)
    page.write_text("second {{ word }}", encoding="utf-8")
    templating._environment.cache_clear()  # as a new process would
    assert templating.render_template("note.html", "en", dirs, word="take") == "second take"


def test_entries_of_other_code_are_removed(cache_dir: Path) -> None:
    folder = cache_dir / "templates"
    folder.mkdir(parents=True, mode=0o700)
    cache_dir.chmod(0o700)
    stale = folder / "0000000000000000-abc.cache"
    stale.write_bytes(b"old")
    assert templating._bytecode_cache() is not None
    assert not stale.exists()


# -- the PDF helper process -------------------------------------------------------------


def _job(scored: object) -> tuple[str, dict[str, object]]:
    html, dirs = _html(scored, _options("en", "full", None, None, None, None))  # type: ignore[arg-type]
    return html, {
        "base": dirs[0],
        "roots": list(dirs),
        "attachments": _attachments(scored),  # type: ignore[arg-type]
        "date": scored.result.assessment.date,  # type: ignore[attr-defined]
    }


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped: no zombie left
    return False


def test_the_helper_gives_the_same_bytes_and_is_reaped() -> None:
    html, job = _job(score_file(GOLD))
    printer = Printer.start()
    assert printer is not None
    pid = printer.pid
    there = printer.render(html, **job)  # type: ignore[arg-type]
    printer.close()
    here = html_to_pdf(html, **job)  # type: ignore[arg-type]
    assert there == here
    assert _gone(pid)


def test_an_error_in_the_helper_is_raised_here() -> None:
    html, job = _job(score_file(GOLD))
    printer = Printer.start()
    assert printer is not None
    pid = printer.pid
    with pytest.raises(ReportError, match="unknown PDF variant"):
        printer.render(html, **job, variant="pdf/z")  # type: ignore[arg-type]
    printer.close()
    assert _gone(pid)


def test_a_helper_given_no_job_ends() -> None:
    printer = Printer.start()
    assert printer is not None
    pid = printer.pid
    printer.close()
    assert _gone(pid)
    printer.close()  # twice is harmless


def _descendants(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _wait_for_helper(process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        children = _descendants(process.pid)
        if children:
            return children[0]
        time.sleep(0.01)
    raise AssertionError("no helper process appeared")


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _report(tmp_path: Path) -> subprocess.Popen[bytes]:
    with open(tmp_path / "stderr", "wb") as errors:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "clusterbench",
                "report",
                str(GOLD),
                "-o",
                str(tmp_path / "r.pdf"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize(
    ("sent", "after"),
    [(signal.SIGINT, 0.0), (signal.SIGTERM, 0.0), (signal.SIGINT, 0.6), (signal.SIGTERM, 0.6)],
)
def test_an_interrupted_report_leaves_no_process(
    tmp_path: Path, sent: signal.Signals, after: float
) -> None:
    process = _report(tmp_path)
    helper = _wait_for_helper(process)
    time.sleep(after)  # at once (while scoring), or while the helper lays the PDF out
    os.killpg(process.pid, sent)  # as a terminal's Ctrl-C or a service manager does
    process.wait(timeout=20)
    deadline = time.monotonic() + 10
    while _alive(helper) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(helper)
    assert not (tmp_path / "r.pdf").exists()
    assert "Traceback" not in (tmp_path / "stderr").read_text()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_helper_whose_command_is_killed_ends_too(tmp_path: Path) -> None:
    process = _report(tmp_path)
    helper = _wait_for_helper(process)
    process.kill()  # the command alone, without a chance to clean up
    process.wait(timeout=20)
    deadline = time.monotonic() + 20
    while _alive(helper) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(helper)
