"""The command line's arguments: one function per command, shared options defined once.

Choices come from the library (report languages, audiences, formats, PDF variants), so
the command line offers exactly what the renderer accepts.  Values argparse can check
(a choice, a colour, a count) are checked here, so that a mistake is a usage error
with the command's own usage line.  Nothing here imports Jinja2, Babel or WeasyPrint.
"""

from __future__ import annotations

import argparse
import os

from ..report.options import FORMATS, LANGUAGES
from ..scoring.statuses import STATUSES
from .options import (
    Subparsers,
    VersionAction,
    branding_options,
    command,
    count,
    criteria_options,
    debug_option,
    format_option,
    iso_date,
    rendering_options,
)

__all__ = ["build_parser"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="clusterbench",
        description="Assessment-based labelling: validate criteria, score assessments, render reports.",
        epilog="Exit codes: 0 done, 1 invalid input, 2 usage error, 3 internal error, "
        "4 a required level not reached, 130 interrupted.",
    )
    parser.add_argument(
        "--version", action=VersionAction, nargs=0, help="show the version and exit"
    )
    debug_option(parser, default=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in (
        _validate,
        _score,
        _report,
        _cohort,
        _compare,
        _history,
        _register,
        _certificate,
        _batch,
        _doctor,
        _criteria,
        _new,
        _migrate,
        _schema,
        _serve,
        _completion,
    ):
        add(commands)
    return parser


# ---------------------------------------------------------------- commands
def _validate(commands: Subparsers[argparse.ArgumentParser]) -> None:
    validate = command(
        commands,
        "validate",
        "check criteria and assessment files (for CI)",
        "Check criteria and assessment files; report every problem with file:line:col.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    format_option(validate, "text", "json", "github")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument(
        "--lang",
        action="append",
        choices=LANGUAGES,
        default=[],
        metavar="LANG",
        help=f"warn about each text without a LANG version ({', '.join(LANGUAGES)}; repeatable)",
    )


def _score(commands: Subparsers[argparse.ArgumentParser]) -> None:
    score = command(
        commands,
        "score",
        "score an assessment: level, why, gap, margin, validity",
        "Score an assessment file against its criteria and explain the level.",
    )
    score.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file")
    criteria_options(score)
    format_option(score, "text", "json")
    score.add_argument(
        "--cohort", metavar="FILE", help="compare with the peer group in this cohort file"
    )
    score.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the summary (default: the criteria's first clusterbench speaks)",
    )
    score.add_argument(
        "--require-level",
        metavar="LEVEL",
        help="exit 4 unless this level (or a higher one) is reached: a CI gate",
    )


def _report(commands: Subparsers[argparse.ArgumentParser]) -> None:
    report = command(
        commands,
        "report",
        "render an assessment report (PDF, HTML or JSON)",
        "Score an assessment and render its report.",
    )
    report.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file")
    report.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="file to write (- for standard output)"
    )
    criteria_options(report)
    rendering_options(report)
    report.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from OUT's extension, else pdf)",
    )
    branding_options(report)


def _cohort(commands: Subparsers[argparse.ArgumentParser]) -> None:
    cohort = command(commands, "cohort", "build anonymous peer statistics from many assessments")
    actions = cohort.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = command(
        actions,
        "build",
        "score every assessment under the paths and write their statistics",
        "Score every assessment and write anonymous statistics per criteria set and peer group.",
    )
    build.add_argument("paths", nargs="+", metavar="PATH", help="assessment files or directories")
    build.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the cohort file to write (JSON; - for standard output)",
    )
    build.add_argument(
        "--by",
        choices=("portfolio", "country", "size"),
        default="portfolio",
        help="how peers are grouped (default: portfolio)",
    )
    build.add_argument(
        "--min-size",
        type=count(1),
        default=5,
        metavar="N",
        help="leave out groups smaller than N (default 5)",
    )


def _compare(commands: Subparsers[argparse.ArgumentParser]) -> None:
    compare = command(commands, "compare", "compare two assessments of one organisation")
    compare.add_argument("old", metavar="OLD", help="the earlier assessment")
    compare.add_argument("new", metavar="NEW", help="the later assessment")
    format_option(compare, "text", "json")


