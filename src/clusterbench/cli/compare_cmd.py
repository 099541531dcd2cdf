"""``clusterbench compare OLD NEW``"""

from __future__ import annotations

import argparse
import json

from ..models.rules import format_value
from ..pipeline.history import compare_files
from .console import emit
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print the comparison of two assessments."""
    comparison = compare_files(args.old, args.new)
    if args.format == "json":
        emit(json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    old, new = comparison.old.result, comparison.new.result
    months = new.comparison.months if new.comparison else 0
    print(f"{new.organisation.name}: {months} months between the assessments")
    for label, result in (("then", old), ("now ", new)):
        print(
            f"  {label}: {result.assessment.date.isoformat()}  {result.criteria.id} "
            f"{result.criteria.version}  {result.level or 'no level'}"
        )
    if not comparison.same_criteria:
        print("  The assessments used different criteria; indicators are not compared one by one.")
    versions = new.comparison
    if (
        comparison.same_criteria
        and versions is not None
        and versions.previous_version != new.criteria.version
    ):
        if not versions.mapped:
            print(
                f"  {new.criteria.version} does not supersede {versions.previous_version}: no "
                "indicator map links the versions, so no indicator is compared."
            )
        for now_id, then_id in versions.renamed.items():
            print(f"  {now_id} was {then_id} in {versions.previous_version}")
        if versions.not_compared_before:
            print(
                f"  Not compared, only in {versions.previous_version}: "
                f"{', '.join(versions.not_compared_before)}"
            )
        if versions.not_compared_now:
            print(
                f"  Not compared, new in {new.criteria.version}: "
                f"{', '.join(versions.not_compared_now)}"
            )
    for kind in ("improved", "declined"):
        rows = [c for c in comparison.changes if c.change == kind]
        print(f"{kind.capitalize()}: {len(rows)}")
        for change in rows:
            title = comparison.new.criteria.indicator(change.id)
            name = title.title.in_language("en") if title else change.id
            # Compared with its counterpart of another id: say which, whatever the title.
            was = f" (was {change.was})" if change.was is not None else ""
            name = name[: 44 - len(was)] + was
            print(
                f"  {change.id:<6} {name:<44} {format_value(change.before)} → {format_value(change.after)}"
                f"  ({change.before_band or '-'} → {change.after_band or '-'})"
            )
    unchanged = sum(1 for c in comparison.changes if c.change == "unchanged")
    print(f"Unchanged: {unchanged}")
    if comparison.areas:
        print("Improvement areas (a Silver-style requirement counts the verified ones):")
        for indicator, verified, improved in comparison.areas:
            print(
                f"  {indicator:<6} {'verified' if verified else 'not verified':<13} "
                f"{'improved' if improved else 'not improved'}{'  counts' if verified else ''}"
            )
    return EXIT_OK
