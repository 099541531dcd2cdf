"""The ``clusterbench`` command: a thin adapter over the library.

This is the only place that prints or exits, and :func:`main` is its one error
handler: commands raise, ``main`` turns what they raise into a message and an exit code
(:mod:`.status`).  Command modules are imported only when their command runs, so that
``validate`` never pays for rendering.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from types import FrameType
from typing import NoReturn

from .._extras import missing_extra
from ..errors import ClusterbenchError, NotFoundError
from .console import StreamError, discard_output, prepare_streams
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
    4 a required level not reached, 130 interrupted (Ctrl-C or SIGTERM).
    """
    prepare_streams()
    with _terminated_as_interrupt():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version or a usage error (already printed)
            return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run a parsed command: the one place that turns what it raises into an exit code."""
    name = " ".join(part for part in (args.command, getattr(args, "action", None)) if part)
    try:
        code = _command(args.command)(args)
        sys.stdout.flush()  # a failure to write is the command's, said here, not at exit
        return code
    except (UsageError, NotFoundError) as exc:  # a name on the command line is wrong
        args.parser.print_usage(sys.stderr)
        print(f"clusterbench {name}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StreamError as exc:  # standard output is full or closed
        discard_output()
        print_error(name, exc)
        return EXIT_INVALID
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
        discard_output()
        return EXIT_OK
    except ImportError as exc:
        extra = missing_extra(exc)
        if extra is None:
            return _internal(name, exc, args.debug)
        print_error(name, extra)
        return EXIT_INVALID
    except Exception as exc:
        return _internal(name, exc, args.debug)


def _internal(name: str, exc: BaseException, debug: bool) -> int:
    if debug:
        traceback.print_exception(exc)
    print(
        f"clusterbench {name}: internal error: {type(exc).__name__}: {exc}\n"
        f"This is a bug in clusterbench. Please report it, with the command you ran, at "
        f"{issues_url()}" + ("" if debug else " (add --debug to see the traceback)"),
        file=sys.stderr,
    )
    return EXIT_INTERNAL


@contextlib.contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM (a CI timeout, a service stop, `kill`) stops a command as Ctrl-C does: the
    same clean-up runs (temporaries removed, helper processes ended) and it exits 130."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run() -> NoReturn:
    """Entry point of the ``clusterbench`` console script."""
    sys.exit(main())
