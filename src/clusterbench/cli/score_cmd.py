"""``clusterbench score ASSESSMENT``"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import InputError
from ..loader.source import parse_text
from ..pipeline.cohort import load_cohort
from ..pipeline.scoring import score_file
from .errors import print_peer_note
from .status import EXIT_LEVEL, EXIT_OK, UsageError
from .summary import summary


def parse_assumptions(pairs: list[str]) -> dict[str, Any]:
    """``["G05=true", "M1=17"]`` → ``{"G05": True, "M1": 17}``, values read as YAML scalars."""
    found: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--assume {pair!r}: write ID=VALUE, such as G05=true or M1=17")
        try:
            value = parse_text(f"v: {raw}\n", "--assume").data["v"]
        except InputError:
            value = raw
        found[key.strip()] = value
    return found


def run(args: argparse.Namespace) -> int:
    """Score and print; 0 done, 1 invalid input, 2 usage, 4 required level not reached."""
    assume = parse_assumptions(args.assume)
    cohort = load_cohort(args.cohort) if args.cohort else None
    scored = score_file(
        args.assessment,
        criteria=args.criteria,
        previous=args.previous,
        assume=assume,
        cohort=cohort,
    )
    result, criteria = scored.result, scored.criteria
    print_peer_note("score", cohort, result)
    if args.require_level is not None and criteria.level(args.require_level) is None:
        known = ", ".join(lv.id for lv in criteria.levels)
        raise UsageError(
            f"--require-level {args.require_level!r}: {criteria.id} has levels {known}"
        )
    if args.format == "json":
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(summary(scored))
    if args.require_level is not None and criteria.level_rank(result.level) < criteria.level_rank(
        args.require_level
    ):
        print(
            f"clusterbench score: level {args.require_level} required, reached {result.level or 'no level'}",
            file=sys.stderr,
        )
        return EXIT_LEVEL
    return EXIT_OK
