"""``clusterbench register PATHS``: labels in force, renewals due, decisions taken."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys

from ..pipeline.files import STDOUT, Inputs, check_output, write_output
from ..pipeline.register import build_register
from ..pipeline.register_view import Record, decision_records, parse_period, records
from ..report.register_page import STATUS_WORDS, next_step_words
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
    "reference",
    "pending_since",
    "website",
)


def run(args: argparse.Namespace) -> int:
    """Build the register on the day asked (default: today) and write it."""
    on: dt.date = args.as_of or dt.date.today()  # the clock is read here, at the edge only
    due_by = None
    if args.due_within is not None:
        try:
            due_by = parse_period(args.due_within, on)
        except ValueError as exc:
            raise UsageError(f"--due-within {exc}") from None
    if args.output not in (None, STDOUT):
        check_output(args.output)  # a wrong -o costs nothing: checked before any work
    register = build_register(args.paths, on=on, jobs=args.jobs)
    for problem in register.problems:
        print(f"{problem.file}: {problem.message}", file=sys.stderr)
    if args.since is not None:
        text = _decisions(register.decided_since(args.since), args.format, args.since, on)
    else:
        found = records(
            register,
            countries=[c.upper() for c in args.country],
            levels=args.level,
            statuses=args.status,
            due_by=due_by,
        )
        text = _formatted(found, args.format, on)
    if args.output in (None, STDOUT):
        sys.stdout.write(text)
    else:
        written = write_output(
            args.output,
            text.encode("utf-8"),
            stdout=sys.stdout.buffer,
            inputs=Inputs(register.sources),
        )
        print(f"wrote {written}", file=sys.stderr)
    return EXIT_INVALID if register.problems else EXIT_OK


def _formatted(found: list[Record], form: str, on: dt.date) -> str:
    if form == "json":
        data = {"as_of": on.isoformat(), "entries": [r.to_dict() for r in found]}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_COLUMNS)
        for record in found:
            row = record.to_dict()
            row["designations"] = " ".join(record.designations)
            writer.writerow(["" if row[c] is None else row[c] for c in _COLUMNS])
        return out.getvalue()
    if form == "html":
        from ..report.register_page import render_register_html

        return render_register_html(found, on, "Register of labels")
    return _text(found, on)


def _text(found: list[Record], on: dt.date) -> str:
    if not found:
        return f"Register on {on.isoformat()}: nothing matches.\n"
    counts: dict[str, int] = {}
    for record in found:
        counts[STATUS_WORDS[record.status]] = counts.get(STATUS_WORDS[record.status], 0) + 1
    summary = ", ".join(f"{n} {word}" for word, n in counts.items())
    lines = [f"Register on {on.isoformat()}: {len(found)} entries ({summary})"]
    width = max(len(r.organisation) for r in found)
    for r in found:
        until = f"until {r.valid_until.isoformat()}" if r.valid_until else ""
        level = r.shown_level or "–"
        step = next_step_words(r)
        # A designation ends on its own date (NCE with the Gold), not the level's: say so.
        own = r.designations_until
        ends = (
            f"; {' '.join(r.designation_titles)} until {own.isoformat()}"
            if own is not None and own != r.valid_until
            else ""
        )
        lines.append(
            f"  {r.country}  {r.organisation:<{width}}  {r.criteria:<24} {level:<14} "
            f"{STATUS_WORDS[r.status]:<18} {until:<17} {'next: ' + step if step else ''}"
            f"{ends}".rstrip()
        )
    return "\n".join(lines) + "\n"


def _decisions(labels: list, form: str, since: dt.date, on: dt.date) -> str:  # type: ignore[type-arg]
    rows = decision_records(labels)
    if form == "json":
        data = {"since": since.isoformat(), "as_of": on.isoformat(), "decisions": rows}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if form == "csv":
        out = io.StringIO()
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return out.getvalue()
    head = f"Decisions from {since.isoformat()} to {on.isoformat()}: {len(rows)}"
    lines = [head]
    for row in rows:
        lines.append(
            f"  {row['decided']}  {row['status']:<9} {row['country']}  {row['organisation']}"
            f"  {row['criteria']} {row['level'] or ''}  {row['reference'] or ''}".rstrip()
        )
    return "\n".join(lines) + "\n"
