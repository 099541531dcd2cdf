"""Charts over time: key figures as small line charts, and the label history."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .svg import GRID, INK, MUTED, line, num, svg, text, width_of, wrap

__all__ = ["Panel", "Year", "line_panels", "timeline"]


@dataclass(frozen=True, slots=True)
class Year:
    """One year of a time axis: where it starts and ends (0–1) and its label.

    A year is labelled in its middle, between the ticks that bound it, so that a point
    in November 2019 reads as 2019, not as the 2020 whose tick it is close to.
    """

    start: float
    end: float
    label: str


def _years(
    years: Sequence[Year], left: float, right: float, top: float, bottom: float, size: float
) -> list[str]:
    """The year bounds as short ticks below the axis and each label in its year's middle."""
    body = []
    for year in years:
        for edge in (year.start, year.end):
            if 0 <= edge <= 1:
                x = left + (right - left) * edge
                body.append(line(x, bottom, x, bottom + 3, GRID, 1))
        start, end = max(year.start, 0.0), min(year.end, 1.0)
        room = (right - left) * (end - start)
        if room >= width_of(year.label, size):  # a year cut short by the axis keeps no label
            x = left + (right - left) * (start + end) / 2
            body.append(text(x, top, year.label, size=size, anchor="middle", fill=MUTED))
    return body


@dataclass(frozen=True, slots=True)
class Panel:
    """One small line chart: a figure's values at positions 0–1 on a shared time axis."""

    title: str
    points: Sequence[tuple[float, float]]
    """(position 0–1 on the time axis, value) for each assessment that states it."""
    first_label: str
    last_label: str


def line_panels(
    panels: Sequence[Panel], years: Sequence[Year], *, title: str, colour: str = INK
) -> str:
    """A small multiple: one line chart per figure, side by side on the same time axis,
    each scaled from zero to its own highest value, the first and last values written."""
    columns = min(len(panels), 3)
    rows = math.ceil(len(panels) / columns) if panels else 0
    cell_w, pad = 156.0, 8.0
    titles = [wrap(panel.title, 9, cell_w - 4) for panel in panels]
    extra = 11.0 if any(len(t) > 1 for t in titles) else 0.0  # a title on two lines
    cell_h = 92.0 + extra
    plot_l, plot_r, plot_t, plot_b = 6.0, 6.0, 30.0 + extra, 20.0
    width = columns * cell_w + (columns - 1) * pad
    height = rows * cell_h + (rows - 1) * pad
    body: list[str] = []
    for index, panel in enumerate(panels):
        x0 = (index % columns) * (cell_w + pad)
        y0 = (index // columns) * (cell_h + pad)
        left, right = x0 + plot_l, x0 + cell_w - plot_r
        top, bottom = y0 + plot_t, y0 + cell_h - plot_b
        for number, said in enumerate(titles[index]):
            body.append(text(x0 + 2, y0 + 11 + 11 * number, said, size=9, weight="bold"))
        body.append(line(left, bottom, right, bottom, GRID, 1))
        body += _years(years, left, right, bottom + 12, bottom, 7)
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
            path = " ".join(f"{num(x)},{num(y)}" for x, y in spots)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for x, y in spots:
            body.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="2.5" fill="{colour}"/>')
        if spots:
            (fx, fy), (lx, ly) = spots[0], spots[-1]
            # The lower end's value below its point, the higher end's above: clear of the line.
            rising = ly <= fy
            first_y = fy + 11 if rising else fy - 5
            body.append(text(fx, first_y, panel.first_label, size=8, fill=MUTED))
            if len(spots) > 1:
                last_y = ly - 5 if rising else ly + 11
                body.append(text(lx, last_y, panel.last_label, size=8, anchor="end", weight="bold"))
    return svg(width, height, body, title)


def timeline(
    spans: Sequence[tuple[float, float, str, str]], years: Sequence[Year], *, title: str
) -> str:
    """Validity periods on a time axis: (start 0–1, end 0–1, label, colour) per span."""
    left, width_axis, row_h, top = 10.0, 480.0, 22.0, 8.0
    height = top + row_h * len(spans) + 26
    body = []
    for year in years:
        x = left + width_axis * year.start
        body.append(line(x, top, x, height - 16, GRID, 1))
    body += _years(years, left, left + width_axis, height - 4, height - 16, 8)
    for index, (start, end, label, colour) in enumerate(spans):
        y = top + index * row_h
        x0, x1 = left + width_axis * start, left + width_axis * end
        body.append(
            f'<rect x="{num(x0)}" y="{num(y + 3)}" width="{num(max(x1 - x0, 2))}" height="14" rx="3" fill="{colour}"/>'
        )
        body.append(text(x0 + 4, y + 14, label, size=9, fill="#ffffff", weight="bold"))
    return svg(500, height, body, title)
