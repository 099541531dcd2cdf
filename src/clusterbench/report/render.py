"""Rendering a scored assessment: the view, the template, and (for PDF) WeasyPrint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .._resources import bundled_dir
from ..errors import ReportError
from ..loader.reader import read_image
from ..pipeline.files import Inputs, check_output, write_atomically
from ..pipeline.scoring import Scored
from .breaks import break_long_words
from .fetcher import MAX_ASSET
from .i18n import choose_language
from .options import AUDIENCES, Audience, PdfVariant, ReportLanguage, accent_colour
from .pdf import Embedded, PdfResult, html_to_pdf
from .printer import Printer
from .templating import render_template, template_dirs
from .view import ReportOptions, build_view

__all__ = [
    "RenderedPdf",
    "pdf_report",
    "render_html",
    "render_pdf",
    "render_pdf_bytes",
    "report_inputs",
]


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    """A written PDF, and what the renderer warned about or refused to fetch."""

    path: Path
    size: int
    warnings: tuple[str, ...]
    refused: tuple[str, ...]


def _options(
    language: ReportLanguage | None,
    audience: Audience,
    accent: str | None,
    logo: str | os.PathLike[str] | None,
    templates: str | os.PathLike[str] | None,
    pdf_variant: PdfVariant | None,
) -> ReportOptions:
    if audience not in AUDIENCES:
        raise ReportError(f"unknown audience {audience!r}; choose {' or '.join(AUDIENCES)}")
    if accent is not None:
        try:
            accent = accent_colour(accent)
        except ValueError as exc:
            raise ReportError(str(exc)) from None
    logo_path = Path(logo) if logo is not None else None
    if logo_path is not None:
        read_image(logo_path, limit=MAX_ASSET)  # an image file of a sane size, or InputError
    return ReportOptions(
        language=language,
        audience=audience,
        accent=accent or ReportOptions().accent,
        logo=logo_path,
        templates=Path(templates) if templates is not None else None,
        pdf_variant=pdf_variant,
    )


def _html(scored: Scored, options: ReportOptions) -> tuple[str, tuple[Path, ...]]:
    dirs = template_dirs(options.templates)
    view = build_view(scored, options)
    # The stylesheet and fonts are linked, not inlined: a user's templates folder may
    # replace report.css like any template.
    stylesheet = next(d for d in dirs if os.path.lexists(d / "report.css")) / "report.css"
    html = render_template(
        "report.html",
        view.lang,
        dirs,
        view=view,
        assets=bundled_dir("templates").as_uri(),
        stylesheet=stylesheet.as_uri(),
    )
    return break_long_words(html), dirs


def render_html(
    scored: Scored,
    *,
    language: ReportLanguage | None = None,
    audience: Audience = "full",
    accent: str | None = None,
    logo: str | os.PathLike[str] | None = None,
    templates: str | os.PathLike[str] | None = None,
) -> str:
    """The report as one HTML document (CSS inline; fonts and logo by file URL).

    `language` defaults to the criteria's first language a report can be written in;
    `audience` is `full` or `summary` (two or three pages for a board or a funder);
    `accent` (#RRGGBB) and `logo` brand it; `templates` is a folder whose files
    replace the bundled templates of the same name.  Raises ReportError.
    """
    options = _options(language, audience, accent, logo, templates, None)
    return _html(scored, options)[0]


def pdf_report(
    scored: Scored,
    *,
    language: ReportLanguage | None = None,
    audience: Audience = "full",
    accent: str | None = None,
    logo: str | os.PathLike[str] | None = None,
    templates: str | os.PathLike[str] | None = None,
    pdf_variant: PdfVariant | None = None,
    printer: Printer | None = None,
) -> PdfResult:
    """The report as PDF bytes; see :func:`render_pdf`.

    ``printer`` lays the PDF out in its own process (started before scoring, so that
    WeasyPrint is imported meanwhile); without one, it is laid out in this process.
    """
    options = _options(language, audience, accent, logo, templates, pdf_variant)
    return _pdf(scored, options, printer)


def _pdf(scored: Scored, options: ReportOptions, printer: Printer | None = None) -> PdfResult:
    html, dirs = _html(scored, options)
    roots = [*dirs]
    if options.logo is not None:
        roots.append(Path(os.path.realpath(options.logo)).parent)
    make = html_to_pdf if printer is None else printer.render
    return make(
        html,
        base=dirs[0],
        roots=roots,
        attachments=_attachments(scored),
        date=scored.result.assessment.date,
        variant=options.pdf_variant,
    )


def render_pdf(
    scored: Scored,
    path: str | os.PathLike[str],
    *,
    language: ReportLanguage | None = None,
    audience: Audience = "full",
    accent: str | None = None,
    logo: str | os.PathLike[str] | None = None,
    templates: str | os.PathLike[str] | None = None,
    pdf_variant: PdfVariant | None = None,
) -> RenderedPdf:
    """Write the report as a PDF: outline, metadata, the Result and criteria attached.

    The same inputs give the same bytes (dates come from the assessment, not the clock),
    and the file is written whole or not at all, never over a file the report is made
    from (:class:`~clusterbench.OutputError`, raised before rendering).  Folders missing
    on the way to ``path`` are made (a program names its own paths; the command line's
    ``-o`` refuses a missing folder instead, as a mistyped path there is more likely than
    an intended new folder).  `pdf_variant` may be `pdf/a-3b`.
    """
    options = _options(language, audience, accent, logo, templates, pdf_variant)
    inputs = report_inputs(scored, options.logo, templates=options.templates)
    check_output(path, inputs)  # before a second of layout, not after
    pdf = _pdf(scored, options)
    write_atomically(path, pdf.data, inputs=inputs)
    return RenderedPdf(Path(path), len(pdf.data), pdf.warnings, pdf.refused)


def render_pdf_bytes(
    scored: Scored,
    *,
    language: ReportLanguage | None = None,
    audience: Audience = "full",
) -> bytes:
    """The report as PDF bytes, for a caller that sends rather than writes it (a download)."""
    return _pdf(scored, _options(language, audience, None, None, None, None)).data


def report_inputs(
    scored: Scored,
    *more: str | os.PathLike[str] | None,
    templates: str | os.PathLike[str] | None = None,
) -> Inputs:
    """Every file a report of ``scored`` is made from (with ``more``, such as the logo and
    the cohort, and the files of a templates folder): an output must replace none."""
    inputs = Inputs([*scored.sources, *more])
    inputs.add_tree(templates)
    return inputs


def _attachments(scored: Scored) -> list[Embedded]:
    criteria = scored.criteria
    if scored.criteria_file is not None and scored.criteria_text is not None:
        criteria_text = scored.criteria_text  # as it was read and scored, not read again
        criteria_name = scored.criteria_file.name
    else:  # criteria made in memory: their canonical content
        data = criteria.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        criteria_text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        criteria_name = f"{criteria.id}.yaml"
    return [
        Embedded(
            "result.json",
            scored.result.model_dump_json(indent=2) + "\n",
            "The scored Result (clusterbench JSON)",
        ),
        Embedded(criteria_name, criteria_text, f"The criteria {criteria.id} {criteria.version}"),
    ]


def language_of(scored: Scored, wanted: str | None) -> str:
    """The language a report of `scored` is written in (for file names and messages)."""
    return choose_language(scored.criteria, wanted)
