"""Charts as inline SVG, made in Python: pure functions from numbers to markup.

Every chart has only a `viewBox` (no width or height with units): the template's CSS
sizes it.  Labels arrive already formatted for the report's language; they are
XML-escaped here.  Coordinates are rounded to one decimal so that the same numbers
always give the same bytes, and each element is on a line of its own, so that a
change to a chart reads as a change to its lines in a golden file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

__all__ = [
    "Bar",
    "GroupedBar",
    "ScaleRow",
    "category_bars",
    "gauge",
    "grouped_bars",
    "light_bars",
    "line_panels",
    "points_bar",
    "scale_rows",
    "timeline",
]

INK = "#1f2a37"
MUTED = "#6b7280"
GRID = "#e5e7eb"
TRACK = "#eef1f5"
THRESHOLD = "#b42318"
COLOURS = {"green": "#2e7d32", "yellow": "#c99a06", "red": "#c62828", None: "#9aa5b1"}


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(
    x: float,
    y: float,
    label: str,
    *,
    size: float = 11,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}">{escape(label)}</text>'
    )


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    lines = "\n".join(f"  {element}" for element in body)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'font-family="Inter, sans-serif">\n  <title>{escape(title)}</title>\n{lines}\n</svg>'
    )


def gauge(
    share: float,
    threshold: float | None,
    *,
    colour: str,
    value_label: str,
    threshold_label: str,
    title: str,
) -> str:
    """A half-circle gauge of a share (0–1) with the threshold marked."""
    share = min(max(share, 0.0), 1.0)
    cx, cy, r, width = 120.0, 100.0, 80.0, 22.0

    def point(fraction: float, radius: float) -> tuple[float, float]:
        angle = math.pi * (1 - fraction)
        return cx + radius * math.cos(angle), cy - radius * math.sin(angle)

    def arc(start: float, end: float, stroke: str) -> str:
        x0, y0 = point(start, r)
        x1, y1 = point(end, r)
        large = 1 if end - start > 0.5 else 0
        return (
            f'<path d="M {_n(x0)} {_n(y0)} A {_n(r)} {_n(r)} 0 {large} 1 {_n(x1)} {_n(y1)}" '
            f'fill="none" stroke="{stroke}" stroke-width="{_n(width)}"/>'
        )

    body = [arc(0, 1, TRACK)]
    if share > 0:
        body.append(arc(0, share, colour))
    if threshold is not None:
        x0, y0 = point(threshold, r - width / 2 - 4)
        x1, y1 = point(threshold, r + width / 2 + 4)
        lx, ly = point(threshold, r + width / 2 + 16)
        anchor = "end" if threshold < 0.45 else "start" if threshold > 0.55 else "middle"
        body.append(
            f'<line x1="{_n(x0)}" y1="{_n(y0)}" x2="{_n(x1)}" y2="{_n(y1)}" stroke="{THRESHOLD}" stroke-width="2.5"/>'
        )
        body.append(_text(lx, ly, threshold_label, size=10, anchor=anchor, fill=THRESHOLD))
    body.append(_text(cx, cy - 8, value_label, size=26, anchor="middle", weight="bold"))
    return _svg(240, 112, body, title)


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled bar of a share (0–1), with an optional floor and colour."""

    label: str
    share: float | None
    value_label: str
    colour: str = INK
    floor: float | None = None


