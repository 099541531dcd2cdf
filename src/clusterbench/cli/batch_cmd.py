"""``clusterbench batch DIR -o OUTDIR``"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from ..batch import MANIFEST, BatchOptions, Item, check_name, run_batch
from ..errors import ReportError
from .status import EXIT_INVALID, EXIT_OK, UsageError


class Progress:
    """A bar on a terminal; one plain line per file in CI logs."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty()
        self.started = time.perf_counter()

    def __call__(self, item: Item, done: int, total: int) -> None:
        name = Path(item.input).name
        outcome = item.level or "no level" if item.status != "failed" else "FAILED"
        if self.tty:
            width = 30
            filled = int(width * done / total) if total else width
            rate = done / max(time.perf_counter() - self.started, 1e-9)
            print(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:4.1f}/s {name[:30]:<30} {outcome[:12]:<12}",
                end="",
                file=self.stream,
                flush=True,
            )
            if done == total:
                print(file=self.stream)
        else:
            print(
                f"[{done}/{total}] {name} -> {outcome} ({item.status})",
                file=self.stream,
                flush=True,
            )


def run(args: argparse.Namespace) -> int:
    """Render the batch; print a summary; exit 1 if any file failed, 130 if interrupted."""
    source = Path(args.source)
    if not source.exists():
        raise UsageError(f"{source}: no such file or directory")
    if args.name is not None:  # the one option argparse cannot check by itself
        try:
            check_name(args.name, certificates=args.certificates)
        except ReportError as exc:
            raise UsageError(str(exc)) from None
    options = BatchOptions(
        out_dir=Path(args.output),
        form=args.format,
        language=args.lang,
        audience=args.audience,
        cohort=Path(args.cohort) if args.cohort else None,
        templates=Path(args.templates) if args.templates else None,
        jobs=args.jobs,
        force=args.force,
        accent=args.accent,
        logo=Path(args.logo) if args.logo else None,
        pdf_variant=args.pdf_variant,
        name=args.name,
        certificates=args.certificates,
    )
    started = time.perf_counter()
    summary: dict[str, Any] = {}
    items = run_batch(source, options, progress=Progress(), summary=summary)
    seconds = time.perf_counter() - started
    reports = [i for i in items if i.kind == "report"]
    statuses = Counter(i.status for i in reports)
    levels = Counter(i.level or "no level" for i in reports if i.status != "failed")
    print(
        f"{len(reports)} assessments in {seconds:.1f} s: {statuses['rendered']} rendered, "
        f"{statuses['unchanged']} unchanged, {statuses['failed']} failed"
    )
    if levels:
        print("levels: " + ", ".join(f"{level} {count}" for level, count in sorted(levels.items())))
    if options.certificates:
        made = Counter(i.status for i in items if i.kind == "certificate")
        print(
            f"certificates: {made['rendered']} written, {made['unchanged']} unchanged, "
            f"{made['not_awarded']} without an approved label, {made['failed']} failed"
        )
    if options.cohort is not None:
        alone = [i for i in reports if i.status != "failed" and i.peers is None]
        if alone:
            print(
                f"{len(alone)} without a peer comparison, for example {alone[0].input}: "
                f"{alone[0].note} (every one is in the manifest)",
                file=sys.stderr,
            )
    for item in items:
        if item.status == "failed":
            what = "" if item.kind == "report" else f" ({item.kind})"
            print(f"FAILED {item.input}{what}:", file=sys.stderr)
            for line in (item.error or "").splitlines():
                print(f"  {line}", file=sys.stderr)
            if item.stale:
                print(f"  kept the earlier output {item.output}: it is stale", file=sys.stderr)
    for gone in summary.get("forgotten", []):
        print(
            f"orphaned: {gone['output']} ({gone['reason']}); the file is kept, listed in the "
            "manifest until you remove it",
            file=sys.stderr,
        )
    print(f"manifest: {options.out_dir / MANIFEST}")
    return EXIT_INVALID if any(i.status == "failed" for i in items) else EXIT_OK
