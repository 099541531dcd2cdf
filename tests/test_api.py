"""The public API is deliberate: a pinned, sorted `__all__`, documented, and the README runs."""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import pytest

import clusterbench

from .conftest import ROOT

PUBLIC = [
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


def test_all_is_pinned_and_sorted() -> None:
    assert clusterbench.__all__ == PUBLIC
    assert sorted(clusterbench.__all__) == clusterbench.__all__


def test_every_public_name_exists_and_is_documented() -> None:
    for name in PUBLIC:
        obj = getattr(clusterbench, name)
        if callable(obj):
            assert inspect.getdoc(obj), f"{name} has no docstring"


def test_exception_tree_has_one_root() -> None:
    for name in ("AssessmentError", "CriteriaError", "InputError", "NotFoundError", "ReportError"):
        assert issubclass(getattr(clusterbench, name), clusterbench.ClusterbenchError)
    assert issubclass(clusterbench.CriteriaError, clusterbench.InputError)
    assert issubclass(clusterbench.NotFoundError, LookupError)


def test_not_found_suggests_the_nearest_bundled_id() -> None:
    with pytest.raises(clusterbench.NotFoundError, match="did you mean 'esca-eligibility'"):
        clusterbench.load_criteria("esca-eligibilty")


def test_readme_library_examples_run(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) == 2
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)  # the examples are given relative to the repository
    try:
        for block in blocks:
            exec(
                compile(
                    block.replace('"report.pdf"', repr(str(tmp_path / "report.pdf"))),
                    "README.md",
                    "exec",
                ),
                namespace,
            )
    finally:
        os.chdir(cwd)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
