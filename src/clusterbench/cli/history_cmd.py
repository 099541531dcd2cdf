"""``clusterbench history PATH... --organisation NAME [--as-of DATE]``"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from decimal import Decimal

from ..models.figures import Growth, Money
from ..models.rules import format_value
from ..pipeline.development import Development, FigureSeries
from ..pipeline.history import History, history_of
from ..report.register_page import RegisterWords
from .console import emit
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print one organisation's assessments, labels, validity, renewals and gaps on a day."""
    on: dt.date = args.as_of or dt.date.today()  # the clock is read here, at the edge only
    history = history_of(
        args.paths, args.organisation, country=args.country, organisation_id=args.id, on=on
    )
    words = RegisterWords("en")
    if args.format == "json":
        emit(json.dumps(history.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    print(f"{history.organisation}: {len(history.entries)} assessments, as of {on.isoformat()}")
    width = max([18, *(len(entry.criteria) for entry in history.entries)])
    for entry in history.entries:
        valid = (
            f"valid {entry.valid_from.isoformat()} to {entry.valid_until.isoformat()}"
            if entry.valid_from and entry.valid_until
            else "no validity"
        )
        renewal = " (renewal)" if entry.renewal else ""
        score = f"{entry.share * 100:.1f} %" if entry.share is not None else ""
        decided = words.decision(entry.decision, entry.standing, entry.approval)
        print(
            f"  {entry.date.isoformat()}  {entry.criteria:<{width}} {entry.level or '-':<10} "
            f"{score:>7}  {words.status(entry.standing.status):<18} {valid}{renewal}"
            f"{'; ' + decided if decided else ''}"
        )
    for start, end in history.gaps:
        print(f"  gap: no valid label from {start.isoformat()} to {end.isoformat()}")
    for period in history.designations:
        ends = f"to {period.end.isoformat()}" if period.end else "with no end"
        print(
            f"  {period.designation} beside {period.level} ({period.criteria}): "
            f"{period.start.isoformat()} {ends}"
        )
    for row in history.rows:
        waiting = row.pending.date if row.pending is not None and row.in_force else None
        line = f"{row.criteria.id}: {words.standing(row.shown.standing, row.status, waiting)}"
        for held in row.held_designations:
            last = f" until {held.valid_until.isoformat()}" if held.valid_until else ""
            line += f"; with {held.id}{last}"
        print(line)
    _development(history)
    return EXIT_OK


def _development(history: History) -> None:
    """The key figures at each assessment that states them, and the change."""
    found: Development | None = history.development
    if found is None or not found.comparable:
        return
    print("Development over time (key figures at each assessment)")
    shown = list(found.series)
    table = [["date", *(_title(s.figure.key) for s in shown)]]
    for day in found.dates:
        table.append([day.isoformat(), *(_value(found.value(s.figure.key, day), s) for s in shown)])
    widths = [max(len(row[n]) for row in table) for n in range(len(table[0]))]
    for row in table:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        print("  " + "  ".join(cells))
    changes = [_change(series) for series in shown if series.change is not None]
    if changes:
        first, last = found.dates[0], found.dates[-1]
        print(f"  change from {first.isoformat()} to {last.isoformat()}: {', '.join(changes)}")


def _change(series: FigureSeries) -> str:
    change = series.change
    assert change is not None
    sign = "+" if change >= 0 else "−"
    kind = series.figure.kind
    if kind == "money":
        currency = series.last.currency if isinstance(series.last, Money) else ""
        text = f"{currency} {sign}{_grouped(abs(change))}"
    elif kind == "percent":
        text = f"{sign}{format_value(abs(change))} points"
    elif kind == "fte":
        text = f"{sign}{abs(change):.1f}"
    else:
        text = f"{sign}{_grouped(abs(change))}"
    if series.relative is not None:
        relative = series.relative * 100
        text += f" ({'+' if relative >= 0 else '−'}{abs(relative):.0f} %)"
    return f"{_title(series.figure.key)} {text}"


def _title(key: str) -> str:
    return {
        "members": "members",
        "partners": "partners",
        "staff": "staff (FTE)",
        "budget": "budget",
        "private_share": "private share",
        "export_growth": "exports",
    }[key]


def _grouped(value: Decimal | int) -> str:
    number = Decimal(value)
    return f"{int(number):,}" if number == number.to_integral_value() else f"{number:,}"


def _value(value: object, series: FigureSeries) -> str:
    if value is None:
        return "–"
    if series.figure.kind == "fte" and isinstance(value, Decimal):
        return f"{value:.1f}"
    if series.figure.kind == "percent":
        return f"{format_value(value)} %"
    if isinstance(value, Money):
        return f"{value.currency} {_grouped(value.amount)}"
    if isinstance(value, Growth):
        sign = "+" if value.percent >= 0 else "−"
        return f"{sign}{format_value(abs(value.percent))} % since {value.since}"
    if isinstance(value, int):
        return str(value)
    return format_value(value)
