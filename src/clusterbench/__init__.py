"""clusterbench: assessment-based labelling.

Criteria are data (YAML files), the engine is generic::

    import clusterbench as cb

    criteria = cb.load_criteria("esca-gold")
"""

from __future__ import annotations

from .errors import (
    AssessmentError,
    ClusterbenchError,
    CriteriaError,
    InputError,
    Issue,
    NotFoundError,
    ReportError,
    Severity,
)
from .loader.criteria import load_criteria, parse_criteria
from .loader.validation import FileReport, ValidationReport, validate_paths
from .models import Criteria

__version__ = "0.1.0"

__all__ = [
    "AssessmentError",
    "ClusterbenchError",
    "Criteria",
    "CriteriaError",
    "FileReport",
    "InputError",
    "Issue",
    "NotFoundError",
    "ReportError",
    "Severity",
    "ValidationReport",
    "__version__",
    "load_criteria",
    "parse_criteria",
    "validate_paths",
]
