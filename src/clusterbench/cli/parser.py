"""The command line's arguments: the top-level parser and the order of its commands.

Each command's arguments are defined in the module of its concern (one assessment, many
files, criteria sets, the tools); what several share lives in :mod:`.options`.  Nothing
here imports Jinja2, Babel or WeasyPrint.
"""

from __future__ import annotations

from . import parser_assessment, parser_criteria, parser_files, parser_tools
from .options import CommandParser, VersionAction, commands, debug_option

__all__ = ["build_parser"]

_COMMANDS = (
    parser_files.validate,
    parser_assessment.score,
    parser_assessment.report,
    parser_files.cohort,
    parser_assessment.compare,
    parser_files.history,
    parser_files.register,
    parser_assessment.certificate,
    parser_files.batch,
    parser_tools.doctor,
    parser_criteria.criteria,
    parser_criteria.new,
    parser_assessment.migrate,
    parser_criteria.schema,
    parser_tools.serve,
    parser_tools.completion,
)


def build_parser() -> CommandParser:
    """The argument parser of every command."""
    parser = CommandParser(
        prog="clusterbench",
        description="Assessment-based labelling: validate criteria, score assessments, render reports.",
        epilog="Exit codes: 0 done, 1 invalid input, 2 usage error, 3 internal error, "
        "4 a required level not reached, 130 interrupted.",
    )
    parser.add_argument(
        "--version", action=VersionAction, nargs=0, help="show the version and exit"
    )
    debug_option(parser, default=False)
    group = commands(parser, "command", "COMMAND")
    for add in _COMMANDS:
        add(group)
    return parser
