"""``clusterbench criteria list`` and ``clusterbench criteria show ID``"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..kinds import registry
from ..kinds.english import statement
from ..kinds.text import percent
from ..loader.criteria import bundled_criteria, find_criteria, load_criteria
from ..models.common import Text
from ..models.criteria import Criteria
from ..models.requirements import Requirement
from ..models.rules import format_value
from .status import EXIT_OK, UsageError


def run(args: argparse.Namespace) -> int:
    """List or show criteria sets."""
    if args.action == "list":
        return _list(args.format)
    criteria = load_criteria(find_criteria(args.criteria))
    language = args.lang or criteria.languages[0]
    if language not in criteria.languages:
        raise UsageError(
            f"{criteria.id} is written in {', '.join(criteria.languages)}, not {language!r}"
        )
    sys.stdout.write(overview(criteria, language))
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


def overview(criteria: Criteria, language: str) -> str:
    """Categories, indicators, points and levels of a criteria set, in plain text."""

    def t(text: Text | None) -> str:
        return " ".join(text.in_language(language).split()) if text is not None else ""

    out = [
        f"{t(criteria.title)}",
        f"{criteria.id} {criteria.version} · {criteria.provenance.status}",
    ]
    if criteria.provenance.status != "official":
        out.append(f"Provenance: {t(criteria.provenance.note)}" if criteria.provenance.note else "")
    total = criteria.total_points
    if total:
        out.append(f"{len(criteria.indicators)} indicators, {format_value(total)} points")
    else:
        out.append(f"{len(criteria.indicators)} indicators")
    for category in criteria.categories:
        members = [i for i in criteria.indicators if i.category == category.id]
        points = sum((i.points for i in members), start=0)
        head = f"\n{t(category.title)}"
        if points:
            head += f" — {format_value(points)} points"
        if category.floor is not None:
            head += f" (floor {percent(category.floor)})"
        out.append(head)
        for indicator in members:
            marks = " ●" if indicator.minimum_requirement else ""
            rule = (
                indicator.pass_.description
                if indicator.pass_
                else "bands only"
                if indicator.bands
                else "descriptive"
            )
            pts = format_value(indicator.points) if indicator.points else "–"
            out.append(f"  {indicator.id:<6} {pts:>5}  {t(indicator.title)[:52]:<52} {rule}{marks}")
    out.append("\nLevels (lowest first)")
    for level in criteria.levels:
        valid = f", valid {level.validity.months} months" if level.validity else ""
        out.append(f"  {level.id}: {t(level.title)}{valid}")
        out += [f"    - {describe(req)}" for req in level.requires]
    out.append("\n● minimum requirement")
    return "\n".join(line for line in out if line is not None) + "\n"


def describe(req: Requirement) -> str:
    """A requirement in plain words, without numbers from an assessment."""
    return statement(registry.describe(req))
