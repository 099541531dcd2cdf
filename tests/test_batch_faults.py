"""A batch survives faults: signals to its whole process group, a killed worker, a killed
batch; and an unchanged re-run looks at file metadata only."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from benchmarks.generate import generate

from clusterbench import load_criteria
from clusterbench.batch import MANIFEST, BatchOptions, planning, run_batch
from clusterbench.batch.manifest import JOURNAL

WAIT = 120
"""Seconds to wait for a stopped batch: a deadlock shows as a timeout, not as a slow run."""


@pytest.fixture
def assessments(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    generate(load_criteria("esca-gold"), 10, folder, seed=23)
    return folder


def _start(source: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "clusterbench", "batch", str(source), "-o", str(out), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a CI job or a service has
    )


def _wait_for(out: Path, pattern: str, count: int = 1) -> None:
    deadline = time.monotonic() + WAIT
    while len(list(out.glob(pattern))) < count:
        assert time.monotonic() < deadline, f"no {pattern} written in time"
        time.sleep(0.05)


def _children(pid: int) -> list[int]:
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


def _group_gone(pgid: int) -> bool:
    """Whether every process of the group has ended (the resource tracker multiprocessing
    starts ends when its pipe from the batch closes, a moment after the batch)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _consistent(out: Path, suffix: str) -> list[dict[str, object]]:
    """Every output whole, no temporary or journal left, the manifest listing exactly them."""
    assert not list(out.rglob("*.part"))
    assert not (out / JOURNAL).exists()
    written = {p.name for p in out.glob(f"*{suffix}")}
    for path in out.glob(f"*{suffix}"):
        if suffix == ".pdf":
            assert path.read_bytes().rstrip().endswith(b"%%EOF")
            pypdf.PdfReader(path)
        else:
            json.loads(path.read_text(encoding="utf-8"))
    items = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["items"]
    listed = {Path(str(i["output"])).name for i in items if i["status"] != "failed"}
    assert listed == written
    return items


@pytest.mark.parametrize(
    "how", ["SIGTERM to the group", "SIGTERM to the group again", "SIGINT to the group"]
)
def test_a_signal_to_the_whole_process_group_stops_the_batch_cleanly(
    how: str, assessments: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    process = _start(assessments, out, "--jobs", "2", "--audience", "summary")
    try:
        _wait_for(out, "*.pdf")
        signum = signal.SIGINT if "SIGINT" in how else signal.SIGTERM
        os.killpg(process.pid, signum)  # the batch and its workers at once
        _, err = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    assert process.returncode == 130, err
    assert "interrupted" in err
    assert "Traceback" not in err
    assert _group_gone(process.pid), "a worker outlived the batch"
    items = _consistent(out, ".pdf")
    assert 1 <= len(items) < 10


def test_a_killed_worker_fails_its_files_and_the_batch_goes_on(
    assessments: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    process = _start(assessments, out, "--jobs", "2", "--audience", "summary")
    try:
        _wait_for(out, "*.pdf")
        workers = _children(process.pid)
        workers = [pid for pid in workers if pid != process.pid]
        assert workers
        os.kill(workers[-1], signal.SIGKILL)
        _, err = process.communicate(timeout=WAIT * 3)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    assert "Traceback" not in err
    items = _consistent(out, ".pdf")
    failed = [i for i in items if i["status"] == "failed"]
    rendered = [i for i in items if i["status"] == "rendered"]
    assert len(items) == 10
    # The worker may have been killed between two files: then nothing was lost.
    assert process.returncode == (1 if failed else 0), err
    for item in failed:
        assert (
            item["error"] == "the worker process was killed by signal 9 while rendering this file"
        )
    assert len(rendered) + len(failed) == 10


def test_the_next_run_cleans_up_after_a_killed_batch(assessments: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = _start(assessments, out, "--jobs", "2", "--audience", "summary")
    try:
        _wait_for(out, "*.pdf", 2)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # no chance to clean up: as a power cut does
        process.communicate()
    journal = out / JOURNAL
    assert journal.exists()
    lines = [json.loads(line) for line in journal.read_text().splitlines() if line]
    finished = {line["id"] for line in lines if "id" in line}  # claims are lines too
    (out / ".assessment-00009.pdf.4999999.abcdefgh.part").write_text("half")  # as if cut off
    items = run_batch(assessments, BatchOptions(out_dir=out, jobs=2, audience="summary"))
    unchanged = {i.id for i in items if i.status == "unchanged"}
    assert finished <= unchanged  # what the killed run finished is kept, not made again
    assert {i.status for i in items} <= {"rendered", "unchanged"}
    _consistent(out, ".pdf")


def test_an_unchanged_run_reads_no_assessment(
    assessments: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hour_ago = time.time_ns() - 3600 * 10**9  # not just written: see planning._RACY_NS
    for path in assessments.glob("*.yaml"):
        os.utime(path, ns=(hour_ago, hour_ago))
    options = BatchOptions(out_dir=tmp_path / "out", form="json", jobs=1)
    run_batch(assessments, options)
    touched = sorted(assessments.glob("*.yaml"))[0]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    read: list[str] = []
    real = planning.read_bytes

    def spy(path: object, **kwargs: object) -> bytes:
        read.append(os.fspath(path))  # type: ignore[arg-type]
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(planning, "read_bytes", spy)
    again = run_batch(assessments, options)
    assert {i.status for i in again} == {"unchanged"}  # touched, not changed: still unchanged
    inputs = {os.fspath(p) for p in assessments.glob("*.yaml")}
    assert [p for p in read if p in inputs] == [os.fspath(touched)]  # only the touched one


def test_workers_that_cannot_start_fail_the_files_and_stop_being_started(
    assessments: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clusterbench.batch import pool

    started: list[object] = []

    def broken(context: object, options: object, environment: object) -> object:
        ours, theirs = pool.multiprocessing.get_context("spawn").Pipe(duplex=True)
        process = pool.multiprocessing.get_context("spawn").Process(target=os._exit, args=(1,))
        process.start()
        theirs.close()
        started.append(process)
        return pool._Worker(process, ours)

    monkeypatch.setattr(pool, "_start", broken)
    items = run_batch(assessments, BatchOptions(out_dir=tmp_path / "out", form="json", jobs=2))
    assert {i.status for i in items} == {"failed"}
    assert len(items) == 10
    assert len(started) <= 2 + pool._STILLBORN  # not one per file, not for ever
    assert any("no worker process could start" in (i.error or "") for i in items)
    assert [p.name for p in (tmp_path / "out").glob("*.json")] == ["manifest.json"]
