"""Ctrl-C and SIGTERM stop every command alike (exit 130, nothing half-written, no helper
process left), and a bug in a worker process is reported as a bug (exit 3)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from clusterbench.cli import main
from clusterbench.pipeline import judging

from .conftest import ROOT

GOLD = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
EXAMPLES = ROOT / "examples"

# Each command is held at a point where it is working (a file half-written, workers
# busy): the patched function says so in a file, then waits to be stopped.
HOLD = {
    # the report's PDF written to its temporary file, not yet renamed over the target
    "report": ("os", "fsync"),
    # the register's judging (in this process, or in each worker)
    "register": ("clusterbench.pipeline.judging", "_Judge.folder"),
    # the cohort's scoring
    "cohort": ("clusterbench.pipeline.cohort", "build_cohort_from"),
}

RUNNER = textwrap.dedent(
    """
    import importlib, pathlib, sys, time
    ready, module, path, *argv = sys.argv[1:]
    owner = importlib.import_module(module)
    *parents, name = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    def hold(*args, **kwargs):
        pathlib.Path(ready).touch()
        time.sleep(120)
    setattr(owner, name, hold)
    if "--parallel" in argv:  # workers even for a few files
        argv.remove("--parallel")
        import clusterbench.pipeline.judging as judging
        judging._PARALLEL_FROM = 1
    from clusterbench.cli import main
    sys.exit(main(argv))
    """
)


def start(tmp_path: Path, held: tuple[str, str], args: list[str]) -> subprocess.Popen[str]:
    """The command, started in a process group of its own (as a shell job is), once it
    is held at work."""
    ready = tmp_path / "ready"
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(ready), *held, *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the command never got to work"
        time.sleep(0.05)
    return process


def group_is_gone(pgid: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize(
    ("command", "args", "to"),
    [
        ("report", ["report", str(GOLD), "-o", "out/report.pdf"], "group"),
        ("report", ["report", str(GOLD), "-o", "out/report.pdf"], "process"),
        ("register", ["register", str(EXAMPLES), "-o", "out/register.csv"], "group"),
        ("register", ["register", str(EXAMPLES), "--jobs", "2", "--parallel"], "group"),
        ("register", ["register", str(EXAMPLES), "--jobs", "2", "--parallel"], "process"),
        ("cohort", ["cohort", "build", str(EXAMPLES), "-o", "out/cohort.json"], "group"),
    ],
)
def test_sigterm_stops_a_command_as_ctrl_c_does(
    command: str, args: list[str], to: str, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    process = start(tmp_path, HOLD[command], args)
    if to == "group":  # as `timeout`, systemd and CI runners send it
        os.killpg(process.pid, signal.SIGTERM)
    else:
        os.kill(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    name = "cohort build" if command == "cohort" else command
    assert err.endswith(
        f"clusterbench {name}: interrupted; every file written is whole, none is half-written\n"
    )
    assert "Traceback" not in err
    assert os.listdir(tmp_path / "out") == []  # no temporary left, no output half-made
    assert group_is_gone(process.pid)  # the PDF helper or the workers ended with it


def test_a_bug_in_a_register_worker_is_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = os.getpid()
    keep = judging._Judge._keep

    def broken(self: judging._Judge, scored: Any) -> None:
        if os.getpid() == parent:  # the parent judges a share of its own: it works
            keep(self, scored)
            return
        raise RuntimeError("the worker fell over")

    monkeypatch.setattr(judging, "_PARALLEL_FROM", 1)
    monkeypatch.setattr(judging._Judge, "_keep", broken)  # forked workers inherit it
    code = main(["register", str(EXAMPLES), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith(
        "clusterbench register: internal error: WorkerError: RuntimeError: the worker fell "
        "over (in a worker process)\nThis is a bug in clusterbench. Please report it"
    )
    assert "Traceback" not in err
    code = main(["register", str(EXAMPLES), "--jobs", "2", "--debug"])
    err = capsys.readouterr().err
    assert code == 3
    assert 'raise RuntimeError("the worker fell over")' in err  # the worker's own traceback
    assert "The above exception was the direct cause of the following exception" in err
