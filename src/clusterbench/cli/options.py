"""What several commands share on their command lines: the parser, option groups, types.

Values argparse can check (a choice, a colour, a count, a date, a path that must exist)
are checked here, so that a mistake is a usage error (exit 2) printed after the command's
own usage line.  The choices come from the library's constants, never copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
import typing
from collections.abc import Callable, Sequence
from typing import Any

from ..report.options import AUDIENCES, LANGUAGES, PDF_VARIANTS, accent_colour

__all__ = [
    "CommandParser",
    "LibraryChoices",
    "Subparsers",
    "VersionAction",
    "branding_options",
    "checked",
    "command",
    "count",
    "criteria_options",
    "debug_option",
    "format_option",
    "input_path",
    "iso_date",
    "language_option",
    "output_option",
    "rendering_options",
]

Subparsers = argparse._SubParsersAction


class CommandParser(argparse.ArgumentParser):
    """A parser whose every mistake is reported with its own usage line.

    argparse leaves an unknown option after a command's name to the top-level parser,
    which then prints the top-level usage (`usage: clusterbench [-h] ... COMMAND`);
    here each (sub)command refuses what it does not know itself.  A missing command or
    action is checked after unknown options, so that `clusterbench --bogus` says that
    `--bogus` is unknown rather than that a command is missing.
    """

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        for action in self._actions:
            if (
                isinstance(action, argparse._SubParsersAction)
                and action.dest is not None
                and getattr(parsed, action.dest, None) is None
            ):
                self.error(f"the following arguments are required: {action.metavar}")
        return parsed, []


def commands(parser: argparse.ArgumentParser, dest: str, metavar: str) -> Subparsers[CommandParser]:
    """The (sub)commands of ``parser``: required, checked by :class:`CommandParser`."""
    return parser.add_subparsers(
        dest=dest, metavar=metavar, required=False, parser_class=CommandParser
    )


class LibraryChoices(Sequence[str]):
    """The choices of an option, read from a library constant (a tuple or a Literal type)
    when first asked for: building the command line must not import the models, which
    would cost every command, ``--version`` included, a tenth of a second.  Give the
    option a metavar, so that argparse does not list them while it is being built."""

    def __init__(self, module: str, name: str) -> None:
        self._where = (module, name)
        self._values: tuple[str, ...] | None = None

    @property
    def values(self) -> tuple[str, ...]:
        """The choices, in the library's order."""
        if self._values is None:
            module, name = self._where
            found = getattr(importlib.import_module(module), name)
            self._values = tuple(typing.get_args(found) or found)
        return self._values

    def __getitem__(self, index: Any) -> Any:
        return self.values[index]

    def __len__(self) -> int:
        return len(self.values)


def command(
    group: Subparsers[CommandParser], name: str, help: str, description: str = ""
) -> CommandParser:
    """A (sub)command's parser, with `--debug` and a reference to itself for usage errors."""
    parser = group.add_parser(name, help=help, description=description or help)
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


def language_option(
    parser: argparse.ArgumentParser,
    of: str,
    *,
    default: str | None = None,
    unless: str = "the criteria's first",
    repeatable: bool = False,
) -> None:
    """``--lang``: one of the languages clusterbench writes in (the library's list).

    ``of`` says what is written in it; ``unless`` what is used without it.  Repeatable,
    it collects a list (``validate``: each language to check texts for).
    """
    names = ", ".join(LANGUAGES)
    if repeatable:
        parser.add_argument(
            "--lang",
            action="append",
            choices=LANGUAGES,
            default=[],
            metavar="LANG",
            help=f"{of} ({names}; repeatable)",
        )
        return
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        metavar="LANG",
        help=f"language of {of}: {names} (default: {default or unless})",
    )


def output_option(
    parser: argparse.ArgumentParser,
    what: str,
    *,
    metavar: str = "OUT",
    required: bool = True,
    stdout: bool = True,
) -> None:
    """``-o``/``--output``: where ``what`` is written; ``-`` for standard output where
    ``stdout`` (elsewhere refused: a command that writes a folder of files)."""

    def target(text: str) -> str:
        from ..pipeline.files import STDOUT  # imported when parsing, not when building

        if "\0" in text:
            raise argparse.ArgumentTypeError("a path cannot hold a NUL character")
        if text == STDOUT and not stdout:
            raise argparse.ArgumentTypeError(
                "this command writes a folder of files, which standard output (-) cannot "
                "hold; name a folder"
            )
        return text

    target.__name__ = "output"
    where = " (- for standard output)" if stdout else ""
    default = "" if required else "; default: standard output"
    parser.add_argument(
        "-o",
        "--output",
        required=required,
        type=target,
        metavar=metavar,
        help=f"{what}{where}{default}",
    )


def input_path(text: str) -> str:
    """An argparse type for a file or folder the command reads: a path that does not exist
    is a usage error (exit 2), as a wrong id is.  One that exists but cannot be used (a
    FIFO, a folder where a file is wanted, a dangling symbolic link, no permission) is left
    to the reader, which says why (exit 1)."""
    if "\0" in text:
        raise argparse.ArgumentTypeError(f"{text!r}: a path cannot hold a NUL character")
    if not os.path.lexists(text):
        raise argparse.ArgumentTypeError(f"{text}: no such file or directory")
    return text


input_path.__name__ = "path"


def criteria_options(parser: argparse.ArgumentParser) -> None:
    """What `score` and `report` score: other criteria, another previous, other answers."""
    parser.add_argument(
        "--criteria",
        metavar="ID|PATH",
        help="criteria to use instead of those the assessment names",
    )
    parser.add_argument(
        "--previous",
        type=input_path,
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
        "--cohort",
        type=input_path,
        metavar="FILE",
        help="add a peer comparison from this cohort file",
    )
    language_option(parser, "the report", unless="the criteria's first")
    parser.add_argument(
        "--audience",
        choices=AUDIENCES,
        default=AUDIENCES[0],
        help="full report, or a 2-3 page summary for a board or a funder (default: full)",
    )
    parser.add_argument(
        "--templates",
        type=input_path,
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
    parser.add_argument(
        "--logo", type=input_path, metavar="PATH", help="a logo image for the cover"
    )


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
