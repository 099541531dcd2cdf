"""``clusterbench history PATH... --organisation NAME``"""

from __future__ import annotations

import argparse
import json
import sys

from ..pipeline.history import history_of
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print one organisation's assessments, labels, validity, renewals and gaps."""
    history = history_of(args.paths, args.organisation, country=args.country)
    if args.format == "json":
        json.dump(history.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{history.organisation}: {len(history.entries)} assessments")
    for entry in history.entries:
        valid = (
            f"valid {entry.valid_from.isoformat()} to {entry.valid_until.isoformat()}"
            if entry.valid_from and entry.valid_until
            else "no label"
        )
        renewal = " (renewal)" if entry.renewal else ""
        print(
            f"  {entry.date.isoformat()}  {entry.criteria:<18} {entry.level or '-':<12} {valid}{renewal}"
        )
    for start, end in history.gaps:
        print(f"  gap: no valid label from {start.isoformat()} to {end.isoformat()}")
    upcoming = history.next_renewal
    if upcoming is not None and upcoming.valid_until is not None:
        by = (
            f"; a renewal until {upcoming.renew_by.isoformat()} still extends it"
            if upcoming.renew_by
            else ""
        )
        print(f"Next renewal: {upcoming.level} ends {upcoming.valid_until.isoformat()}{by}")
    return EXIT_OK
