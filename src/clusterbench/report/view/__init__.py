"""The report's typed view: what each section shows, built from a scored assessment.

See :mod:`.report` for the whole; each section's dataclasses and builder live in their
own module.  Templates format and lay out; they never compute.
"""

from __future__ import annotations

from .context import ReportOptions
from .report import ReportView, build_view

__all__ = ["ReportOptions", "ReportView", "build_view"]
