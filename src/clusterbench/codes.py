"""The catalogue of Issue codes.

Codes are stable: a code once published keeps its meaning.  CB1xx are syntax and
schema problems, CB2xx cross-references and semantics of criteria files, CB3xx
problems of assessment files.  ``docs/criteria-language.md`` lists every code with
its fix; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CODES", "Code"]


@dataclass(frozen=True, slots=True)
class Code:
    """A stable problem code with a one-line title and the usual fix."""

    code: str
    title: str
    fix: str


_TABLE: tuple[tuple[str, str, str], ...] = (
    # --- CB1xx: reading, YAML syntax and schema -------------------------------
    (
        "CB100",
        "file cannot be read",
        "Check the path, the permissions of the file and its folders, and that it is a "
        "regular file (not a folder, FIFO or device).",
    ),
    (
        "CB101",
        "YAML syntax error",
        "Fix the YAML at the position shown (quotes, colons, indentation).",
    ),
    (
        "CB102",
        "unknown key",
        "Remove the key or correct its spelling; the message suggests the nearest known key.",
    ),
    ("CB103", "missing key", "Add the required key to the mapping shown."),
    ("CB104", "value out of range", "Use a value inside the stated bounds."),
    (
        "CB105",
        "wrong type",
        "Use a value of the stated type (a number, a text, a list, a mapping, true/false).",
    ),
    (
        "CB106",
        "value not allowed",
        "Use one of the listed values; the message suggests the nearest one.",
    ),
    ("CB107", "duplicate key", "Keep one of the two keys; YAML would silently drop the first."),
    ("CB108", "anchors and aliases", "Remove recursive aliases or reduce alias expansion."),
    ("CB109", "invalid value", "Correct the value as the message says."),
    (
        "CB110",
        "unknown file kind or format",
        "Start the file with `kind: criteria` or `kind: assessment` and `format: 1`.",
    ),
    ("CB111", "empty file", "Write the file's content, or remove the file."),
    (
        "CB112",
        "file too large",
        "Split the file; criteria and assessment files are far below the limit of 2 MiB "
        "and 150,000 values.",
    ),
    ("CB113", "not UTF-8", "Save the file as UTF-8."),
    ("CB114", "tab indentation", "Indent with spaces; YAML forbids tabs for indentation."),
    (
        "CB115",
        "number outside the domain",
        "Use at most 15 digits before the decimal point and 6 after it; quote a text.",
    ),
    ("CB116", "date outside the domain", "Use a date in the years 1000 to 2999."),
    (
        "CB117",
        "more problems not shown",
        "Fix the problems shown and check the file again; at most 200 are shown per file.",
    ),
    (
        "CB118",
        "text too long",
        "Shorten the text: names and titles hold at most 200 characters, paths and web "
        "addresses 1,000, other texts 5,000; put longer texts in a document referred to.",
    ),
    (
        "CB119",
        "too many items",
        "Keep at most 100 items in a list (300 indicators, examples or answers); keep the "
        "ones that matter.",
    ),
    (
        "CB120",
        "not an image",
        "Give a PNG, JPEG or SVG file; the file's first bytes, not its name, tell.",
    ),
    # --- CB2xx: criteria cross-references and semantics ------------------------
    (
        "CB201",
        "duplicate id",
        "Give every category, indicator, level, option and example its own id.",
    ),
    ("CB202", "unknown category", "Name a category declared under `categories`."),
    ("CB203", "unknown indicator", "Name an indicator declared under `indicators`."),
    (
        "CB204",
        "points do not add up",
        "Make the indicators' points sum to `max_points`, or correct `max_points`.",
    ),
    (
        "CB205",
        "rule does not fit the answer type",
        "Use a rule operator that the indicator's answer type supports.",
    ),
    (
        "CB206",
        "unknown option or step",
        "Name an option id (choice) or step value (scale) the answer declares.",
    ),
    (
        "CB207",
        "bands overlap",
        "Make the traffic-light bands disjoint so each answer gets one colour.",
    ),
    ("CB208", "bands leave a gap", "Extend the bands so that every possible answer gets a colour."),
    (
        "CB209",
        "partial credit ladder",
        "Give partial-credit steps fewer points than the indicator's full points.",
    ),
    (
        "CB210",
        "level can never be reached",
        "Relax the requirement so that some answers can meet it.",
    ),
    ("CB211", "missing translation", "Add the text in every language listed under `languages`."),
    (
        "CB212",
        "applicability cycle",
        "Break the cycle: an indicator cannot depend on itself through `applies_if`.",
    ),
    (
        "CB213",
        "unknown level",
        "Name a level declared under `levels` (a lower one, for `kind: level`).",
    ),
    (
        "CB214",
        "points without a rule",
        "Give an indicator that carries points a `pass` rule, `partial` steps or `bands`.",
    ),
    ("CB215", "bounds", "Keep `min` below `max`, and rule bounds inside the answer's bounds."),
    ("CB216", "undeclared language", "Add the language to `languages`, or remove the text."),
    (
        "CB217",
        "golden example fails",
        "Fix the criteria or the example; the message shows what the example got.",
    ),
    ("CB218", "text not translated", "Write the text as a mapping with one entry per language."),
    ("CB219", "unused category", "Put indicators in the category, or remove it."),
    (
        "CB220",
        "no golden examples",
        "Add examples with the level each must get; they are the criteria's tests.",
    ),
    ("CB221", "rule overlap", "A partial step overlapping the pass rule never applies; narrow it."),
    (
        "CB222",
        "unknown criteria set",
        "Name a criteria set that exists (a bundled id or a file in the same run).",
    ),
    (
        "CB223",
        "indicator map",
        "Map every old indicator to its new id (or to null when dropped), list the new ones under `supersedes.new`, and name only indicators that exist.",
    ),
    (
        "CB224",
        "superseded version not found",
        "Validate the older version's file in the same run, or bundle it as ID@VERSION.yaml, so that the map can be checked.",
    ),
    (
        "CB225",
        "supersession cycle",
        "Let each version supersede an older one only; a version never supersedes itself.",
    ),
    (
        "CB226",
        "duplicate version",
        "Give each version of a criteria set one file: change the `version` of one of them, or remove one.",
    ),
    # --- CB3xx: assessments ---------------------------------------------------
    (
        "CB301",
        "unknown indicator",
        "Answer only indicators the criteria declare; the message suggests the nearest id.",
    ),
    ("CB302", "answer of the wrong type", "Give a value of the indicator's answer type."),
    ("CB303", "answer out of bounds", "Give a value within the indicator's bounds."),
    ("CB304", "unknown option", "Choose one of the options the indicator declares."),
    (
        "CB305",
        "not applicable is not allowed",
        "Answer the indicator; its criteria do not allow `not_applicable`.",
    ),
    (
        "CB306",
        "missing answer",
        "Answer the indicator, or mark it not applicable with a reason where allowed.",
    ),
    ("CB307", "criteria not found", "Name a bundled criteria id, or pass --criteria with a file."),
    (
        "CB308",
        "criteria version differs",
        "Score with the criteria version the assessment names, or update the assessment.",
    ),
    (
        "CB309",
        "previous assessment",
        "Point `previous.file` at a valid, earlier assessment of the same organisation, "
        "with no loop and at most 20 in the chain.",
    ),
    ("CB310", "improvement area", "Name indicators of the criteria as improvement areas."),
    (
        "CB311",
        "text not translated",
        "Write the text per language, `{en: ..., nb: ...}`, for a report wholly in that language.",
    ),
    (
        "CB312",
        "list split at a comma",
        "Write the list one item per line (`- item`), or quote the item that holds a comma.",
    ),
    (
        "CB313",
        "unknown portfolio",
        "Name one of the portfolios the criteria list, or add it to their `portfolios`.",
    ),
    (
        "CB314",
        "related assessment",
        "Name an existing assessment file of that criteria set, relative to this one, "
        "with no loop and at most 20 assessments in a row behind it.",
    ),
    (
        "CB315",
        "decision",
        "Record a decision dated on or after the assessment, for a level of the criteria "
        "that the assessment reaches (or a lower one).",
    ),
    (
        "CB316",
        "criteria version not in force",
        "Score the assessment with the version in force on its date (named in the message), or migrate it: clusterbench migrate.",
    ),
    (
        "CB317",
        "year after the assessment",
        "Give the year the organisation was founded, a key figure's period began or data were "
        "checked: no later than the assessment's year.",
    ),
)

CODES: dict[str, Code] = {code: Code(code, title, fix) for code, title, fix in _TABLE}
