"""``clusterbench register PATHS``: labels in force, renewals due, decisions taken."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

from ..pipeline.files import Inputs
from ..pipeline.register import Register, build_register
from ..pipeline.register_view import (
    DECISION_COLUMNS,
    Record,
    decision_records,
    level_ids,
    parse_period,
    problem_records,
    records,
)
from ..report.register_page import RegisterWords
from ..scoring.standing import IN_FORCE, Status
from .output import Target
from .status import EXIT_INVALID, EXIT_OK, UsageError

_COLUMNS = (
    "country",
    "organisation",
    "organisation_id",
    "criteria",
    "criteria_version",
    "level",
    "designations",
    "designations_until",
    "status",
    "valid_from",
    "valid_until",
    "renew_by",
    "next_step",
    "next_by",
    "assessed",
    "decided",
    "decided_by",
    "reference",
    "pending_since",
    "pending_level",
    "superseded_by",
    "superseded_criteria",
    "superseded_since",
    "website",
    "file",
    "problem",
)
"""The CSV's columns: a row per register entry, then a row per file left out (status
`problem`, with the file and why)."""


def run(args: argparse.Namespace) -> int:
    """Build the register on the day asked (default: today) and write it."""
    on: dt.date = args.as_of or dt.date.today()  # the clock is read here, at the edge only
    if args.since is not None and args.since > on:
        raise UsageError(
            f"--since {args.since.isoformat()} is after the register's day {on.isoformat()}: "
            "nothing can have been decided in between"
        )
    due_by = None
    if args.due_within is not None:
        try:
            due_by = parse_period(args.due_within, on)
        except ValueError as exc:
            raise UsageError(f"--due-within {exc}") from None
    target = Target(args.output)
    target.check(Inputs(args.paths))  # a wrong -o costs nothing: checked before any work
    register = build_register(args.paths, on=on, jobs=args.jobs)
    levels = _levels(register, args.level)
    for problem in register.problems:
        print(f"{problem.file}: {problem.message}", file=sys.stderr)
    countries = [c.upper() for c in args.country]
    statuses: list[Status] = list(args.status)
    public = args.format == "html" and not args.all and not statuses
    if args.since is not None:
        found = decision_records(
            register.decided_since(args.since),
            countries=countries,
            levels=sorted(levels),
            statuses=statuses,
            language=args.lang,
        )
        if public:  # a public list names the labels awarded, not the refusals
            found = [d for d in found if d["decision"] == "approved"]
        text = _decisions(found, register, args, on, public)
    else:
        shown = records(
            register,
            countries=countries,
            levels=sorted(levels),
            statuses=list(IN_FORCE) if public else statuses,
            due_by=due_by,
            language=args.lang,
        )
        text = _formatted(shown, register, args, on, public)
    if target.to_stdout and args.format == "text":
        target.check(Inputs(register.sources))  # not onto a file it was made from
        sys.stdout.write(text)  # for people: what the terminal cannot show gets stand-ins
    else:
        written = target.write(text.encode("utf-8"), Inputs(register.sources))
        if not target.to_stdout:
            target.say(f"wrote {written}")
    return EXIT_INVALID if register.problems else EXIT_OK


def _levels(register: Register, asked: Sequence[str]) -> set[str]:
    """The level ids ``--level`` names (ids or titles); a usage error for an unknown one."""
    ids, unknown = level_ids(register.criteria, asked)
    if unknown:
        offered = sorted(
            {
                f"{lv.id} ({lv.title.in_language('en')})"
                for c in register.criteria
                for lv in c.levels
            }
        )
        raise UsageError(
            f"--level {unknown[0]!r}: no criteria set found has that level; "
            f"choose from {', '.join(offered) or 'none (no assessment was found)'}"
        )
    return ids


def _formatted(
    found: list[Record], register: Register, args: argparse.Namespace, on: dt.date, public: bool
) -> str:
    problems = problem_records(register)
    if args.format == "json":
        data = {
            "as_of": on.isoformat(),
            "entries": [r.to_dict() for r in found],
            "problems": problems,
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_COLUMNS)
        for record in found:
            row = record.to_dict()
            row["designations"] = " ".join(record.designations)
            writer.writerow(["" if row.get(c) is None else row[c] for c in _COLUMNS])
        for problem in problems:
            cells = {**problem, "status": "problem"}
            writer.writerow([cells.get(c, "") for c in _COLUMNS])
        return out.getvalue()
    if args.format == "html":
        from ..report.register_page import render_register_html

        return render_register_html(
            found, on, language=args.lang, problems=register.problems, public=public
        )
    return RegisterWords(args.lang).register_text(found, on, register.problems)


def _decisions(
    rows: list[dict[str, Any]],
    register: Register,
    args: argparse.Namespace,
    on: dt.date,
    public: bool,
) -> str:
    since: dt.date = args.since
    problems = problem_records(register)
    if args.format == "json":
        data = {
            "since": since.isoformat(),
            "as_of": on.isoformat(),
            "decisions": rows,
            "problems": problems,
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.format == "csv":
        out = io.StringIO()
        columns = [*DECISION_COLUMNS, "file", "problem"]
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", restval="")
        writer.writeheader()  # also when nothing was decided: the columns are known
        writer.writerows(rows)
        writer.writerows({**p, "status": "problem"} for p in problems)
        return out.getvalue()
    if args.format == "html":
        from ..report.register_page import render_decisions_html

        return render_decisions_html(
            rows, since, on, language=args.lang, problems=register.problems, public=public
        )
    return RegisterWords(args.lang).decisions_text(rows, since, on, register.problems)