def category_bars(bars: Sequence[Bar], *, title: str) -> str:
    """One bar per category, 0–100 %, its name above it; a category's floor as a tick.

    No line is drawn for a threshold the criteria set on the total: a category's bar
    is measured against its own floor, where the criteria state one, and nothing else.
    """
    left, bar_w, row_h, top = 4.0, 420.0, 29.0, 16.0
    width = left + bar_w + 56
    height = top + row_h * len(bars) + 4
    body = []
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = left + bar_w * tick
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(top - 2)}" x2="{_n(x)}" y2="{_n(height - 2)}" stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(x, top - 5, f"{int(tick * 100)}", size=7.5, anchor="middle", fill=MUTED))
    for index, bar in enumerate(bars):
        y = top + index * row_h
        body.append(_text(left, y + 10, bar.label, size=9.5))
        body.append(
            f'<rect x="{_n(left)}" y="{_n(y + 13)}" width="{_n(bar_w)}" height="12" fill="{TRACK}"/>'
        )
        if bar.share is not None:
            body.append(
                f'<rect x="{_n(left)}" y="{_n(y + 13)}" width="{_n(bar_w * min(max(bar.share, 0), 1))}" '
                f'height="12" fill="{bar.colour}"/>'
            )
        if bar.floor is not None:
            x = left + bar_w * bar.floor
            body.append(
                f'<line x1="{_n(x)}" y1="{_n(y + 10)}" x2="{_n(x)}" y2="{_n(y + 28)}" stroke="{THRESHOLD}" stroke-width="2"/>'
            )
        body.append(_text(left + bar_w + 6, y + 23, bar.value_label, size=9.5, weight="bold"))
    return _svg(width, height, body, title)


def points_bar(
    earned: float,
    possible: float,
    needed: float | None,
    *,
    colour: str,
    earned_label: str,
    needed_label: str | None,
    title: str,
) -> str:
    """One bar of points earned out of those possible, with the points needed marked."""
    left, width_bar, top = 10.0, 480.0, 24.0
    scale = width_bar / possible if possible else 0.0
    body = [
        f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(width_bar)}" height="18" fill="{TRACK}"/>'
    ]
    body.append(
        f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(earned * scale)}" height="18" fill="{colour}"/>'
    )
    body.append(
        _text(
            left + min(earned * scale, width_bar),
            top - 6,
            earned_label,
            size=10,
            anchor="end" if earned * scale > 60 else "start",
        )
    )
    if needed is not None and needed_label is not None:
        x = left + needed * scale
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(top - 4)}" x2="{_n(x)}" y2="{_n(top + 22)}" stroke="{THRESHOLD}" stroke-width="2"/>'
        )
        body.append(_text(x, top + 36, needed_label, size=10, anchor="middle", fill=THRESHOLD))
    return _svg(500, 66, body, title)


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
    """Grouped bars, one group per label (written above it), one bar per series, a legend on top.

    `series` is a list of (name, colour); values are shares of `maximum`.
    """
    left, bar_w, bar_h = 4.0, 400.0, 9.0
    group_h = 13.0 + bar_h * len(series) + 6
    legend_h = 18.0
    width = left + bar_w + 84
    height = legend_h + group_h * len(groups)
    body = []
    x = left
    for name, colour in series:
        body.append(f'<rect x="{_n(x)}" y="3" width="9" height="9" fill="{colour}"/>')
        body.append(_text(x + 13, 11, name, size=9))
        x += 13 + 5.6 * len(name) + 18
    for index, group in enumerate(groups):
        y = legend_h + index * group_h
        body.append(_text(left, y + 9, group.label, size=9))
        for s, ((_, colour), value, shown) in enumerate(
            zip(series, group.values, group.value_labels, strict=True)
        ):
            yy = y + 12 + s * bar_h
            body.append(
                f'<rect x="{_n(left)}" y="{_n(yy)}" width="{_n(bar_w)}" height="{_n(bar_h - 2)}" fill="{TRACK}"/>'
            )
            if value is not None:
                w = bar_w * min(max(value / maximum if maximum else 0, 0), 1)
                body.append(
                    f'<rect x="{_n(left)}" y="{_n(yy)}" width="{_n(w)}" height="{_n(bar_h - 2)}" fill="{colour}"/>'
                )
            body.append(
                _text(
                    left + bar_w + 6, yy + bar_h - 2.5, shown, size=8, fill=INK if s == 0 else MUTED
                )
            )
    return _svg(width, height, body, title)


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


