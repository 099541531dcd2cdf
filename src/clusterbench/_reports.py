"""The package root's report functions, importing the renderer only when called.

``import clusterbench`` and ``clusterbench validate`` never pay for Jinja2, Babel or
WeasyPrint: they are imported by the first report.  Without the ``report`` extra, a
report is a ReportError that says what to install.  The signatures are the renderer's
own, keyword by keyword, so that a misspelt option (``lang="nb"``) is a type error, not
a failure at run time.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ._extras import require_report
from .pipeline.scoring import Scored
from .report.options import Audience

if TYPE_CHECKING:
    from .report.render import RenderedPdf

__all__ = ["render_html", "render_pdf"]


def render_html(
    scored: Scored,
    *,
    language: str | None = None,
    audience: Audience = "full",
    accent: str | None = None,
    logo: str | os.PathLike[str] | None = None,
    templates: str | os.PathLike[str] | None = None,
) -> str:
    """The report of a scored assessment as HTML; see :func:`clusterbench.report.render_html`.

    A what-if (a Scored made with ``score_file(..., assume=...)``) says so on its cover.
    Needs the ``report`` extra (a :class:`~clusterbench.ReportError` says so without it).
    """
    require_report(pdf=False)
    from .report.render import render_html as render  # imported on use: Jinja2

    return render(
        scored, language=language, audience=audience, accent=accent, logo=logo, templates=templates
    )


def render_pdf(
    scored: Scored,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    audience: Audience = "full",
    accent: str | None = None,
    logo: str | os.PathLike[str] | None = None,
    templates: str | os.PathLike[str] | None = None,
    pdf_variant: str | None = None,
) -> RenderedPdf:
    """Write the report of a scored assessment as PDF; see :func:`clusterbench.report.render_pdf`.

    The file is replaced whole or not at all; folders missing on the way to ``path`` are
    made (a program names its own paths; the command line's ``-o`` refuses a missing
    folder instead, as a mistyped path there is more likely than an intended new folder).

    A what-if (a Scored made with ``score_file(..., assume=...)``) says so on its cover.
    Needs the ``report`` extra (a :class:`~clusterbench.ReportError` says so without it).
    """
    require_report(pdf=True)
    from .report.render import render_pdf as render  # imported on use: WeasyPrint

    return render(
        scored,
        path,
        language=language,
        audience=audience,
        accent=accent,
        logo=logo,
        templates=templates,
        pdf_variant=pdf_variant,
    )
