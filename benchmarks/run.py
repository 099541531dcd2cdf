"""Run every benchmark and print its figures: `make bench`."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NAMES = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    # Long benchmarks: show each figure as soon as it is measured, also into a file.
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    for name in argv or NAMES:
        print(f"== {name}")
        importlib.import_module(f"benchmarks.{name}").main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
