"""The ``clusterbench`` command: a thin adapter over the library.

This is the only place that prints or exits.  Exit codes: 0 success, 1 invalid
input, 2 usage error, 4 a required level not reached.  Command modules are imported
only when their command runs, so that ``validate`` never pays for rendering.
"""

from __future__ import annotations

import argparse
import importlib
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

    schema = commands.add_parser("schema", help="print the JSON Schema of a file kind")
    schema.add_argument("name", choices=("criteria",), help="which schema")
    return parser


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
