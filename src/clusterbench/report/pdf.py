"""HTML to PDF with WeasyPrint: metadata, outline, attachments, reproducible bytes.

WeasyPrint is imported only here, and only when a PDF is made.  A process that makes
many reports keeps WeasyPrint imported; each PDF gets a font configuration of its own
(3 ms), so that no document's fonts change another's bytes.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ReportError
from .fetcher import SafeFetcher
from .libraries import import_weasyprint
from .options import PDF_VARIANTS

__all__ = ["VARIANTS", "Embedded", "PdfResult", "html_to_pdf", "warm_up"]

VARIANTS = PDF_VARIANTS


@dataclass(frozen=True, slots=True)
class Embedded:
    """A file attached to the PDF."""

    name: str
    text: str
    description: str


@dataclass(frozen=True, slots=True)
class PdfResult:
    """The PDF's bytes, and what WeasyPrint warned about and refused to fetch."""

    data: bytes
    warnings: tuple[str, ...]
    refused: tuple[str, ...]


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _weasyprint() -> tuple[Any, Any]:
    """WeasyPrint and a font configuration of its own for one document.

    Never shared between documents: the fonts one document loads stay in a shared
    configuration and can change the bytes of the next PDF (the same report rendered
    after another one in the same process differed from a fresh process's).  A new one
    costs about 3 ms."""
    try:
        weasyprint = import_weasyprint()
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as exc:  # OSError: Pango or another library is missing
        raise ReportError(
            f"PDF reports need WeasyPrint and Pango ({exc}); install clusterbench[report] "
            "and run `clusterbench doctor`"
        ) from exc
    return weasyprint, FontConfiguration()


def warm_up() -> None:
    """Import WeasyPrint and prime fontconfig now, before a PDF is asked for."""
    _weasyprint()


def html_to_pdf(
    html: str,
    *,
    base: Path,
    roots: Sequence[Path],
    attachments: Sequence[Embedded],
    date: dt.date,
    variant: str | None = None,
) -> PdfResult:
    """Render HTML to PDF bytes; the same inputs give the same bytes."""
    weasyprint, fonts = _weasyprint()
    if variant is not None and variant not in VARIANTS:
        raise ReportError(f"unknown PDF variant {variant!r}; choose {', '.join(VARIANTS)}")
    stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    fetcher = SafeFetcher(roots)
    collector = _Collector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        document = weasyprint.HTML(
            string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher
        ).render(font_config=fonts)
        files = [
            weasyprint.Attachment(
                string=item.text,
                name=item.name,
                description=item.description,
                created=stamp,
                modified=stamp,
                relationship="Data" if variant else "Unspecified",
                url_fetcher=fetcher,
            )
            for item in attachments
        ]
        with warnings.catch_warnings():
            # WeasyPrint 70 opens its sRGB profile for PDF/A and never closes the file;
            # the object is dropped inside write_pdf, so its ResourceWarning is harmless.
            warnings.simplefilter("ignore", ResourceWarning)
            data = document.write_pdf(attachments=files, pdf_variant=variant, pdf_identifier=True)
    finally:
        logger.removeHandler(collector)
    return PdfResult(data=data, warnings=tuple(collector.messages), refused=tuple(fetcher.refused))
