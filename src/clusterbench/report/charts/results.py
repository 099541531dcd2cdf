"""Charts of one result: the gauge, the points bar, shares and lights by category."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .svg import COLOURS, GRID, INK, MUTED, THRESHOLD, TRACK, fit, line, num, svg, text, width_of

__all__ = ["Bar", "category_bars", "gauge", "light_bars", "points_bar"]

GAUGE_WIDTH, GAUGE_HEIGHT = 300.0, 132.0
"""The gauge's viewBox: room on every side for the threshold's label at any share."""


def gauge(
    share: float,
    threshold: float | None,
    *,
    colour: str,
    value_label: str,
    threshold_label: str,
    title: str,
) -> str:
    """A half-circle gauge of a share (0–1) with the threshold marked.

    The arc never spans more than half a circle, so SVG's large-arc flag is always 0:
    the arc is drawn over the top from the left end, inside its track, for every share.
    """
    share = min(max(share, 0.0), 1.0)
    cx, cy, r, width = GAUGE_WIDTH / 2, 118.0, 80.0, 22.0

    def point(fraction: float, radius: float) -> tuple[float, float]:
        angle = math.pi * (1 - fraction)
        return cx + radius * math.cos(angle), cy - radius * math.sin(angle)

    def arc(start: float, end: float, stroke: str) -> str:
        x0, y0 = point(start, r)
        x1, y1 = point(end, r)
        return (
            f'<path d="M {num(x0)} {num(y0)} A {num(r)} {num(r)} 0 0 1 {num(x1)} {num(y1)}" '
            f'fill="none" stroke="{stroke}" stroke-width="{num(width)}"/>'
        )

    body = [arc(0, 1, TRACK)]
    if share > 0:
        body.append(arc(0, share, colour))
    if threshold is not None:
        threshold = min(max(threshold, 0.0), 1.0)
        x0, y0 = point(threshold, r - width / 2 - 4)
        x1, y1 = point(threshold, r + width / 2 + 4)
        lx, ly = point(threshold, r + width / 2 + 10)
        # The label leans away from the gauge: left of it on the left, right on the right.
        anchor = "end" if threshold < 0.4 else "start" if threshold > 0.6 else "middle"
        body.append(line(x0, y0, x1, y1, THRESHOLD, 2.5))
        body.append(text(lx, ly - 2, threshold_label, size=10, anchor=anchor, fill=THRESHOLD))
    body.append(text(cx, cy - 8, value_label, size=26, anchor="middle", weight="bold"))
    return svg(GAUGE_WIDTH, GAUGE_HEIGHT, body, title)


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled bar of a share (0–1), with an optional floor and colour."""

    label: str
    share: float | None
    value_label: str
    colour: str = INK
    floor: float | None = None


def category_bars(
    bars: Sequence[Bar], *, title: str, ticks: Sequence[tuple[float, str]] = ()
) -> str:
    """One bar per category, 0–100 %, its name above it; a category's floor as a tick.

    No line is drawn for a threshold the criteria set on the total: a category's bar
    is measured against its own floor, where the criteria state one, and nothing else.
    ``ticks`` are (share, label) for the axis on top; their grid lines run behind the
    bars only, never through a category's name.
    """
    left, bar_w, row_h, top = 4.0, 420.0, 27.0, 14.0
    width = left + bar_w + 56
    height = top + row_h * len(bars) + 2
    body = []
    for tick, label in ticks:
        x = left + bar_w * tick
        anchor = "start" if tick <= 0 else "end" if tick >= 1 else "middle"
        body.append(text(x, top - 5, label, size=7, anchor=anchor, fill=MUTED))
    for index, bar in enumerate(bars):
        y = top + index * row_h
        body.append(text(left, y + 9, fit(bar.label, 8, bar_w), size=8))
        body.append(
            f'<rect x="{num(left)}" y="{num(y + 12)}" width="{num(bar_w)}" height="11" fill="{TRACK}"/>'
        )
        body += [
            line(left + bar_w * t, y + 12, left + bar_w * t, y + 23, GRID, 1) for t, _ in ticks
        ]
        if bar.share is not None:
            body.append(
                f'<rect x="{num(left)}" y="{num(y + 12)}" width="{num(bar_w * min(max(bar.share, 0), 1))}" '
                f'height="11" fill="{bar.colour}"/>'
            )
        if bar.floor is not None:
            x = left + bar_w * bar.floor
            body.append(line(x, y + 10, x, y + 25, THRESHOLD, 2))
        body.append(text(left + bar_w + 6, y + 21, bar.value_label, size=8, weight="bold"))
    return svg(width, height, body, title)


def points_bar(
    earned: float,
    possible: float,
    marks: Sequence[tuple[float, str]],
    *,
    colour: str,
    earned_label: str,
    title: str,
) -> str:
    """One bar of points earned out of those possible, each threshold marked and named.

    ``marks`` are (points, label): the points the awarded level and the next one need.
    A label that would run into the one before it goes on a line of its own.
    """
    left, width_bar, top, size = 10.0, 480.0, 24.0, 9.0
    scale = width_bar / possible if possible else 0.0
    body = [
        f'<rect x="{num(left)}" y="{num(top)}" width="{num(width_bar)}" height="18" fill="{TRACK}"/>',
        f'<rect x="{num(left)}" y="{num(top)}" width="{num(earned * scale)}" height="18" fill="{colour}"/>',
    ]
    at = left + min(earned * scale, width_bar)
    body.append(text(at, top - 6, earned_label, size=10, anchor="end" if at > 80 else "start"))
    rows: list[float] = []  # the right end of the last label on each line
    for points, label in sorted(marks):
        x = left + points * scale
        w = width_of(label, size)
        start = min(max(x - w / 2, 0.0), 500.0 - w)
        row = next((i for i, end in enumerate(rows) if start > end + 6), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = start + w
        body.append(line(x, top - 4, x, top + 22 + row * 13, THRESHOLD, 2))
        body.append(text(start, top + 34 + row * 13, label, size=size, fill=THRESHOLD))
    return svg(500, top + 40 + 13 * max(len(rows) - 1, 0), body, title)


def light_bars(rows: Sequence[tuple[str, int, int, int, int]], *, title: str) -> str:
    """Traffic lights per category: (label, green, yellow, red, without light) as stacked bars."""
    left, bar_w, row_h, top = 4.0, 420.0, 26.0, 4.0
    most = max((sum(r[1:]) for r in rows), default=1) or 1
    height = top + row_h * len(rows) + 4
    body = []
    for index, (label, *counts) in enumerate(rows):
        y = top + index * row_h
        body.append(text(left, y + 9, fit(label, 8.5, bar_w), size=8.5))
        x = left
        for count, band in zip(counts, ("green", "yellow", "red", None), strict=True):
            if not count:
                continue
            w = bar_w * count / most
            body.append(
                f'<rect x="{num(x)}" y="{num(y + 12)}" width="{num(w)}" height="12" fill="{COLOURS[band]}"/>'
            )
            if w >= 12:
                body.append(
                    text(
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
    return svg(left + bar_w + 8, height, body, title)
