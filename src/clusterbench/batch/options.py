"""What a batch makes and how: its options, and the names its outputs get.

An output is named by a template (``--name``) without its extension, which follows the
format: by default ``{stem}.{lang}.{audience}`` for reports (``x.nb.summary.pdf``),
``{stem}`` for JSON results (a Result is the same in every language), and
``{stem}.{lang}.certificate`` for certificates.  So runs in several languages and for
several audiences keep every output side by side in one folder.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from ..errors import ReportError
from ..report.options import PdfVariant, ReportLanguage

__all__ = [
    "CERTIFICATE_NAME",
    "NAME_FIELDS",
    "BatchOptions",
    "Form",
    "Kind",
    "check_name",
    "fill_name",
]

Form = Literal["pdf", "html", "json"]
Kind = Literal["report", "certificate"]

NAME_FIELDS: Final = ("stem", "lang", "audience", "organisation", "report_id")
"""The fields a name template may use: the input file's name without its extension, the
language written in, `full`, `summary` or `certificate`, and the assessment's
organisation and report id."""
_DEFAULT_NAME: Final = "{stem}.{lang}.{audience}"
_JSON_NAME: Final = "{stem}"
CERTIFICATE_NAME: Final = "{stem}.{lang}.certificate"
_IDENTIFYING = ("stem", "organisation", "report_id")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_LONGEST = 80
"""Characters kept of one field's value (a file name has at most 255 bytes)."""


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What a batch renders and how.

    ``accent``, ``logo`` and ``pdf_variant`` brand reports as :func:`~clusterbench.render_pdf`
    does; ``name`` is the template of the outputs' names (see :func:`check_name`);
    ``certificates``: also a certificate for every approved label.
    """

    out_dir: Path
    form: Form = "pdf"
    language: ReportLanguage | None = None
    audience: Literal["full", "summary"] = "full"
    cohort: Path | None = None
    templates: Path | None = None
    jobs: int = 1
    force: bool = False
    recycle: int = 200
    accent: str | None = None
    logo: Path | None = None
    pdf_variant: PdfVariant | None = None
    name: str | None = None
    certificates: bool = False

    def template(self, kind: Kind) -> str:
        """The name template of this kind of output."""
        if kind == "certificate":
            return self.name or CERTIFICATE_NAME
        return self.name or (_JSON_NAME if self.form == "json" else _DEFAULT_NAME)

    def planned_key(self, kind: Kind, folder: str, stem: str) -> str | None:
        """The output's path inside the output folder when planning can know it (its name
        uses no field of the assessment, nor a language still to choose); else None."""
        known: dict[str, str | None] = {
            "stem": stem,
            "audience": "certificate" if kind == "certificate" else self.audience,
        }
        if self.language is not None:
            known["lang"] = self.language
        template = self.template(kind)
        fields = {field for _, field, _, _ in string.Formatter().parse(template) if field}
        if not fields <= set(known):
            return None
        name = f"{fill_name(template, known)}.{'pdf' if kind == 'certificate' else self.form}"
        return f"{folder}/{name}" if folder else name

    def settings(self, kind: Kind) -> dict[str, Any]:
        """The options that change an output of this kind (part of its fingerprint)."""
        if kind == "certificate":
            return {"kind": kind, "language": self.language, "name": self.template(kind)}
        if self.form == "json":
            return {"kind": kind, "form": "json", "name": self.template(kind)}
        return {
            "kind": kind,
            "form": self.form,
            "language": self.language,
            "audience": self.audience,
            "accent": self.accent,
            "logo": str(self.logo) if self.logo is not None else None,
            "pdf_variant": self.pdf_variant if self.form == "pdf" else None,
            "name": self.template(kind),
        }

    def record(self) -> dict[str, Any]:
        """The options as a manifest entry records them (what its output was made with)."""
        return {
            "format": self.form,
            "lang": self.language,
            "audience": self.audience,
            "accent": self.accent,
            "logo": str(self.logo) if self.logo is not None else None,
            "pdf_variant": self.pdf_variant,
            "name": self.name,
            "cohort": str(self.cohort) if self.cohort is not None else None,
            "templates": str(self.templates) if self.templates is not None else None,
        }


def check_name(template: str, *, certificates: bool = False) -> str:
    """``template`` if it can name outputs; a ReportError saying what is wrong otherwise.

    Fields are written ``{stem}``; only :data:`NAME_FIELDS` exist, with no format spec;
    the text around them may not hold a path separator or a control character, nor start
    with a dot; it needs a field that tells inputs apart (``{stem}``, ``{report_id}`` or
    ``{organisation}``), and with certificates ``{audience}`` (which is `certificate`
    for them) so that a report and its certificate do not share a name.
    """
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ReportError(f"--name {template!r}: {exc}; write fields as {{stem}}") from None
    used = set()
    for text, field, spec, conversion in parts:
        if _UNSAFE.search(text):
            raise ReportError(
                f"--name {template!r}: a name may not hold a path separator or a control "
                "character; outputs keep the folders of their inputs"
            )
        if field is None:
            continue
        if field not in NAME_FIELDS or spec or conversion:
            raise ReportError(
                f"--name {template!r}: unknown field {{{field}{'!' + conversion if conversion else ''}"
                f"{':' + spec if spec else ''}}}; the fields are "
                + ", ".join(f"{{{name}}}" for name in NAME_FIELDS)
            )
        used.add(field)
    if not template or template.startswith("."):
        raise ReportError(f"--name {template!r}: a name may not be empty or start with a dot")
    if not used & set(_IDENTIFYING):
        raise ReportError(
            f"--name {template!r}: add {{stem}}, {{report_id}} or {{organisation}}, or every "
            "output would have the same name"
        )
    if certificates and "audience" not in used:
        raise ReportError(
            f"--name {template!r}: with --certificates, add {{audience}} (`certificate` for a "
            "certificate), or a report and its certificate would have the same name"
        )
    return template


def fill_name(template: str, values: dict[str, str | None]) -> str:
    """The name ``template`` gives with these field values, each made safe for a file name
    (path separators and control characters replaced, at most 80 characters)."""
    safe = {key: _safe(value) for key, value in values.items()}
    return template.format_map(safe)


def _safe(value: str | None) -> str:
    text = " ".join(_UNSAFE.sub("-", value or "").split())[:_LONGEST].strip()
    return text.lstrip(".") or "_"
