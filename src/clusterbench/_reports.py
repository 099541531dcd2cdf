"""The package root's report functions, importing the renderer only when called.

``import clusterbench`` and ``clusterbench validate`` never pay for Jinja2, Babel or
WeasyPrint: they are imported by the first report.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .pipeline.scoring import Scored

if TYPE_CHECKING:
    from .report.render import RenderedPdf

__all__ = ["render_html", "render_pdf"]


def render_html(scored: Scored, **options: Any) -> str:
    """The report of a scored assessment as HTML; see :func:`clusterbench.report.render_html`."""
    from .report import render_html as render  # imported on use: Jinja2 and Babel

    return render(scored, **options)


def render_pdf(scored: Scored, path: str | os.PathLike[str], **options: Any) -> RenderedPdf:
    """Write the report of a scored assessment as PDF; see :func:`clusterbench.report.render_pdf`."""
    from .report import render_pdf as render  # imported on use: WeasyPrint

    return render(scored, path, **options)
