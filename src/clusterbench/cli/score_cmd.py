"""``clusterbench score ASSESSMENT``"""

from __future__ import annotations

import argparse
import sys

from ..pipeline.cohort import load_cohort
from ..pipeline.scoring import Scored, check_decision, score_file
from .assumptions import parse_assumptions
from .console import emit
from .errors import print_peer_note
from .language import phrases_for
from .status import EXIT_LEVEL, EXIT_OK, UsageError


def summary_text(scored: Scored, language: str | None) -> str:
    """The terminal summary in ``language`` (default: the criteria's first)."""
    from ..report.phrases import summary

    say = phrases_for(
        scored.criteria, language, written_in=scored.assessment.language, related=scored.related
    )
    earlier = scored.previous.criteria if scored.previous is not None else None
    return summary(
        scored.result,
        scored.criteria,
        scored.related,
        say,
        # A decision for a level the answers do not reach is not told as if it held.
        decision=scored.assessment.decision if check_decision(scored) is None else None,
        earlier=earlier,
    )


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
        emit(result.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(summary_text(scored, args.lang))
    if args.require_level is not None and criteria.level_rank(result.level) < criteria.level_rank(
        args.require_level
    ):
        print(
            f"clusterbench score: level {args.require_level} required, reached {result.level or 'no level'}",
            file=sys.stderr,
        )
        return EXIT_LEVEL
    return EXIT_OK
