"""Arguments of the commands about one assessment: score, report, certificate, compare,
migrate."""

from __future__ import annotations

import argparse

from ..report.options import FORMATS
from .options import (
    CommandParser,
    Subparsers,
    branding_options,
    command,
    criteria_options,
    format_option,
    input_path,
    language_option,
    output_option,
    rendering_options,
)

__all__ = ["certificate", "compare", "migrate", "report", "score"]


def _assessment(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "assessment", type=input_path, metavar="ASSESSMENT", help="an assessment file"
    )


def score(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "score",
        "score an assessment: level, why, gap, margin, validity",
        "Score an assessment file against its criteria and explain the level.",
    )
    _assessment(parser)
    criteria_options(parser)
    format_option(parser, "text", "json")
    parser.add_argument(
        "--cohort",
        type=input_path,
        metavar="FILE",
        help="compare with the peer group in this cohort file",
    )
    language_option(parser, "the summary")
    parser.add_argument(
        "--require-level",
        metavar="LEVEL",
        help="exit 4 unless this level (or a higher one) is reached: a CI gate",
    )


def report(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "report",
        "render an assessment report (PDF, HTML or JSON)",
        "Score an assessment and render its report.",
    )
    _assessment(parser)
    output_option(parser, "the report to write")
    criteria_options(parser)
    rendering_options(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from OUT's extension, else pdf)",
    )
    branding_options(parser)


def certificate(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "certificate",
        "a one-page certificate of an approved label (PDF)",
        "Write a one-page A4 certificate for the label an assessment holds: organisation, "
        "level, criteria set and version, valid from and until, report id, the decision and "
        "the awarding body. Refused unless the labelling body approved the level.",
    )
    _assessment(parser)
    output_option(parser, "the PDF to write")
    language_option(parser, "the certificate")
    parser.add_argument(
        "--draft", action="store_true", help="a level not approved yet: marked DRAFT on the page"
    )


def compare(group: Subparsers[CommandParser]) -> None:
    parser = command(group, "compare", "compare two assessments of one organisation")
    parser.add_argument("old", type=input_path, metavar="OLD", help="the earlier assessment")
    parser.add_argument("new", type=input_path, metavar="NEW", help="the later assessment")
    format_option(parser, "text", "json")


def migrate(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "migrate",
        "move an assessment onto a later version of its criteria",
        "Write the assessment answering a later version of its criteria: answers carried "
        "over through the versions' indicator maps, answers without a counterpart kept as "
        "comments, and the new questions listed as comments at the end of `answers`.",
    )
    _assessment(parser)
    parser.add_argument("--to", required=True, metavar="ID@VERSION", help="the version to move to")
    output_option(parser, "the assessment to write", metavar="NEW")
    language_option(parser, "the questions")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