def scale_rows(
    rows: Sequence[ScaleRow],
    series: Sequence[tuple[str, str]],
    marks: Sequence[tuple[str, str]],
    *,
    title: str,
) -> str:
    """Each indicator on its own scale: a bar for the answer and one for the peers' mean,
    a tick across both for the peers' median, a dashed tick for the threshold.

    ``series`` names and colours the two bars; ``marks`` the median and threshold ticks.
    """
    left, bar_w, bar_h = 4.0, 380.0, 9.0
    row_h = 13.0 + 2 * bar_h + 14
    legend_h = 18.0
    width = left + bar_w + 104
    height = legend_h + row_h * len(rows)
    body = []
    x = left
    for name, colour in series:
        body.append(f'<rect x="{_n(x)}" y="3" width="9" height="9" fill="{colour}"/>')
        body.append(_text(x + 13, 11, name, size=9))
        x += 13 + 5.6 * len(name) + 18
    for (name, colour), dash in zip(marks, ("", ' stroke-dasharray="2 1.5"'), strict=True):
        body.append(
            f'<line x1="{_n(x + 4)}" y1="2" x2="{_n(x + 4)}" y2="13" stroke="{colour}" stroke-width="2"{dash}/>'
        )
        body.append(_text(x + 11, 11, name, size=9))
        x += 11 + 5.6 * len(name) + 18
    for index, row in enumerate(rows):
        y = legend_h + index * row_h
        span = (row.high - row.low) or 1.0

        def at(value: float, row: ScaleRow = row, span: float = span) -> float:
            return left + bar_w * min(max((value - row.low) / span, 0.0), 1.0)

        body.append(_text(left, y + 9, row.label, size=9))
        for s, ((_, colour), value, shown) in enumerate(
            zip(series, (row.value, row.mean), (row.value_label, row.mean_label), strict=True)
        ):
            yy = y + 12 + s * bar_h
            body.append(
                f'<rect x="{_n(left)}" y="{_n(yy)}" width="{_n(bar_w)}" height="{_n(bar_h - 2)}" fill="{TRACK}"/>'
            )
            if value is not None:
                body.append(
                    f'<rect x="{_n(left)}" y="{_n(yy)}" width="{_n(at(value) - left)}" height="{_n(bar_h - 2)}" fill="{colour}"/>'
                )
            body.append(
                _text(
                    left + bar_w + 6, yy + bar_h - 2.5, shown, size=8, fill=INK if s == 0 else MUTED
                )
            )
        top, bottom = y + 10, y + 12 + 2 * bar_h
        for value, (_, colour), dash in zip(
            (row.median, row.threshold), marks, ("", ' stroke-dasharray="2 1.5"'), strict=True
        ):
            if value is not None:
                xx = at(value)
                body.append(
                    f'<line x1="{_n(xx)}" y1="{_n(top)}" x2="{_n(xx)}" y2="{_n(bottom)}" stroke="{colour}" stroke-width="2"{dash}/>'
                )
        body.append(_text(left, bottom + 8, row.low_label, size=7, fill=MUTED))
        body.append(
            _text(left + bar_w, bottom + 8, row.high_label, size=7, anchor="end", fill=MUTED)
        )
    return _svg(width, height, body, title)


@dataclass(frozen=True, slots=True)
class Panel:
    """One small line chart: a figure's values at positions 0–1 on a shared time axis."""

    title: str
    points: Sequence[tuple[float, float]]
    """(position 0–1 on the time axis, value) for each assessment that states it."""
    first_label: str
    last_label: str


