"""Assessment reports: HTML and PDF from a scored assessment.

    import clusterbench as cb

    scored = cb.score_file("assessment.yaml")
    cb.render_pdf(scored, "report.pdf", language="nb")

Rendering needs the `report` extra (Jinja2, Babel, WeasyPrint).  Nothing here is
imported by validating or scoring.
"""

from __future__ import annotations

from .render import render_html, render_pdf

__all__ = ["render_html", "render_pdf"]
