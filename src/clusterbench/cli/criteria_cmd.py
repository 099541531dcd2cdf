"""``clusterbench criteria list`` and ``clusterbench criteria show ID``"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import ReportError
from ..loader.criteria import bundled_criteria, find_criteria, load_criteria
from ..loader.library import CriteriaLibrary
from .status import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """List or show criteria sets."""
    if args.action == "list":
        return _list(args.format)
    from ..report.i18n import choose_language
    from ..report.phrases import Phrases, overview

    criteria = load_criteria(find_criteria(args.criteria))
    try:
        language = choose_language(criteria, args.lang)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    related = CriteriaLibrary().dependencies(criteria)
    sys.stdout.write(overview(criteria, Phrases(language, criteria), related))
    return EXIT_OK


def _list(form: str) -> int:
    rows: list[dict[str, Any]] = []
    for criteria_id in bundled_criteria():
        criteria = load_criteria(criteria_id)
        rows.append(
            {
                "id": criteria.id,
                "version": criteria.version,
                "title": criteria.title.in_language("en"),
                "languages": list(criteria.languages),
                "provenance": criteria.provenance.status,
                "indicators": len(criteria.indicators),
                "levels": [lv.id for lv in criteria.levels],
            }
        )
    if form == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        levels = " < ".join(row["levels"])
        print(
            f"{row['id']:<{width}}  {row['version']:<8} {row['indicators']:>3} indicators  "
            f"{'/'.join(row['languages']):<8} {row['provenance']:<13} {levels}"
        )
        print(f"{'':<{width}}  {row['title']}")
    return EXIT_OK