def line_panels(
    panels: Sequence[Panel], ticks: Sequence[tuple[float, str]], *, title: str, colour: str = INK
) -> str:
    """A small multiple: one line chart per figure, side by side on the same time axis,
    each scaled from zero to its own highest value, the first and last values written."""
    columns = min(len(panels), 3)
    rows = math.ceil(len(panels) / columns) if panels else 0
    cell_w, cell_h, pad = 156.0, 92.0, 8.0
    plot_l, plot_r, plot_t, plot_b = 6.0, 6.0, 30.0, 20.0
    width = columns * cell_w + (columns - 1) * pad
    height = rows * cell_h + (rows - 1) * pad
    body: list[str] = []
    for index, panel in enumerate(panels):
        x0 = (index % columns) * (cell_w + pad)
        y0 = (index // columns) * (cell_h + pad)
        left, right = x0 + plot_l, x0 + cell_w - plot_r
        top, bottom = y0 + plot_t, y0 + cell_h - plot_b
        body.append(_text(x0 + 2, y0 + 11, panel.title, size=9, weight="bold"))
        body.append(
            f'<line x1="{_n(left)}" y1="{_n(bottom)}" x2="{_n(right)}" y2="{_n(bottom)}" stroke="{GRID}" stroke-width="1"/>'
        )
        for position, label in ticks:
            x = left + (right - left) * position
            body.append(_text(x, bottom + 12, label, size=7, anchor="middle", fill=MUTED))
        highest = max((value for _, value in panel.points), default=0.0)
        scale = (bottom - top) / highest if highest > 0 else 0.0

        def at(
            point: tuple[float, float],
            left: float = left,
            right: float = right,
            bottom: float = bottom,
            scale: float = scale,
        ) -> tuple[float, float]:
            return left + (right - left) * point[0], bottom - point[1] * scale

        spots = [at(point) for point in panel.points]
        if len(spots) > 1:
            path = " ".join(f"{_n(x)},{_n(y)}" for x, y in spots)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for x, y in spots:
            body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.5" fill="{colour}"/>')
        if spots:
            (fx, fy), (lx, ly) = spots[0], spots[-1]
            # The lower end's value below its point, the higher end's above: clear of the line.
            rising = ly <= fy
            first_y = fy + 11 if rising else fy - 5
            body.append(_text(fx, first_y, panel.first_label, size=8, fill=MUTED))
            if len(spots) > 1:
                last_y = ly - 5 if rising else ly + 11
                body.append(
                    _text(lx, last_y, panel.last_label, size=8, anchor="end", weight="bold")
                )
    return _svg(width, height, body, title)


def timeline(
    spans: Sequence[tuple[float, float, str, str]],
    ticks: Sequence[tuple[float, str]],
    *,
    title: str,
) -> str:
    """Validity periods on a time axis: (start 0–1, end 0–1, label, colour) per span."""
    left, width_axis, row_h, top = 10.0, 480.0, 22.0, 8.0
    height = top + row_h * len(spans) + 26
    body = []
    for position, label in ticks:
        x = left + width_axis * position
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(top)}" x2="{_n(x)}" y2="{_n(height - 16)}" stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(x, height - 4, label, size=8, anchor="middle", fill=MUTED))
    for index, (start, end, label, colour) in enumerate(spans):
        y = top + index * row_h
        x0, x1 = left + width_axis * start, left + width_axis * end
        body.append(
            f'<rect x="{_n(x0)}" y="{_n(y + 3)}" width="{_n(max(x1 - x0, 2))}" height="14" rx="3" fill="{colour}"/>'
        )
        body.append(_text(x0 + 4, y + 14, label, size=9, fill="#ffffff", weight="bold"))
    return _svg(500, height, body, title)


def light_bars(rows: Sequence[tuple[str, int, int, int, int]], *, title: str) -> str:
    """Traffic lights per category: (label, green, yellow, red, without light) as stacked bars."""
    left, bar_w, row_h, top = 4.0, 420.0, 27.0, 4.0
    most = max((sum(r[1:]) for r in rows), default=1) or 1
    height = top + row_h * len(rows) + 4
    body = []
    for index, (label, *counts) in enumerate(rows):
        y = top + index * row_h
        body.append(_text(left, y + 9, label, size=9.5))
        x = left
        for count, band in zip(counts, ("green", "yellow", "red", None), strict=True):
            if not count:
                continue
            w = bar_w * count / most
            body.append(
                f'<rect x="{_n(x)}" y="{_n(y + 12)}" width="{_n(w)}" height="12" fill="{COLOURS[band]}"/>'
            )
            if w >= 12:
                body.append(
                    _text(
                        x + w / 2,
                        y + 21.5,
                        str(count),
                        size=8,
                        anchor="middle",
                        fill="#ffffff",
                        weight="bold",
                    )
                )
            x += w
    return _svg(left + bar_w + 8, height, body, title)
