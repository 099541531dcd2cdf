"""The optional extras, and the one error a missing one gives.

A plain ``pip install clusterbench`` validates, scores and prints every text in every
language; reports (HTML, PDF, certificates, the register as HTML) need the ``report``
extra: Jinja2 and WeasyPrint.  Without it, asking for a report is a
:class:`~clusterbench.ReportError` that says what to install, never a raw
``ModuleNotFoundError``.
"""

from __future__ import annotations

from importlib.util import find_spec

from .errors import ReportError

__all__ = ["REPORT_MODULES", "installed", "missing_extra", "require_report"]

REPORT_MODULES = ("jinja2", "weasyprint")
"""What the ``report`` extra brings: HTML needs the first, PDF both."""

_INSTALL = "pip install 'clusterbench[report]'"


def installed(module: str) -> bool:
    """Whether ``module`` can be imported (found, not imported)."""
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a broken installation is no installation
        return False


def require_report(*, pdf: bool) -> None:
    """Raise ReportError unless what an HTML (``pdf=False``) or PDF report needs is installed."""
    for module in REPORT_MODULES if pdf else REPORT_MODULES[:1]:
        if not installed(module):
            raise _missing(module)


def missing_extra(exc: ImportError) -> ReportError | None:
    """The ReportError for an import that failed because the report extra is missing."""
    name = (exc.name or "").partition(".")[0]
    return _missing(name) if name in REPORT_MODULES else None


def _missing(module: str) -> ReportError:
    return ReportError(f"reports need the report extra ({module} is not installed): {_INSTALL}")