def _history(commands: Subparsers[argparse.ArgumentParser]) -> None:
    history = command(commands, "history", "the label history of one organisation")
    history.add_argument("paths", nargs="+", metavar="PATH", help="assessment files or directories")
    history.add_argument(
        "--organisation", required=True, metavar="NAME", help="the organisation's name"
    )
    history.add_argument(
        "--country", metavar="CODE", help="its country (ISO 3166 alpha-3), when the name is shared"
    )
    history.add_argument(
        "--id", metavar="ID", help="its organisation.id, when the name is shared in one country"
    )
    history.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="where the labels stand on DATE (default: today)",
    )
    format_option(history, "text", "json")


def _register(commands: Subparsers[argparse.ArgumentParser]) -> None:
    register = command(
        commands,
        "register",
        "the labels in force: valid, in renewal window, expired, pending decision",
        "Every organisation found under the paths, with its label per criteria set on a day: "
        "valid, in its renewal window, expired, superseded or pending the body's decision, "
        "valid until when, the last day to renew without a gap, and the next step.",
    )
    register.add_argument("paths", nargs="+", metavar="PATH", help="assessment files or folders")
    register.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="the day the register is for (default: today)",
    )
    register.add_argument(
        "--country",
        action="append",
        default=[],
        metavar="CODE",
        help="only this country (repeatable)",
    )
    register.add_argument(
        "--level",
        action="append",
        default=[],
        metavar="LEVEL",
        help="only this level: its id or its title (repeatable)",
    )
    register.add_argument(
        "--status",
        action="append",
        default=[],
        choices=STATUSES,
        help="only this status (repeatable)",
    )
    register.add_argument(
        "--due-within",
        metavar="PERIOD",
        help="only labels whose end or renewal deadline falls within it: 90d, 6w, 6m, 1y",
    )
    register.add_argument(
        "--since",
        type=iso_date,
        metavar="DATE",
        help="instead, list the decisions taken since DATE (the board's list)",
    )
    format_option(register, "text", "csv", "json", "html")
    register.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=LANGUAGES[0],
        help="language of the words (default: en)",
    )
    register.add_argument(
        "--all",
        action="store_true",
        help="HTML: every status and every file left out (default: a public page of the "
        "labels in force, or with --since of the labels awarded)",
    )
    register.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    register.add_argument(
        "--jobs",
        type=count(1),
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes reading the files (default: one per core)",
    )


def _certificate(commands: Subparsers[argparse.ArgumentParser]) -> None:
    certificate = command(
        commands,
        "certificate",
        "a one-page certificate of an approved label (PDF)",
        "Write a one-page A4 certificate for the label an assessment holds: organisation, "
        "level, criteria set and version, valid from and until, report id, the decision and "
        "the awarding body. Refused unless the labelling body approved the level.",
    )
    certificate.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file")
    certificate.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the PDF to write"
    )
    certificate.add_argument(
        "--lang", choices=LANGUAGES, help="language (default: the criteria's first)"
    )
    certificate.add_argument(
        "--draft", action="store_true", help="a level not approved yet: marked DRAFT on the page"
    )


def _batch(commands: Subparsers[argparse.ArgumentParser]) -> None:
    batch = command(
        commands,
        "batch",
        "score and render every assessment of a folder",
        "Score and render every assessment under DIR into OUTDIR, in worker processes; "
        "outputs whose inputs have not changed are not rendered again.",
    )
    batch.add_argument("source", metavar="DIR", help="a folder of assessment files")
    batch.add_argument(
        "-o", "--output", required=True, metavar="OUTDIR", help="folder to write into"
    )
    batch.add_argument(
        "--jobs",
        type=count(1),
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: one per core)",
    )
    rendering_options(batch)
    branding_options(batch)
    format_option(batch, *FORMATS)
    batch.add_argument(
        "--name",
        metavar="TEMPLATE",
        help="the outputs' names without extension, from {stem}, {lang}, {audience}, "
        "{organisation}, {report_id} (default: {stem}.{lang}.{audience}; JSON: {stem})",
    )
    batch.add_argument(
        "--certificates",
        action="store_true",
        help="also a certificate for every approved label ({stem}.{lang}.certificate.pdf)",
    )
    batch.add_argument("--force", action="store_true", help="render everything, changed or not")


