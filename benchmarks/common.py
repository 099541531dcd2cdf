"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
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


def children(pid: int) -> list[int]:
    """Every descendant of `pid`, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the fields follow the last ")".
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for child in parents.get(current, []):
            found.append(child)
            todo.append(child)
    return found


def memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in bytes, or zeros once it has gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    values = {}
    for row in text.splitlines()[1:]:
        key, _, rest = row.partition(":")
        values[key] = int(rest.split()[0]) * 1024
    return values.get("Pss", 0), values.get("Rss", 0)


class PeakMemory:
    """Polls the memory of a process tree every 50 ms until stopped."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.pss = self.rss = self.processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            pids = [self.pid, *children(self.pid)]
            sizes = [memory(p) for p in pids]
            self.pss = max(self.pss, sum(s[0] for s in sizes))
            self.rss = max(self.rss, sum(s[1] for s in sizes))
            self.processes = max(self.processes, len(pids))
            self._stop.wait(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def megabytes(size: int) -> str:
    """Bytes as whole megabytes (MiB)."""
    return f"{size / 2**20:.0f} MB"
