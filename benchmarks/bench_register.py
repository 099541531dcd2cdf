"""`clusterbench register` over a labelling body's archive: 1,300 and 13,000 assessments.

The archives (130 and 1,300 organisations, ten yearly assessments each, chained by
`previous.file`, with decisions) are generated once into the temporary folder and kept
there between runs (generating 13,000 takes minutes: each file is scored to decide its
decision).  Each figure is the whole process, from start to the JSON written, with the
peak memory of the process and its workers.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from clusterbench import load_criteria

from .common import BIN, ENV, ROOT, PeakMemory, line, megabytes
from .generate import generate_register

SIZES = [int(n) for n in os.environ.get("REGISTER_N", "1300,13000").split(",")]
REPEAT = int(os.environ.get("REGISTER_REPEAT", "3"))


def archive(count: int) -> Path:
    """A generated archive of ``count`` assessments (made once, then reused)."""
    folder = Path(tempfile.gettempdir()) / f"clusterbench-register-{count}"
    done = folder / ".complete"
    if not done.exists():
        started = time.perf_counter()
        generate_register(load_criteria("esca-gold"), count // 10, 10, folder)
        done.write_text("", encoding="utf-8")
        print(f"  (generated {count} assessments in {time.perf_counter() - started:.0f} s)")
    return folder


def run(folder: Path, out: Path, jobs: int) -> tuple[float, PeakMemory]:
    argv = [
        str(BIN / "clusterbench"),
        "register",
        str(folder),
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "-o",
        str(out),
        "--jobs",
        str(jobs),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    peak = PeakMemory(process.pid)
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    peak.stop()
    if process.returncode not in (0, 1):  # 1: some generated files are reported
        raise SystemExit(f"register exited {process.returncode}: {err.decode()[-500:]}")
    return seconds, peak


def main() -> None:
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "register.json"
        for count in SIZES:
            folder = archive(count)
            for workers in sorted({1, jobs}):
                times, peaks = [], []
                for _ in range(REPEAT):
                    seconds, peak = run(folder, out, workers)
                    times.append(seconds)
                    peaks.append(peak)
                worst = max(peaks, key=lambda p: p.rss)
                print(line(f"register, {count} assessments, --jobs {workers}", times))
                print(
                    f"  peak memory {megabytes(worst.pss)} PSS, {megabytes(worst.rss)} RSS "
                    f"over {worst.processes} processes; {count / min(times):,.0f} files/s"
                )
