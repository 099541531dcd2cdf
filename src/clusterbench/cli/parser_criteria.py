"""Arguments of the commands about criteria sets: criteria list|show|diff, new, schema."""

from __future__ import annotations

from .options import (
    CommandParser,
    LibraryChoices,
    Subparsers,
    command,
    commands,
    format_option,
    language_option,
    output_option,
)

__all__ = ["criteria", "new", "schema"]


def criteria(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group, "criteria", "list the bundled criteria sets, show one, or compare two versions"
    )
    actions = commands(parser, "action", "ACTION")
    listing = command(actions, "list", "the bundled criteria sets")
    format_option(listing, "text", "json")
    show = command(actions, "show", "a readable overview of a criteria set")
    show.add_argument("criteria", metavar="ID|PATH", help="ID, ID@VERSION or a criteria file")
    language_option(show, "the overview")
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
    language_option(diff, "the criteria texts", unless="B's first")


def new(group: Subparsers[CommandParser]) -> None:
    parser = command(
        group,
        "new",
        "write a blank assessment (a questionnaire) for a criteria set",
        "Write a blank assessment with every question as a comment, ready to fill in.",
    )
    parser.add_argument("criteria", metavar="ID|PATH", help="ID, ID@VERSION or a criteria file")
    output_option(parser, "the assessment to write", metavar="FILE", required=False)
    language_option(parser, "the questions and comments")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def schema(group: Subparsers[CommandParser]) -> None:
    parser = command(group, "schema", "print the JSON Schema of a file kind")
    parser.add_argument(
        "name",
        choices=LibraryChoices("clusterbench.models.schema", "SCHEMA_NAMES"),
        metavar="NAME",
        help="which schema: %(choices)s",
    )
