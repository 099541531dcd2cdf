"""What several commands share on their command lines: option groups and argument types.

Values argparse can check (a choice, a colour, a count, a date) are checked here, so that
a mistake is a usage error with the command's own usage line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable

from ..report.options import AUDIENCES, LANGUAGES, PDF_VARIANTS, accent_colour

__all__ = [
    "Subparsers",
    "VersionAction",
    "branding_options",
    "checked",
    "command",
    "count",
    "criteria_options",
    "debug_option",
    "format_option",
    "iso_date",
    "rendering_options",
]

Subparsers = argparse._SubParsersAction


def command(
    commands: Subparsers[argparse.ArgumentParser], name: str, help: str, description: str = ""
) -> argparse.ArgumentParser:
    """A (sub)command's parser, with `--debug` and a reference to itself for usage errors."""
    parser = commands.add_parser(name, help=help, description=description or help)
    parser.set_defaults(parser=parser)  # for usage errors found after parsing
    debug_option(parser, default=argparse.SUPPRESS)
    return parser


def debug_option(parser: argparse.ArgumentParser, default: object) -> None:
    """``--debug``: show the traceback of an internal error."""
    # SUPPRESS in subcommands: otherwise their default would overwrite a --debug given
    # before the command name.
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="show the traceback of an internal error",
    )


def format_option(parser: argparse.ArgumentParser, *choices: str) -> None:
    """``--format`` with these choices, the first the default."""
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=f"output format (default: {choices[0]})",
    )


def criteria_options(parser: argparse.ArgumentParser) -> None:
    """What `score` and `report` score: other criteria, another previous, other answers."""
    parser.add_argument(
        "--criteria",
        metavar="ID|PATH",
        help="criteria to use instead of those the assessment names",
    )
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="the previous assessment, instead of the one the file names",
    )
    parser.add_argument(
        "--assume",
        action="append",
        default=[],
        metavar="ID=VALUE",
        help="answer an indicator differently, without editing the file (repeatable; "
        "esca-eligibility.E2=0.3 for a related set's, G10=null for no answer): a what-if",
    )


def rendering_options(parser: argparse.ArgumentParser) -> None:
    """What `report` and `batch` share: peers, language, audience, templates."""
    parser.add_argument(
        "--cohort", metavar="FILE", help="add a peer comparison from this cohort file"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="report language (default: the criteria's first that reports are written in)",
    )
    parser.add_argument(
        "--audience",
        choices=AUDIENCES,
        default=AUDIENCES[0],
        help="full report, or a 2-3 page summary for a board or a funder (default: full)",
    )
    parser.add_argument(
        "--templates",
        metavar="DIR",
        help="a folder of templates replacing the bundled ones, file by file",
    )


def branding_options(parser: argparse.ArgumentParser) -> None:
    """What `report` and `batch` share to brand a report: PDF variant, accent, logo."""
    parser.add_argument(
        "--pdf-variant", choices=PDF_VARIANTS, help="write an archival PDF (PDF/A-3b)"
    )
    parser.add_argument(
        "--accent",
        type=checked(accent_colour, "colour"),
        metavar="#RRGGBB",
        help="accent colour for headings and the cover",
    )
    parser.add_argument("--logo", metavar="PATH", help="a logo image for the cover")


def checked(convert: Callable[[str], object], what: str) -> Callable[[str], object]:
    """An argparse type that turns ``convert``'s ValueError into a usage error."""

    def parse(text: str) -> object:
        try:
            return convert(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = what
    return parse


def count(minimum: int) -> Callable[[str], object]:
    """An argparse type for a whole number of at least ``minimum``."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise ValueError(f"must be at least {minimum}, got {value}")
        return value

    return checked(convert, "count")


def iso_date(text: str) -> object:
    """An argparse type for a date written YYYY-MM-DD, within the dates files may hold."""
    from ..models.domain import date_problem

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: write a date as YYYY-MM-DD") from None
    problem = date_problem(day)
    if problem is not None:
        raise argparse.ArgumentTypeError(f"{text!r} {problem}")
    return day


class VersionAction(argparse.Action):
    """`--version`, reading the installed package's metadata only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from .._version import __version__

        parser._print_message(f"clusterbench {__version__}\n", sys.stdout)  # as argparse's own
        parser.exit()
