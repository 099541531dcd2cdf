"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


# A user's Python keeps compiled bytecode; some CI environments switch that off, which
# would charge every run the compile time of every module.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def time_command(argv: Sequence[str], *, repeat: int = 7, ok: Sequence[int] = (0,)) -> list[float]:
    """Wall-clock seconds of each of ``repeat`` runs of a whole process (after one warm-up)."""
    subprocess.run(argv, capture_output=True, check=False, cwd=ROOT, env=ENV)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(argv, capture_output=True, check=False, cwd=ROOT, env=ENV)
        times.append(time.perf_counter() - started)
        if result.returncode not in ok:
            raise SystemExit(
                f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode()}"
            )
    return times


def time_call(func: Callable[[], object], *, repeat: int = 200) -> list[float]:
    """Seconds of each of ``repeat`` calls (after a warm-up call)."""
    func()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return times


def line(name: str, times: Sequence[float], unit: str = "s") -> str:
    """A row: median, min and max of a series."""
    scale = {"s": 1, "ms": 1e3, "µs": 1e6}[unit]
    med = statistics.median(times) * scale
    return f"{name:<58} median {med:9.3f} {unit}  (min {min(times) * scale:.3f}, max {max(times) * scale:.3f}, n={len(times)})"
