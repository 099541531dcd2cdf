"""``clusterbench criteria list`` and ``clusterbench criteria show ID``"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..loader.criteria import bundled_criteria, bundled_versions, load_criteria
from ..loader.library import CriteriaLibrary
from .console import emit
from .language import phrases_for
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """List, show or compare criteria sets."""
    if args.action == "list":
        return _list(args.format)
    if args.action == "diff":
        from .criteria_diff import run_diff

        return run_diff(args)
    from ..report.phrases import overview

    library = CriteriaLibrary()
    criteria = library.find(args.criteria)
    say = phrases_for(criteria, args.lang)
    sys.stdout.write(overview(criteria, say, library.dependencies(criteria)))
    return EXIT_OK


def _list(form: str) -> int:
    rows: list[dict[str, Any]] = []
    earlier = bundled_versions()
    # Each set's current version, then its earlier ones (ID@VERSION).
    names = [
        item
        for name in bundled_criteria()
        for item in [(name, True), *((f"{i}@{v}", False) for i, v in earlier if i == name)]
    ]
    for name, current in names:
        criteria = load_criteria(name)
        rows.append(
            {
                "id": criteria.id,
                "reference": name,
                "current": current,
                "version": criteria.version,
                "title": criteria.title.in_language("en"),
                "languages": list(criteria.languages),
                "provenance": criteria.provenance.status,
                "indicators": len(criteria.indicators),
                "levels": [lv.id for lv in criteria.levels],
                "designations": [d.id for d in criteria.designations],
            }
        )
    if form == "json":
        emit(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    width = max(len(r["reference"]) for r in rows)
    for row in rows:
        levels = " < ".join(row["levels"])
        if row["designations"]:  # titles beside a level, not levels of their own
            levels += f" (+ {', '.join(row['designations'])})"
        print(
            f"{row['reference']:<{width}}  {row['version']:<8} {row['indicators']:>3} indicators  "
            f"{'/'.join(row['languages']):<8} {row['provenance']:<13} {levels}"
        )
        print(f"{'':<{width}}  {row['title']}")
    return EXIT_OK
