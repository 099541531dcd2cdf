"""Batch throughput and bookkeeping: JSON and PDF, --jobs 1 and 2, re-runs, stopping.

- 1,300 JSON outputs with `--jobs 1` and `--jobs 2` (whole processes, alternated,
  REPEAT rounds), the ratio of the medians (target ≥ 1.6×);
- the unchanged re-run of the same 1,300 (target < 2 s);
- 20 PDFs with `--jobs 1` and `--jobs 2` (target ≥ 1.8×);
- 5,000 JSON outputs in-process: the share of the time spent on bookkeeping — planning,
  committing outputs, the journal and the manifest (target < 5 %);
- how long a batch of PDFs takes to exit after SIGTERM to its whole process group.

Figures depend on the machine and on what else runs on it: repeat, read medians.

    python benchmarks/run.py bench_batch_scale
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clusterbench import load_criteria
from clusterbench.batch import BatchOptions, run_batch

from .common import BIN, ENV, ROOT
from .generate import generate

REPEAT = int(os.environ.get("REPEAT", "3"))
JSON_N = int(os.environ.get("JSON_N", "1300"))
PDF_N = int(os.environ.get("PDF_N", "20"))
BOOK_N = int(os.environ.get("BOOK_N", "5000"))


def _batch(source: Path, out: Path, *extra: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "clusterbench"), "batch", str(source), "-o", str(out), *extra],
        capture_output=True,
        cwd=ROOT,
        env=ENV,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"batch exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return seconds


def _ratio(source: Path, root: Path, name: str, extra: list[str]) -> None:
    times: dict[int, list[float]] = {1: [], 2: []}
    for round_ in range(REPEAT):  # alternate, so that a noisy spell hits both alike
        for jobs in (1, 2):
            out = root / f"{name}-{jobs}-{round_}"
            times[jobs].append(_batch(source, out, "--jobs", str(jobs), *extra))
    for jobs in (1, 2):
        print(
            f"{name} --jobs {jobs}: median {statistics.median(times[jobs]):.2f} s "
            f"(all: {', '.join(f'{t:.2f}' for t in times[jobs])})"
        )
    ratio = statistics.median(times[1]) / statistics.median(times[2])
    print(f"{name}: --jobs 2 is {ratio:.2f}x --jobs 1 (medians)")


def _stop_latency(source: Path, root: Path) -> None:
    latencies = []
    for round_ in range(REPEAT):
        out = root / f"stop-{round_}"
        process = subprocess.Popen(
            [str(BIN / "clusterbench"), "batch", str(source), "-o", str(out), "--jobs", "2"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            env=ENV,
            start_new_session=True,
        )
        while not list(out.glob("*.pdf")):
            time.sleep(0.02)
        started = time.perf_counter()
        os.killpg(process.pid, signal.SIGTERM)
        code = process.wait(timeout=120)
        latencies.append(time.perf_counter() - started)
        assert code == 130, code
    print(
        f"SIGTERM to the process group of a PDF batch (--jobs 2) to exit 130: median "
        f"{statistics.median(latencies):.2f} s, max {max(latencies):.2f} s (target < 5 s)"
    )


def main() -> None:
    criteria = load_criteria("esca-gold")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; shared, so repeat")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        many = root / "json-in"
        generate(criteria, JSON_N, many, seed=29)
        _ratio(many, root, f"{JSON_N} JSON", ["--format", "json"])
        again = [_batch(many, root / f"{JSON_N} JSON-2-0", "--format", "json") for _ in range(5)]
        print(
            f"unchanged re-run of {JSON_N} JSON: median {statistics.median(again):.2f} s "
            f"(all: {', '.join(f'{t:.2f}' for t in again)})"
        )

        pdfs = root / "pdf-in"
        generate(criteria, PDF_N, pdfs, seed=31)
        _ratio(pdfs, root, f"{PDF_N} PDFs", [])
        _stop_latency(pdfs, root)

        book = root / "book-in"
        generate(criteria, BOOK_N, book, seed=37)
        shares = []
        for round_ in range(REPEAT):
            timings: dict[str, float] = {}
            options = BatchOptions(out_dir=root / f"book-out-{round_}", form="json", jobs=2)
            run_batch(book, options, timings=timings)
            shares.append(timings["bookkeeping"] / timings["total"])
            print(
                f"{BOOK_N} JSON in-process, --jobs 2: {timings['total']:.2f} s, bookkeeping "
                f"{timings['bookkeeping']:.3f} s = {100 * shares[-1]:.1f} %"
            )
        print(f"bookkeeping share, median: {100 * statistics.median(shares):.1f} % (target < 5 %)")


if __name__ == "__main__":
    main()
