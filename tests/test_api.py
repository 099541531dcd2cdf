"""The public API is deliberate: a pinned, sorted `__all__`, documented, and the README runs."""

from __future__ import annotations

import ast
import inspect
import pydoc
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


def _declared() -> set[str]:
    """The public names as mypy reads them: the package's `if _TYPE_CHECKING:` block."""
    tree = ast.parse(Path(clusterbench.__file__).read_text(encoding="utf-8"))
    [block] = [
        n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "_TYPE_CHECKING"
    ]
    names = set()
    for node in block.body:
        if isinstance(node, ast.ImportFrom):
            names |= {alias.asname or alias.name for alias in node.names}
        else:
            assert isinstance(node, ast.Assign)
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
    return {name for name in names if not name.startswith("_") or name.startswith("__")}


def test_all_is_exactly_the_public_names() -> None:
    # As httpx does, but compared with what the package really offers, not with a dir()
    # that lists __all__ itself: the names type checkers see, the names that resolve at
    # run time, and what `import *` gives are the pinned list, nothing more or less.
    assert _declared() == set(PUBLIC)
    for name in PUBLIC:
        getattr(clusterbench, name)  # every name resolves (AttributeError otherwise)
    star: dict[str, object] = {}
    exec("from clusterbench import *", star)
    assert sorted(name for name in star if name != "__builtins__") == PUBLIC
    # Nothing public sits in the package's namespace beside them (sub-packages such as
    # loader or models are importable but not the API, except those listed).
    leaked = {
        name
        for name, value in vars(clusterbench).items()
        if not name.startswith("_")
        and (not inspect.ismodule(value) or name in PUBLIC_MODULES)
        and name != "annotations"  # `from __future__ import annotations`
    }
    assert leaked <= set(PUBLIC)
    for other in ("build_cohort_from", "_build_cohort_from", "loader", "nothing"):
        if other not in vars(clusterbench):  # an imported sub-package is an attribute
            with pytest.raises(AttributeError):
                getattr(clusterbench, other)


def test_help_is_a_short_map_not_every_models_internals() -> None:
    for name in PUBLIC:  # even with every name loaded
        getattr(clusterbench, name)
    text = pydoc.render_doc(clusterbench, renderer=pydoc.plaintext)
    lines = text.splitlines()
    assert len(lines) <= 120, len(lines)
    assert (
        lines[3]
        == "    clusterbench - clusterbench: assessment-based labelling, with the scheme as data."
    )
    assert text.index("The map:") < text.index("PACKAGE CONTENTS")  # the docstring first
    assert "BaseModel" not in text
    assert "model_dump" not in text


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


def test_a_path_with_a_nul_character_is_a_located_error_not_a_value_error(
    tmp_path: Path,
) -> None:
    for load in (
        clusterbench.load_assessment,
        clusterbench.score_file,
        clusterbench.load_cohort,
    ):
        with pytest.raises(clusterbench.InputError) as caught:
            load("a\0b.yaml")
        assert caught.value.issues[0].message == "no such file: a path cannot hold a NUL character"
    with pytest.raises(clusterbench.NotFoundError, match="no such criteria file"):
        clusterbench.load_criteria("a\0b.yaml")
    report = clusterbench.validate_paths(["a\0b.yaml"])
    assert [issue.code for f in report.files for issue in f.issues] == ["CB100"]


def test_a_criteria_reference_means_the_same_to_every_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    gold = Path(clusterbench.examples.path("fjordhelse/2021-gold"))
    # a folder named like a file is that folder, for load_criteria as for score_file
    for call in (
        lambda: clusterbench.load_criteria(folder),
        lambda: clusterbench.score_file(gold, criteria=folder),
        lambda: clusterbench.load_assessment(folder),
    ):
        with pytest.raises(clusterbench.InputError, match="is a directory, not a regular file"):
            call()
    # a missing file, and an unknown id, are NotFoundErrors that say so, from each
    for call in (
        lambda: clusterbench.load_criteria(tmp_path / "gone.yaml"),
        lambda: clusterbench.score_file(gold, criteria=tmp_path / "gone.yaml"),
    ):
        with pytest.raises(clusterbench.NotFoundError, match=r"gone\.yaml: no such criteria file"):
            call()
    for call in (
        lambda: clusterbench.load_criteria("esca-gld"),
        lambda: clusterbench.score_file(gold, criteria="esca-gld"),
    ):
        with pytest.raises(clusterbench.NotFoundError, match="did you mean 'esca-gold'"):
            call()
    # a folder named like an id does not hide the bundled set
    (tmp_path / "esca-gold").mkdir()
    monkeypatch.chdir(tmp_path)
    assert clusterbench.load_criteria("esca-gold").id == "esca-gold"
    assert clusterbench.score_file(gold, criteria="esca-gold").criteria.id == "esca-gold"
