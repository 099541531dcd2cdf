"""The ``clusterbench`` command: a thin adapter over the library.

This is the only place that prints or exits, and :func:`main` is its one error
handler: commands raise, ``main`` turns what they raise into a message and an exit code
(:mod:`.status`).  Command modules are imported only when their command runs, so that
``validate`` never pays for rendering.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import NoReturn

from ..errors import ClusterbenchError, NotFoundError
from .console import prepare_streams
from .errors import print_error
from .parser import build_parser
from .status import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_LEVEL,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    issues_url,
)

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_LEVEL",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "main",
    "run",
]

Command = Callable[[argparse.Namespace], int]


def _command(name: str) -> Command:
    """The function that runs command ``name``, imported only now."""
    match name:
        case "validate":
            from .validate_cmd import run
        case "score":
            from .score_cmd import run
        case "report":
            from .report_cmd import run
        case "cohort":
            from .cohort_cmd import run
        case "compare":
            from .compare_cmd import run
        case "history":
            from .history_cmd import run
        case "register":
            from .register_cmd import run
        case "certificate":
            from .certificate_cmd import run
        case "batch":
            from .batch_cmd import run
        case "doctor":
            from .doctor_cmd import run
        case "criteria":
            from .criteria_cmd import run
        case "new":
            from .new_cmd import run
        case "migrate":
            from .migrate_cmd import run
        case "schema":
            from .schema_cmd import run
        case "serve":
            from .serve_cmd import run
        case "completion":
            from .completion_cmd import run
        case _:  # pragma: no cover - the parser offers only the commands above
            raise AssertionError(f"no command {name!r}")
    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    0 done, 1 invalid input, 2 usage error, 3 internal error (a bug: please report it),
    4 a required level not reached, 130 interrupted.
    """
    prepare_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error (already printed)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    name = " ".join(part for part in (args.command, getattr(args, "action", None)) if part)
    try:
        return _command(args.command)(args)
    except (UsageError, NotFoundError) as exc:  # a name on the command line is wrong
        args.parser.print_usage(sys.stderr)
        print(f"clusterbench {name}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ClusterbenchError as exc:
        print_error(name, exc)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print(
            f"\nclusterbench {name}: interrupted; every file written is whole, none is half-written",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(
            f"clusterbench {name}: internal error: {type(exc).__name__}: {exc}\n"
            f"This is a bug in clusterbench. Please report it, with the command you ran, at "
            f"{issues_url()}" + ("" if args.debug else " (add --debug to see the traceback)"),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def run() -> NoReturn:
    """Entry point of the ``clusterbench`` console script."""
    sys.exit(main())
