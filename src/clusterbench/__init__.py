"""clusterbench: assessment-based labelling, with the scheme as data.

A criteria file (YAML) defines an indicator set and its label levels; an assessment
file records one organisation's answers; :func:`score` decides the level and explains
it; :func:`render_pdf` writes the report.  ::

    import clusterbench as cb

    scored = cb.score_file(cb.examples.path("fjordhelse/2021-gold"))  # or your own file
    print(scored.result.level, scored.result.score.share)
    cb.render_pdf(scored, "report.pdf", language="nb")    # needs clusterbench[report]

The map:

* loading: :func:`load_criteria` (a path or a bundled id such as ``"esca-gold"``),
  :func:`load_assessment`, :func:`parse_criteria`, :func:`parse_assessment`,
  :func:`load_cohort`; :func:`validate_paths` checks many files at once, as CI does;
* scoring: :func:`score` (pure), :func:`score_file` (with the criteria, eligibility and
  previous assessments a file names), :func:`compare_files`, :func:`history_of`,
  :func:`build_cohort`;
* reports: :func:`render_html`, :func:`render_pdf`;
* models: :class:`Criteria`, :class:`Assessment`, :class:`Result`, :class:`Cohort`;
  :mod:`clusterbench.examples` holds the bundled example assessments;
* errors: every exception raised on purpose derives from :class:`ClusterbenchError`;
  a problem in a user's file is an :class:`Issue` (file, line, column, key path, code,
  message), and :class:`InputError` carries all of a file's Issues.

The criteria language, the assessment format and the command line are documented in
the project's README and ``docs/``.
"""

from __future__ import annotations

from importlib import import_module as _import
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

if _TYPE_CHECKING:
    from . import examples
    from ._version import __version__
    from .errors import (
        AssessmentError,
        ClusterbenchError,
        CohortError,
        CriteriaError,
        InputError,
        Issue,
        NotFoundError,
        OutputError,
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
    from .report.render import render_html, render_pdf
    from .scoring import score

# Each public name and where it lives, imported on first use: `import clusterbench.cli`
# (every command) then costs nothing of what its command does not use, and `report` can
# start WeasyPrint's import while it loads and scores (see clusterbench.report.printer).
_WHERE: dict[str, tuple[str, str | None]] = {
    "__version__": ("._version", "__version__"),
    "examples": (".examples", None),
    "render_html": (".report.render", "render_html"),
    "render_pdf": (".report.render", "render_pdf"),
    **{
        name: (".errors", name)
        for name in (
            "AssessmentError",
            "ClusterbenchError",
            "CohortError",
            "CriteriaError",
            "InputError",
            "Issue",
            "NotFoundError",
            "OutputError",
            "ReportError",
            "Severity",
        )
    },
    "load_assessment": (".loader.assessment", "load_assessment"),
    "parse_assessment": (".loader.assessment", "parse_assessment"),
    "load_criteria": (".loader.criteria", "load_criteria"),
    "parse_criteria": (".loader.criteria", "parse_criteria"),
    "Assessment": (".models", "Assessment"),
    "Criteria": (".models", "Criteria"),
    "Cohort": (".models.cohort", "Cohort"),
    "Result": (".models.result", "Result"),
    "FileReport": (".pipeline", "FileReport"),
    "Scored": (".pipeline", "Scored"),
    "ValidationReport": (".pipeline", "ValidationReport"),
    "score_file": (".pipeline", "score_file"),
    "validate_paths": (".pipeline", "validate_paths"),
    "build_cohort": (".pipeline.cohort", "build_cohort_from"),
    "load_cohort": (".pipeline.cohort", "load_cohort"),
    "compare_files": (".pipeline.history", "compare_files"),
    "history_of": (".pipeline.history", "history_of"),
    "score": (".scoring", "score"),
}

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
    "OutputError",
    "ReportError",
    "Result",
    "Scored",
    "Severity",
    "ValidationReport",
    "__version__",
    "build_cohort",
    "compare_files",
    "examples",
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


def __getattr__(name: str) -> _Any:
    found = _WHERE.get(name)
    if found is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _import(found[0], __name__)
    value = module if found[1] is None else getattr(module, found[1])
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
