"""Arguments of the tools: doctor, serve, completion."""

from __future__ import annotations

from ..report.options import LANGUAGES
from .options import (
    CommandParser,
    Subparsers,
    command,
    count,
    format_option,
    input_path,
    language_option,
)

__all__ = ["completion", "doctor", "serve"]


def doctor(group: Subparsers[CommandParser]) -> None:
    parser = command(group, "doctor", "check what reports need on this machine")
    format_option(parser, "text", "json")


def serve(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "serve",
        "the assessor's workbench: edit and score assessments in the browser",
        "Serve a local web page over a folder of assessments: fill in answers and see the "
        "level, gap and margin change as you type; save; preview and download reports. "
        "Needs the serve extra: pip install 'clusterbench[serve]'.",
    )
    parser.add_argument(
        "folder", nargs="?", type=input_path, default=".", metavar="FOLDER", help="default: ."
    )
    parser.add_argument(
        "--port", type=count(0), default=0, metavar="N", help="port (default: a free one)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        choices=("127.0.0.1",),
        help="address to listen on: only this machine",
    )
    language_option(parser, "the page", default=LANGUAGES[0])


def completion(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "completion",
        "print a shell completion script (bash, zsh or tcsh)",
        "Print a completion script for your shell; for bash: "
        "clusterbench completion bash > ~/.local/share/bash-completion/completions/clusterbench",
    )
    parser.add_argument("shell", choices=("bash", "zsh", "tcsh"))
