"""Charts as inline SVG, made in Python: pure functions from numbers to markup.

Every chart has only a `viewBox` (no width or height with units): the template's CSS
sizes it.  Labels arrive already formatted for the report's language; they are
XML-escaped here.  Each element is on a line of its own, so that a change to a chart
reads as a change to its lines in a golden file.

- :mod:`.svg` — colours, text, the `<svg>` element;
- :mod:`.results` — the gauge, the points bar, shares and lights by category;
- :mod:`.peers` — the peer comparison;
- :mod:`.time` — key figures over time and the label history.
"""

from __future__ import annotations

from .peers import GroupedBar, ScaleRow, grouped_bars, legend, scale_rows
from .results import Bar, category_bars, gauge, light_bars, points_bar
from .svg import COLOURS, GRID, INK, MUTED, THRESHOLD, TRACK
from .time import Panel, Year, line_panels, timeline

__all__ = [
    "COLOURS",
    "GRID",
    "INK",
    "MUTED",
    "THRESHOLD",
    "TRACK",
    "Bar",
    "GroupedBar",
    "Panel",
    "ScaleRow",
    "Year",
    "category_bars",
    "gauge",
    "grouped_bars",
    "legend",
    "light_bars",
    "line_panels",
    "points_bar",
    "scale_rows",
    "timeline",
]
