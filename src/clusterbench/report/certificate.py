"""A label certificate: one A4 page that says who holds which label, until when, by whose
decision.  The same inputs give the same bytes (the PDF's dates are the decision's)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from .._resources import bundled_dir
from .._version import __version__
from ..errors import ReportError
from ..pipeline.awards import awarded_validity
from ..pipeline.files import Inputs, write_atomically
from ..pipeline.scoring import Scored, check_decision
from ..scoring.standing import standing
from .i18n import Formatter, choose_language
from .pdf import html_to_pdf
from .templating import render_template

__all__ = ["certificate_pdf", "certificate_refusal", "certificate_view", "render_certificate"]


def certificate_view(
    scored: Scored, *, language: str | None = None, draft: bool = False
) -> dict[str, Any]:
    """What the certificate shows; a ReportError when there is no approved label to certify.

    ``draft`` makes a certificate of a level not (yet) approved, marked as a draft on
    the page, to check the layout before the body decides.
    """
    criteria, assessment, result = scored.criteria, scored.assessment, scored.result
    lang = choose_language(criteria, language)
    decision = assessment.decision
    approved = decision is not None and decision.status == "approved"
    refused = certificate_refusal(scored)
    # A draft stands in for an approval still to come; never for a refusal or no level.
    awaited = refused is not None and result.level is not None and not _refused(scored)
    if refused is not None and not (draft and awaited):
        hint = " (or use --draft)" if awaited else ""
        raise ReportError(f"{assessment.organisation.name}: {refused}{hint}")
    on = (decision.date if decision is not None and decision.date else None) or assessment.date
    label = standing(
        result.level,
        awarded_validity(scored),
        assessment.date,
        decision if approved else None,
        criteria,
        on,
    )
    level_id = label.level or result.level
    level = criteria.level(level_id) if level_id else None
    if level is None:
        raise ReportError(f"{assessment.organisation.name}: the assessment reaches no level")
    fmt = Formatter(lang)
    body = criteria.awarding.body.in_language(lang) if criteria.awarding else None
    return {
        "lang": lang,
        "draft": draft and not approved,
        "organisation": assessment.organisation.name,
        "country": fmt.country(assessment.organisation.country),
        "level": level.title.in_language(lang),
        "criteria": criteria.title.in_language(lang),
        "criteria_id": criteria.id,
        "version": criteria.version,
        "valid_from": fmt.date(label.valid_from) if label.valid_from else None,
        "valid_until": fmt.date(label.valid_until) if label.valid_until else None,
        "report_id": assessment.assessment.report_id,
        "assessed": fmt.date(assessment.date),
        "decided": fmt.date(decision.date) if approved and decision and decision.date else None,
        "reference": decision.reference if approved and decision else None,
        "body": body,
        "colour": level.color or "#1F4E79",
        "iso_date": on.isoformat(),
        "generator": f"clusterbench {__version__}",
        "provenance": criteria.provenance.status,
        "assets": bundled_dir("templates").as_uri(),
        "stamp": on,
    }


def certificate_refusal(scored: Scored) -> str | None:
    """Why the assessment has no label to certify (None when it has one).

    A ReportError for a decision the answers do not support (an error in the file,
    which `validate` reports too).
    """
    assessment, result = scored.assessment, scored.result
    decision = assessment.decision
    if result.level is None:
        return "the assessment reaches no level, so there is no label to certify"
    wrong = check_decision(scored)
    if wrong is not None:
        raise ReportError(f"{assessment.organisation.name}: {wrong.message}")
    if _refused(scored):
        assert decision is not None
        did = "rejected" if decision.status == "rejected" else "withdrew"
        return (
            f"the labelling body {did} the level; there is no label to certify, not even as a draft"
        )
    if scored.criteria.needs_approval and (decision is None or decision.status != "approved"):
        what = decision.status if decision is not None else "no decision yet"
        return (
            f"the level is not approved ({what}); a certificate needs the labelling body's "
            "approval in `decision`"
        )
    return None


def _refused(scored: Scored) -> bool:
    decision = scored.assessment.decision
    return decision is not None and decision.status in ("rejected", "withdrawn")


def certificate_pdf(scored: Scored, *, language: str | None = None, draft: bool = False) -> bytes:
    """The certificate of an approved label as one-page PDF bytes (ReportError if none)."""
    view = certificate_view(scored, language=language, draft=draft)
    templates = bundled_dir("templates")
    html = render_template("certificate.html", view["lang"], (templates,), view=view)
    stamp: dt.date = view["stamp"]
    return html_to_pdf(html, base=templates, roots=[templates], attachments=[], date=stamp).data


def render_certificate(
    scored: Scored,
    path: str | os.PathLike[str],
    *,
    language: str | None = None,
    draft: bool = False,
) -> Path:
    """Write the certificate of an approved label as a one-page PDF; the path written.

    Never over a file the assessment was made from (see :mod:`clusterbench.pipeline.files`).
    """
    data = certificate_pdf(scored, language=language, draft=draft)
    return write_atomically(path, data, inputs=Inputs(scored.sources))
