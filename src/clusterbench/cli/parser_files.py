"""Arguments of the commands over many files: validate, cohort build, history, register,
batch."""

from __future__ import annotations

import os

from ..report.options import FORMATS, LANGUAGES
from ..scoring.statuses import STATUSES
from .options import (
    CommandParser,
    LibraryChoices,
    Subparsers,
    branding_options,
    command,
    commands,
    count,
    format_option,
    input_path,
    iso_date,
    language_option,
    output_option,
    rendering_options,
)

__all__ = ["batch", "cohort", "history", "register", "validate"]


def validate(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "validate",
        "check criteria and assessment files (for CI)",
        "Check criteria and assessment files; report every problem with file:line:col.",
    )
    parser.add_argument(
        "paths", nargs="+", type=input_path, metavar="PATH", help="files or directories"
    )
    format_option(parser, "text", "json", "github")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    language_option(parser, "warn about each text without a LANG version", repeatable=True)


def cohort(group: Subparsers[CommandParser]) -> None:
    parser = command(group, "cohort", "build anonymous peer statistics from many assessments")
    actions = commands(parser, "action", "ACTION")
    build = command(
        actions,
        "build",
        "score every assessment under the paths and write their statistics",
        "Score every assessment and write anonymous statistics per criteria set and peer group.",
    )
    build.add_argument(
        "paths", nargs="+", type=input_path, metavar="PATH", help="assessment files or directories"
    )
    output_option(build, "the cohort file to write (JSON)", metavar="FILE")
    build.add_argument(
        "--by",
        choices=LibraryChoices("clusterbench.models.cohort", "Grouping"),
        metavar="GROUPING",
        help="how peers are grouped: %(choices)s (default: the first)",
    )
    build.add_argument(
        "--min-size",
        type=count(1),
        default=5,
        metavar="N",
        help="leave out groups smaller than N (default 5)",
    )


def history(group: Subparsers[CommandParser]) -> None:
    parser = command(group, "history", "the label history of one organisation")
    parser.add_argument(
        "paths", nargs="+", type=input_path, metavar="PATH", help="assessment files or directories"
    )
    parser.add_argument(
        "--organisation", required=True, metavar="NAME", help="the organisation's name"
    )
    parser.add_argument(
        "--country", metavar="CODE", help="its country (ISO 3166 alpha-3), when the name is shared"
    )
    parser.add_argument(
        "--id", metavar="ID", help="its organisation.id, when the name is shared in one country"
    )
    parser.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="where the labels stand on DATE (default: today)",
    )
    format_option(parser, "text", "json")


def register(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "register",
        "the labels in force: valid, in renewal window, expired, pending decision",
        "Every organisation found under the paths, with its label per criteria set on a day: "
        "valid, in its renewal window, expired, superseded or pending the body's decision, "
        "valid until when, the last day to renew without a gap, and the next step.",
    )
    parser.add_argument(
        "paths", nargs="+", type=input_path, metavar="PATH", help="assessment files or folders"
    )
    parser.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="the day the register is for (default: today)",
    )
    parser.add_argument(
        "--country",
        action="append",
        default=[],
        metavar="CODE",
        help="only this country (repeatable)",
    )
    parser.add_argument(
        "--level",
        action="append",
        default=[],
        metavar="LEVEL",
        help="only this level: its id or its title (repeatable)",
    )
    parser.add_argument(
        "--status",
        action="append",
        default=[],
        choices=STATUSES,
        help="only this status (repeatable)",
    )
    parser.add_argument(
        "--due-within",
        metavar="PERIOD",
        help="only labels whose end or renewal deadline falls within it: 90d, 6w, 6m, 1y",
    )
    parser.add_argument(
        "--since",
        type=iso_date,
        metavar="DATE",
        help="instead, list the decisions taken since DATE (the board's list)",
    )
    format_option(parser, "text", "csv", "json", "html")
    language_option(parser, "the words", default=LANGUAGES[0])
    parser.add_argument(
        "--all",
        action="store_true",
        help="HTML: every status and every file left out (default: a public page of the "
        "labels in force, or with --since of the labels awarded)",
    )
    output_option(parser, "the register to write", metavar="FILE", required=False)
    parser.add_argument(
        "--jobs",
        type=count(1),
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes reading the files (default: one per core)",
    )


def batch(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "batch",
        "score and render every assessment of a folder",
        "Score and render every assessment under DIR into OUTDIR, in worker processes; "
        "outputs whose inputs have not changed are not rendered again.",
    )
    parser.add_argument(
        "source", type=input_path, metavar="DIR", help="a folder of assessment files"
    )
    output_option(
        parser, "the folder to write into (made if missing)", metavar="OUTDIR", stdout=False
    )
    parser.add_argument(
        "--jobs",
        type=count(1),
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: one per core)",
    )
    rendering_options(parser)
    branding_options(parser)
    format_option(parser, *FORMATS)
    parser.add_argument(
        "--name",
        metavar="TEMPLATE",
        help="the outputs' names without extension, from {stem}, {lang}, {audience}, "
        "{organisation}, {report_id} (default: {stem}.{lang}.{audience}; JSON: {stem})",
    )
    parser.add_argument(
        "--certificates",
        action="store_true",
        help="also a certificate for every approved label ({stem}.{lang}.certificate.pdf)",
    )
    parser.add_argument("--force", action="store_true", help="render everything, changed or not")
