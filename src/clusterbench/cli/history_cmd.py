"""``clusterbench history PATH... --organisation NAME [--as-of DATE]``"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from ..pipeline.history import history_of
from ..report.register_page import STATUS_WORDS, standing_words
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print one organisation's assessments, labels, validity, renewals and gaps on a day."""
    on: dt.date = args.as_of or dt.date.today()  # the clock is read here, at the edge only
    history = history_of(args.paths, args.organisation, country=args.country, on=on)
    if args.format == "json":
        json.dump(history.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{history.organisation}: {len(history.entries)} assessments, as of {on.isoformat()}")
    for entry in history.entries:
        valid = (
            f"valid {entry.valid_from.isoformat()} to {entry.valid_until.isoformat()}"
            if entry.valid_from and entry.valid_until
            else "no validity"
        )
        renewal = " (renewal)" if entry.renewal else ""
        print(
            f"  {entry.date.isoformat()}  {entry.criteria:<18} {entry.level or '-':<12} "
            f"{STATUS_WORDS[entry.standing.status]:<18} {valid}{renewal}"
        )
    for start, end in history.gaps:
        print(f"  gap: no valid label from {start.isoformat()} to {end.isoformat()}")
    for row in history.rows:
        print(f"{row.criteria.id}: {standing_words(row.shown.standing, row.status, on)}")
    return EXIT_OK
