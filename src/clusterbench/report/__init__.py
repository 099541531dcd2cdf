"""Assessment reports: HTML and PDF from a scored assessment.

    import clusterbench as cb

    scored = cb.score_file("assessment.yaml")
    cb.render_pdf(scored, "report.pdf", language="nb")

Rendering needs the `report` extra (Jinja2, Babel, WeasyPrint).  Nothing here is
imported by validating or scoring: `render_html` and `render_pdf` are loaded on first
use, so that `clusterbench.report.options` (the choices the command line offers) costs
nothing to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["render_html", "render_pdf"]

if TYPE_CHECKING:
    from .render import render_html, render_pdf


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
