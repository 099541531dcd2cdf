"""A secretariat's run: `cohort build` over 1,300 assessments, then batches of PDF reports.

Measured as whole processes, the way a secretariat runs them:

- `clusterbench cohort build` over 1,300 generated assessments;
- `clusterbench batch` of BATCH_N (200) assessments to PDF with `--jobs 1` and `--jobs 2`,
  side by side, and the throughput ratio;
- the second run of the same batch with nothing changed;
- the peak memory of the whole process tree (the batch and its workers) during a batch of
  MEMORY_N (1,300) assessments with peer comparison, summed over the processes: PSS (each
  shared page counted once) and RSS (shared pages counted in every process, an upper
  bound).

The PDF batches take most of the time (about a second of WeasyPrint per report and core);
`BATCH_N=50 MEMORY_N=200 python benchmarks/run.py bench_batch` gives a quick look.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from clusterbench import load_criteria

from .common import BIN, ENV, ROOT, PeakMemory, line, megabytes, time_command
from .generate import generate

BATCH_N = int(os.environ.get("BATCH_N", "200"))
MEMORY_N = int(os.environ.get("MEMORY_N", "1300"))
COHORT_N = 1300


def _batch(argv: Sequence[str], *, memory: bool = False) -> tuple[float, PeakMemory | None]:
    """Run one batch process; its wall-clock seconds and (if asked) its peak memory.

    Memory is not sampled while throughput is measured: reading /proc takes CPU time
    that the workers would miss.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(BIN / "clusterbench"), "batch", *argv],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    peak = PeakMemory(process.pid) if memory else None
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    if peak is not None:
        peak.stop()
    if process.returncode != 0:
        raise SystemExit(f"batch {' '.join(argv)} exited {process.returncode}: {err.decode()}")
    return seconds, peak


def main() -> None:
    criteria = load_criteria("esca-gold")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        everyone = root / "all"
        generate(criteria, COHORT_N, everyone, seed=13)
        cohort = root / "cohort.json"
        build = time_command(
            [str(BIN / "clusterbench"), "cohort", "build", str(everyone), "-o", str(cohort)],
            repeat=3,
        )
        print(line(f"cohort build over {COHORT_N} assessments (whole process)", build))

        some = root / "some"
        generate(criteria, BATCH_N, some, seed=17)
        rates: dict[int, list[float]] = {1: [], 2: []}
        for round_ in range(2):  # alternate, so that a noisy spell hits both alike
            for jobs in (1, 2):
                out = root / f"out-{jobs}-{round_}"
                seconds, _ = _batch([str(some), "-o", str(out), "--jobs", str(jobs)])
                rates[jobs].append(BATCH_N / seconds)
                name = f"batch of {BATCH_N} PDFs, --jobs {jobs}"
                print(f"{name:<58} {seconds:9.1f} s = {BATCH_N / seconds:.2f} reports/s")
        best = {jobs: max(r) for jobs, r in rates.items()}
        print(f"{'throughput --jobs 2 / --jobs 1 (best of 2 each)':<58} {best[2] / best[1]:.2f}×")

        again = [
            _batch([str(some), "-o", str(root / "out-2-0"), "--jobs", "2"])[0] for _ in range(3)
        ]
        print(line(f"second run of the {BATCH_N}, nothing changed", again))

        many = everyone if MEMORY_N == COHORT_N else root / "many"
        if many != everyone:
            generate(criteria, MEMORY_N, many, seed=19)
        seconds, peak = _batch(
            [str(many), "-o", str(root / "out-many"), "--cohort", str(cohort), "--jobs", "2"],
            memory=True,
        )
        assert peak is not None
        print(
            f"{f'batch of {MEMORY_N} PDFs with --cohort, --jobs 2':<58} {seconds:.1f} s; "
            f"peak memory {megabytes(peak.pss)} PSS, {megabytes(peak.rss)} RSS "
            f"over at most {peak.processes} processes"
        )


if __name__ == "__main__":
    main()
