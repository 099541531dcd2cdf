"""Years an assessment states that cannot lie after its own date.

An organisation founded, a key figure's period begun (`export_growth.since`) or data
checked in a year after the assessment is a typing error a reader would trust: each is
refused, located (CB317).  The model checks each year alone; only here is the
assessment's date known.
"""

from __future__ import annotations

from ..errors import Issue
from ..models.assessment import Assessment
from .source import Document

__all__ = ["check_years"]


def check_years(assessment: Assessment, doc: Document) -> list[Issue]:
    """CB317 for every year stated after the assessment's year."""
    day = assessment.date
    found: list[tuple[tuple[str | int, ...], int, str]] = []
    organisation = assessment.organisation
    if organisation.founded is not None:
        found.append((("organisation", "founded"), organisation.founded, "founded"))
    figures = organisation.figures
    if figures is not None and figures.export_growth is not None:
        found.append(
            (
                ("organisation", "figures", "export_growth", "since"),
                figures.export_growth.since,
                "the export growth is counted from",
            )
        )
    for index, year in enumerate(assessment.assessment.data_years):
        found.append((("assessment", "data_years", index), year, "data checked in"))
    return [
        doc.issue(
            path,
            "CB317",
            f"{what} {year}, after the assessment ({day.isoformat()}): give a year no later "
            f"than {day.year}",
        )
        for path, year, what in found
        if year > day.year
    ]
