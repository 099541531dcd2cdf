"""Charts of the peer comparison: categories as grouped bars, indicators on their own scales."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import INK, MUTED, THRESHOLD, TRACK, fit, line, num, svg, text, width_of

__all__ = ["GroupedBar", "ScaleRow", "grouped_bars", "legend", "scale_rows"]

Key = tuple[str, str, str]
"""A legend entry: (how it is drawn: `bar`, `line` or `marker`; colour; label)."""


def _marker(x: float, y: float, colour: str) -> str:
    """The threshold's mark: a small triangle pointing down at ``x`` from ``y``."""
    return (
        f'<path d="M {num(x - 4)} {num(y - 6)} L {num(x + 4)} {num(y - 6)} L {num(x)} {num(y)} Z" '
        f'fill="{colour}"/>'
    )


def legend(keys: Sequence[Key], *, title: str) -> str:
    """One line that says what the bars, lines and marks of the charts below it are."""
    body, x = [], 2.0
    for kind, colour, label in keys:
        if kind == "bar":
            body.append(f'<rect x="{num(x)}" y="4" width="10" height="8" fill="{colour}"/>')
        elif kind == "line":
            body.append(line(x + 5, 2, x + 5, 14, colour, 2))
        else:
            body.append(_marker(x + 5, 12, colour))
        body.append(text(x + 14, 12, label, size=9))
        x += 14 + width_of(label, 9) + 14
    return svg(max(x, 100.0), 16, body, title)


@dataclass(frozen=True, slots=True)
class GroupedBar:
    """A group of bars (one per series) under one label."""

    label: str
    values: tuple[float | None, ...]
    value_labels: tuple[str, ...]


def grouped_bars(
    groups: Sequence[GroupedBar],
    series: Sequence[tuple[str, str]],
    *,
    title: str,
    maximum: float = 1.0,
) -> str:
    """Grouped bars, one group per label (written above it), one bar per series.

    `series` is a list of (name, colour), said once in the legend beside the charts;
    values are shares of `maximum`.
    """
    left, bar_w, bar_h = 4.0, 380.0, 9.0
    group_h = 13.0 + bar_h * len(series) + 6
    room = 100.0
    width = left + bar_w + 6 + room
    height = group_h * len(groups)
    body = []
    for index, group in enumerate(groups):
        y = index * group_h
        body.append(text(left, y + 9, fit(group.label, 8, bar_w + room), size=8))
        for s, ((_, colour), value, shown) in enumerate(
            zip(series, group.values, group.value_labels, strict=True)
        ):
            yy = y + 12 + s * bar_h
            body.append(
                f'<rect x="{num(left)}" y="{num(yy)}" width="{num(bar_w)}" height="{num(bar_h - 2)}" fill="{TRACK}"/>'
            )
            if value is not None:
                w = bar_w * min(max(value / maximum if maximum else 0, 0), 1)
                body.append(
                    f'<rect x="{num(left)}" y="{num(yy)}" width="{num(w)}" height="{num(bar_h - 2)}" fill="{colour}"/>'
                )
            body.append(
                text(
                    left + bar_w + 6,
                    yy + bar_h - 2.5,
                    fit(shown, 8, room),
                    size=8,
                    fill=INK if s == 0 else MUTED,
                )
            )
    return svg(width, height, body, title)


@dataclass(frozen=True, slots=True)
class ScaleRow:
    """One indicator on the answer's own scale: this answer, the peers' mean, median, threshold.

    ``low`` and ``high`` are the ends of the scale (a scale's first and last step, or 0
    and a round number above every value shown); labels arrive formatted.
    """

    label: str
    low: float
    high: float
    value: float | None
    mean: float | None
    median: float | None
    threshold: float | None
    value_label: str
    mean_label: str
    low_label: str
    high_label: str


def scale_rows(rows: Sequence[ScaleRow], colours: tuple[str, str], *, title: str) -> str:
    """Each indicator on its own scale: a bar for the answer and one for the peers' mean,
    a line across both for the peers' median, a red triangle above for the threshold.

    The median and the threshold are drawn differently, so that where they coincide both
    can still be seen; ``colours`` are the answer's and the mean's (the legend beside the
    charts names them).  Value labels too long for their room are shortened.
    """
    left, bar_w, bar_h = 4.0, 310.0, 9.0
    room = 170.0
    row_h = 13.0 + 8 + 2 * bar_h + 14
    width = left + bar_w + 6 + room
    height = row_h * len(rows)
    body = []
    for index, row in enumerate(rows):
        y = index * row_h
        span = (row.high - row.low) or 1.0

        def at(value: float, row: ScaleRow = row, span: float = span) -> float:
            return left + bar_w * min(max((value - row.low) / span, 0.0), 1.0)

        body.append(text(left, y + 9, fit(row.label, 9, width - left), size=9))
        first = y + 20  # the first bar, below the threshold's triangle
        for s, (colour, value, shown) in enumerate(
            zip(colours, (row.value, row.mean), (row.value_label, row.mean_label), strict=True)
        ):
            yy = first + s * bar_h
            body.append(
                f'<rect x="{num(left)}" y="{num(yy)}" width="{num(bar_w)}" height="{num(bar_h - 2)}" fill="{TRACK}"/>'
            )
            if value is not None:
                body.append(
                    f'<rect x="{num(left)}" y="{num(yy)}" width="{num(at(value) - left)}" height="{num(bar_h - 2)}" fill="{colour}"/>'
                )
            body.append(
                text(
                    left + bar_w + 6,
                    yy + bar_h - 2.5,
                    fit(shown, 8, room),
                    size=8,
                    fill=INK if s == 0 else MUTED,
                )
            )
        bottom = first + 2 * bar_h
        if row.median is not None:
            x = at(row.median)
            body.append(line(x, first - 2, x, bottom, INK, 2))
        if row.threshold is not None:
            x = at(row.threshold)
            body.append(_marker(x, first - 1, THRESHOLD))
            body.append(line(x, first - 1, x, bottom, THRESHOLD, 1, ' stroke-dasharray="2 1.5"'))
        body.append(text(left, bottom + 8, row.low_label, size=7, fill=MUTED))
        body.append(
            text(left + bar_w, bottom + 8, row.high_label, size=7, anchor="end", fill=MUTED)
        )
    return svg(width, height, body, title)