def _doctor(commands: Subparsers[argparse.ArgumentParser]) -> None:
    doctor = command(commands, "doctor", "check what reports need on this machine")
    format_option(doctor, "text", "json")


def _criteria(commands: Subparsers[argparse.ArgumentParser]) -> None:
    criteria = command(
        commands, "criteria", "list the bundled criteria sets, show one, or compare two versions"
    )
    actions = criteria.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = command(actions, "list", "the bundled criteria sets")
    format_option(listing, "text", "json")
    show = command(actions, "show", "a readable overview of a criteria set")
    show.add_argument("criteria", metavar="ID|PATH")
    show.add_argument(
        "--lang", choices=LANGUAGES, help="language of the overview (default: the criteria's first)"
    )
    diff = command(
        actions,
        "diff",
        "what changed from one criteria version to another",
        "List the indicators added, removed, renamed and changed (points, rules, bands, "
        "minimum requirements, answers) and the levels' changes from criteria A to B, "
        "paired through the indicator maps when B supersedes A.",
    )
    diff.add_argument("old", metavar="A", help="ID@VERSION, ID or a criteria file")
    diff.add_argument("new", metavar="B", help="ID@VERSION, ID or a criteria file")
    format_option(diff, "text", "json")
    diff.add_argument(
        "--lang", metavar="LANG", help="language of the criteria texts (default: B's first)"
    )


def _new(commands: Subparsers[argparse.ArgumentParser]) -> None:
    new = command(
        commands,
        "new",
        "write a blank assessment (a questionnaire) for a criteria set",
        "Write a blank assessment with every question as a comment, ready to fill in.",
    )
    new.add_argument("criteria", metavar="ID|PATH")
    new.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )
    new.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the questions and comments (default: the criteria's first)",
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")


def _migrate(commands: Subparsers[argparse.ArgumentParser]) -> None:
    migrate = command(
        commands,
        "migrate",
        "move an assessment onto a later version of its criteria",
        "Write the assessment answering a later version of its criteria: answers carried "
        "over through the versions' indicator maps, answers without a counterpart kept as "
        "comments, and the new questions listed as comments at the end of `answers`.",
    )
    migrate.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file")
    migrate.add_argument("--to", required=True, metavar="ID@VERSION", help="the version to move to")
    migrate.add_argument(
        "-o", "--output", required=True, metavar="NEW", help="file to write (- for standard output)"
    )
    migrate.add_argument(
        "--lang", metavar="LANG", help="language of the questions (default: the criteria's first)"
    )
    migrate.add_argument("--force", action="store_true", help="overwrite an existing file")


def _schema(commands: Subparsers[argparse.ArgumentParser]) -> None:
    schema = command(commands, "schema", "print the JSON Schema of a file kind")
    schema.add_argument(
        "name", choices=("assessment", "cohort", "criteria", "result"), help="which schema"
    )


def _serve(commands: Subparsers[argparse.ArgumentParser]) -> None:
    serve = command(
        commands,
        "serve",
        "the assessor's workbench: edit and score assessments in the browser",
        "Serve a local web page over a folder of assessments: fill in answers and see the "
        "level, gap and margin change as you type; save; preview and download reports. "
        "Needs the serve extra: pip install 'clusterbench[serve]'.",
    )
    serve.add_argument("folder", nargs="?", default=".", metavar="FOLDER", help="default: .")
    serve.add_argument(
        "--port", type=count(0), default=0, metavar="N", help="port (default: a free one)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        choices=("127.0.0.1",),
        help="address to listen on: only this machine",
    )
    serve.add_argument(
        "--lang", choices=LANGUAGES, default=LANGUAGES[0], help="language of the page"
    )


def _completion(commands: Subparsers[argparse.ArgumentParser]) -> None:
    completion = command(
        commands,
        "completion",
        "print a shell completion script (bash, zsh or tcsh)",
        "Print a completion script for your shell; for bash: "
        "clusterbench completion bash > ~/.local/share/bash-completion/completions/clusterbench",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"))
