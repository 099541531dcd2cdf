"""clusterbench: assessment-based labelling, with the scheme as data.

::

    import clusterbench as cb

    criteria = cb.load_criteria("esca-gold")            # a bundled id, or a path
    assessment = cb.load_assessment("assessment.yaml")   # located errors if invalid
    result = cb.score(criteria, assessment)              # pure: the level and why
    print(result.level, result.score.share, result.margin)

Every exception raised on purpose derives from :class:`ClusterbenchError`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    AssessmentError,
    ClusterbenchError,
    CohortError,
    CriteriaError,
    InputError,
    Issue,
    NotFoundError,
    ReportError,
    Severity,
)
from .loader.assessment import load_assessment, parse_assessment
from .loader.criteria import load_criteria, parse_criteria
from .models import Assessment, Criteria
from .models.cohort import Cohort
from .models.result import Result
from .pipeline import FileReport, Scored, ValidationReport, score_file, validate_paths
from .pipeline.cohort import build_cohort_from as build_cohort
from .pipeline.cohort import load_cohort
from .pipeline.history import compare_files, history_of
from .scoring import score


def render_html(scored: Scored, **options: Any) -> str:
    """The report of a scored assessment as HTML; see :func:`clusterbench.report.render_html`."""
    from .report import render_html as render  # imported on use: Jinja2 and Babel

    return render(scored, **options)


def render_pdf(scored: Scored, path: str | os.PathLike[str], **options: Any) -> RenderedPdf:
    """Write the report of a scored assessment as PDF; see :func:`clusterbench.report.render_pdf`."""
    from .report import render_pdf as render  # imported on use: WeasyPrint

    return render(scored, path, **options)


if TYPE_CHECKING:
    from .report.render import RenderedPdf

__all__ = [
    "Assessment",
    "AssessmentError",
    "ClusterbenchError",
    "Cohort",
    "CohortError",
    "Criteria",
    "CriteriaError",
    "FileReport",
    "InputError",
    "Issue",
    "NotFoundError",
    "ReportError",
    "Result",
    "Scored",
    "Severity",
    "ValidationReport",
    "__version__",
    "build_cohort",
    "compare_files",
    "history_of",
    "load_assessment",
    "load_cohort",
    "load_criteria",
    "parse_assessment",
    "parse_criteria",
    "render_html",
    "render_pdf",
    "score",
    "score_file",
    "validate_paths",
]
