"""The public API is deliberate: a pinned, sorted `__all__`, documented, and the README runs."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import clusterbench

PUBLIC_MODULES = {"examples"}
"""Modules that are part of the API (``cb.examples.path(...)``), listed in ``__all__``."""

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


def test_all_is_pinned_and_sorted() -> None:
    assert clusterbench.__all__ == PUBLIC
    assert sorted(clusterbench.__all__) == clusterbench.__all__


def test_every_public_name_exists_and_is_documented() -> None:
    for name in PUBLIC:
        obj = getattr(clusterbench, name)
        if callable(obj):
            assert inspect.getdoc(obj), f"{name} has no docstring"


def test_exception_tree_has_one_root() -> None:
    for name in (
        "AssessmentError",
        "CriteriaError",
        "InputError",
        "NotFoundError",
        "OutputError",
        "ReportError",
    ):
        assert issubclass(getattr(clusterbench, name), clusterbench.ClusterbenchError)
    assert issubclass(clusterbench.CriteriaError, clusterbench.InputError)
    assert issubclass(clusterbench.NotFoundError, LookupError)


def test_not_found_suggests_the_nearest_bundled_id() -> None:
    with pytest.raises(clusterbench.NotFoundError, match="did you mean 'esca-eligibility'"):
        clusterbench.load_criteria("esca-eligibilty")


def test_all_is_exactly_the_public_names() -> None:
    # As httpx does: nothing public is left out of __all__, nothing in it is missing.
    # Sub-packages (loader, models, ...) are importable but not the API, except those listed.
    names = {
        name
        for name in dir(clusterbench)
        if not name.startswith("_")
        and (not inspect.ismodule(getattr(clusterbench, name)) or name in PUBLIC_MODULES)
        and name not in ("annotations",)
    }
    assert sorted(names | {"__version__"}) == clusterbench.__all__


def test_the_package_root_loads_its_names_on_first_use() -> None:
    code = (
        "import sys, clusterbench; assert 'clusterbench.pipeline' not in sys.modules; "
        "clusterbench.score_file; assert 'clusterbench.pipeline' in sys.modules"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_help_starts_with_a_short_map_of_the_api() -> None:
    doc = inspect.getdoc(clusterbench)
    assert doc is not None
    assert len(doc.splitlines()) <= 40
    for name in ("load_criteria", "score_file", "render_pdf", "ClusterbenchError", "examples"):
        assert name in doc


def test_loaders_raise_clusterbench_errors_never_os_errors(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    for load in (
        clusterbench.load_criteria,
        clusterbench.load_assessment,
        clusterbench.score_file,
        clusterbench.load_cohort,
    ):
        for path in (tmp_path / "missing.yaml", folder):
            with pytest.raises(clusterbench.ClusterbenchError):
                load(path)
    with pytest.raises(clusterbench.NotFoundError, match="no such file or directory"):
        clusterbench.validate_paths([tmp_path / "nowhere"])
    with pytest.raises(clusterbench.NotFoundError, match="did you mean 'fjordhelse/2021-gold'"):
        clusterbench.examples.path("fjordhelse/2021-gld")
