"""Working with files: validating many at once, scoring an assessment with its history."""

from __future__ import annotations

from .scoring import Scored, score_file
from .validation import FileReport, ValidationReport, validate_paths

__all__ = ["FileReport", "Scored", "ValidationReport", "score_file", "validate_paths"]
