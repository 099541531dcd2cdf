"""The pieces every chart is made of: colours, numbers, text and the `<svg>` element.

Coordinates are rounded to one decimal so that the same numbers always give the same
bytes; labels arrive formatted for the report's language and are XML-escaped here.
Text widths are estimated (Inter averages a little over half its size per character),
so that a label that would run out of its chart is shortened instead of clipped.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

__all__ = [
    "COLOURS",
    "GRID",
    "INK",
    "MUTED",
    "THRESHOLD",
    "TRACK",
    "fit",
    "line",
    "num",
    "svg",
    "text",
    "width_of",
    "wrap",
]

INK = "#1f2a37"
MUTED = "#6b7280"
GRID = "#e5e7eb"
TRACK = "#eef1f5"
THRESHOLD = "#b42318"
COLOURS = {"green": "#2e7d32", "yellow": "#c99a06", "red": "#c62828", None: "#9aa5b1"}

_EM = 0.6
"""A generous average width of one character, in font sizes (Inter's is about 0.55)."""


def num(value: float) -> str:
    """A coordinate with at most one decimal: `12`, `12.5`."""
    shown = f"{value:.1f}"
    return shown[:-2] if shown.endswith(".0") else shown


def width_of(label: str, size: float) -> float:
    """The estimated width of ``label`` at font size ``size``."""
    return len(label) * size * _EM


def fit(label: str, size: float, room: float) -> str:
    """``label``, shortened at a word with an ellipsis when it would need more than ``room``."""
    if width_of(label, size) <= room:
        return label
    most = max(int(room / (size * _EM)) - 1, 1)
    cut = label[:most]
    if " " in cut.strip():
        cut = cut.rstrip().rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"


def wrap(label: str, size: float, room: float, lines: int = 2) -> list[str]:
    """``label`` in at most ``lines`` lines of ``room``, broken between words; the last
    line shortened with an ellipsis when even that is not enough."""
    words, current = label.split(), ""
    out: list[str] = []
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and width_of(candidate, size) > room and len(out) < lines - 1:
            out.append(current)
            current = word
        else:
            current = candidate
    out.append(fit(current, size, room))
    return out


def text(
    x: float,
    y: float,
    label: str,
    *,
    size: float = 11,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "normal",
) -> str:
    """A `<text>` element."""
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}">{escape(label)}</text>'
    )


def line(
    x1: float, y1: float, x2: float, y2: float, stroke: str, width: float, extra: str = ""
) -> str:
    """A `<line>` element (``extra``: further attributes, such as a dash pattern)."""
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
        f'stroke="{stroke}" stroke-width="{num(width)}"{extra}/>'
    )


def svg(width: float, height: float, body: list[str], title: str) -> str:
    """The `<svg>` element: a `viewBox` only (the template's CSS sizes it), one element a line."""
    lines = "\n".join(f"  {element}" for element in body)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'role="img" font-family="Inter, sans-serif">\n  <title>{escape(title)}</title>\n'
        f"{lines}\n</svg>"
    )
