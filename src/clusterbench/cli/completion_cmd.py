"""``clusterbench completion bash|zsh|tcsh``: a shell completion script, made by shtab."""

from __future__ import annotations

import argparse
import sys

import shtab

from .parser import build_parser
from .status import EXIT_OK

# Arguments completed as paths: by metavar, so that the parser needs no shtab markers.
_FILES = {"PATH", "FILE", "OUT", "ASSESSMENT", "OLD", "NEW", "ID|PATH"}
_DIRECTORIES = {"DIR", "OUTDIR"}


def run(args: argparse.Namespace) -> int:
    """Print the completion script for ``args.shell``."""
    parser = build_parser()
    _mark_paths(parser)
    sys.stdout.write(shtab.complete(parser, shell=args.shell))
    return EXIT_OK


def _mark_paths(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _mark_paths(sub)
        elif action.metavar in _FILES:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.metavar in _DIRECTORIES:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
