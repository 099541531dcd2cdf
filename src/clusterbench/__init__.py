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

The names above are loaded on first use and listed in ``__all__``; ``help()`` on each
(``help(cb.Criteria)``) documents it.  The criteria language, the assessment format and
the command line are documented in the project's README and ``docs/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

# The one list of public names, and where each lives.  mypy reads it as it is written;
# at run time `_public()` reads these same lines, and each name is imported on first use:
# `import clusterbench.cli` (every command) then costs nothing of what its command does
# not use, and `report` can start WeasyPrint's import while it loads and scores (see
# clusterbench.report.printer).
if _TYPE_CHECKING:
    from . import examples as examples
    from ._version import __version__ as __version__
    from .errors import AssessmentError as AssessmentError
    from .errors import ClusterbenchError as ClusterbenchError
    from .errors import CohortError as CohortError
    from .errors import CriteriaError as CriteriaError
    from .errors import InputError as InputError
    from .errors import Issue as Issue
    from .errors import NotFoundError as NotFoundError
    from .errors import OutputError as OutputError
    from .errors import ReportError as ReportError
    from .errors import Severity as Severity
    from .loader.assessment import load_assessment as load_assessment
    from .loader.assessment import parse_assessment as parse_assessment
    from .loader.criteria import load_criteria as load_criteria
    from .loader.criteria import parse_criteria as parse_criteria
    from .models import Assessment as Assessment
    from .models import Criteria as Criteria
    from .models.cohort import Cohort as Cohort
    from .models.result import Result as Result
    from .pipeline import FileReport as FileReport
    from .pipeline import Scored as Scored
    from .pipeline import ValidationReport as ValidationReport
    from .pipeline import score_file as score_file
    from .pipeline import validate_paths as validate_paths
    from .pipeline.cohort import build_cohort_from as _build_cohort_from
    from .pipeline.cohort import load_cohort as load_cohort
    from .pipeline.history import compare_files as compare_files
    from .pipeline.history import history_of as history_of
    from .report.render import render_html as render_html
    from .report.render import render_pdf as render_pdf
    from .scoring import score as score

    build_cohort = _build_cohort_from  # a public name of its own (exported, as `x as x` is)

# Filled by _public(); made, not annotated, so that help() shows no __annotations__.
_where = dict[str, tuple[str, str | None]]()


def _public() -> dict[str, tuple[str, str | None]]:
    """Each public name: (module, attribute), or (module, None) for a module, read once
    from the imports above."""
    if not _where:
        import ast

        with open(__file__, encoding="utf-8") as source:
            tree = ast.parse(source.read())
        [block] = [
            node
            for node in tree.body
            if isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "_TYPE_CHECKING"
        ]
        private: dict[str, tuple[str, str | None]] = {}
        for node in block.body:
            if isinstance(node, ast.Assign):  # `public = _imported`: a name of its own
                [target] = node.targets
                assert isinstance(target, ast.Name)
                assert isinstance(node.value, ast.Name)
                _where[target.id] = private[node.value.id]
                continue
            assert isinstance(node, ast.ImportFrom)
            dots = "." * node.level
            for alias in node.names:
                name = alias.asname or alias.name
                if node.module is None:  # `from . import examples`: the module itself
                    found: tuple[str, str | None] = (dots + alias.name, None)
                else:
                    found = (dots + node.module, alias.name)
                hidden = name.startswith("_") and not name.startswith("__")
                (private if hidden else _where)[name] = found
    return _where


def __getattr__(name: str) -> _Any:
    # Not kept in the module's namespace: `dir(clusterbench)` and `help(clusterbench)`
    # stay a short map instead of thousands of lines of every model's pydantic methods.
    if name == "__all__":
        return sorted(_public())
    found = _public().get(name)
    if found is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    try:
        module = import_module(found[0], __name__)
    except ImportError as exc:  # the report extra missing: say what to install
        from ._extras import missing_extra

        error = missing_extra(exc)
        if error is None:
            raise
        raise error from None
    return module if found[1] is None else getattr(module, found[1])
