"""The ``clusterbench`` command: a thin adapter over the library.

This is the only place that prints or exits.  Exit codes: 0 success, 1 invalid
input, 2 usage error, 4 a required level not reached.  Command modules are imported
only when their command runs, so that ``validate`` never pays for rendering.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

__all__ = ["EXIT_INVALID", "EXIT_LEVEL", "EXIT_OK", "EXIT_USAGE", "build_parser", "main", "run"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_LEVEL = 4


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="clusterbench",
        description="Assessment-based labelling: validate criteria, score assessments, render reports.",
    )
    parser.add_argument("--version", action="version", version=f"clusterbench {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser(
        "validate",
        help="check criteria and assessment files (for CI)",
        description="Check criteria and assessment files; report every problem with file:line:col.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text)",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")

    score = commands.add_parser(
        "score",
        help="score an assessment: level, why, gap, margin, validity",
        description="Score an assessment file against its criteria and explain the level.",
    )
    score.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file")
    _criteria_options(score)
    score.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    score.add_argument(
        "--cohort", metavar="FILE", help="compare with the peer group in this cohort file"
    )
    score.add_argument(
        "--assume",
        action="append",
        default=[],
        metavar="ID=VALUE",
        help="answer an indicator differently, without editing the file (repeatable)",
    )
    score.add_argument(
        "--require-level",
        metavar="LEVEL",
        help="exit 4 unless this level (or a higher one) is reached: a CI gate",
    )

    report = commands.add_parser(
        "report",
        help="render an assessment report (PDF, HTML or JSON)",
        description="Score an assessment and render its report.",
    )
    report.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file")
    report.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    report.add_argument(
        "--cohort", metavar="FILE", help="add a peer comparison from this cohort file"
    )
    _criteria_options(report)
    report.add_argument(
        "--lang", metavar="LANG", help="report language: en or nb (default: the criteria's first)"
    )
    report.add_argument(
        "--format",
        choices=("pdf", "html", "json"),
        help="output format (default: from OUT's extension, else pdf)",
    )
    report.add_argument(
        "--audience",
        choices=("full", "summary"),
        default="full",
        help="full report or a 2-3 page summary",
    )
    report.add_argument(
        "--templates",
        metavar="DIR",
        help="a folder of templates replacing the bundled ones, file by file",
    )
    report.add_argument("--pdf-variant", choices=("pdf/a-3b",), help="write an archival PDF/A-3b")
    report.add_argument(
        "--accent", metavar="#RRGGBB", help="accent colour for headings and the cover"
    )
    report.add_argument("--logo", metavar="PATH", help="a logo image for the cover")

    cohort = commands.add_parser(
        "cohort", help="build anonymous peer statistics from many assessments"
    )
    cohort_commands = cohort.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = cohort_commands.add_parser(
        "build",
        help="score every assessment under the paths and write their statistics",
        description="Score every assessment and write anonymous statistics per criteria set and peer group.",
    )
    build.add_argument("paths", nargs="+", metavar="PATH", help="assessment files or directories")
    build.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the cohort file to write (JSON)"
    )
    build.add_argument(
        "--by",
        choices=("portfolio", "country", "size"),
        default="portfolio",
        help="how peers are grouped",
    )
    build.add_argument(
        "--min-size",
        type=int,
        default=5,
        metavar="N",
        help="leave out groups smaller than N (default 5)",
    )

    compare = commands.add_parser("compare", help="compare two assessments of one organisation")
    compare.add_argument("old", metavar="OLD", help="the earlier assessment")
    compare.add_argument("new", metavar="NEW", help="the later assessment")
    compare.add_argument("--format", choices=("text", "json"), default="text")

    history = commands.add_parser("history", help="the label history of one organisation")
    history.add_argument("paths", nargs="+", metavar="PATH", help="assessment files or directories")
    history.add_argument(
        "--organisation", required=True, metavar="NAME", help="the organisation's name"
    )
    history.add_argument(
        "--country", metavar="CODE", help="its country (ISO 3166 alpha-3), when the name is shared"
    )
    history.add_argument("--format", choices=("text", "json"), default="text")

    batch = commands.add_parser(
        "batch",
        help="score and render every assessment of a folder",
        description="Score and render every assessment under DIR into OUTDIR, in worker processes; "
        "outputs whose inputs have not changed are not rendered again.",
    )
    batch.add_argument("source", metavar="DIR", help="a folder of assessment files")
    batch.add_argument(
        "-o", "--output", required=True, metavar="OUTDIR", help="folder to write into"
    )
    batch.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: one per core)",
    )
    batch.add_argument(
        "--cohort", metavar="FILE", help="add a peer comparison from this cohort file"
    )
    batch.add_argument("--lang", metavar="LANG", help="report language: en or nb")
    batch.add_argument("--format", choices=("pdf", "html", "json"), default="pdf")
    batch.add_argument("--audience", choices=("full", "summary"), default="full")
    batch.add_argument(
        "--templates", metavar="DIR", help="templates replacing the bundled ones, file by file"
    )
    batch.add_argument("--force", action="store_true", help="render everything, changed or not")

    doctor = commands.add_parser("doctor", help="check what reports need on this machine")
    doctor.add_argument("--format", choices=("text", "json"), default="text")

    criteria = commands.add_parser("criteria", help="list the bundled criteria sets, or show one")
    criteria_commands = criteria.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = criteria_commands.add_parser("list", help="the bundled criteria sets")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = criteria_commands.add_parser("show", help="a readable overview of a criteria set")
    show.add_argument("criteria", metavar="ID|PATH")
    show.add_argument(
        "--lang", metavar="LANG", help="language of the criteria texts (default: the first)"
    )

    new = commands.add_parser(
        "new",
        help="write a blank assessment (a questionnaire) for a criteria set",
        description="Write a blank assessment with every question as a comment, ready to fill in.",
    )
    new.add_argument("criteria", metavar="ID|PATH")
    new.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )
    new.add_argument(
        "--lang", metavar="LANG", help="language of the questions (default: the criteria's first)"
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    schema = commands.add_parser("schema", help="print the JSON Schema of a file kind")
    schema.add_argument(
        "name", choices=("assessment", "cohort", "criteria", "result"), help="which schema"
    )
    return parser


def _criteria_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--criteria",
        metavar="ID|PATH",
        help="criteria to use instead of those the assessment names",
    )
    command.add_argument(
        "--previous",
        metavar="FILE",
        help="the previous assessment, instead of the one the file names",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    module = importlib.import_module(f"clusterbench.cli.{args.command}_cmd")
    try:
        return int(module.run(args))
    except BrokenPipeError:  # output piped into `head`
        sys.stderr.close()
        return EXIT_OK


def run() -> NoReturn:
    """Entry point of the ``clusterbench`` console script."""
    sys.exit(main())
