"""The guarantee, as a property: what `validate` accepts, `score` scores and the report renders.

Any mutation of a valid file — a value replaced by junk (huge numbers, far dates, texts
and lists at and past their bounds, mappings), a key dropped or added, bytes inserted or
deleted — either makes `validate` report errors, each located at a line of a file, or
passes `validate` and then scores and renders as HTML without an exception.  (The converse need not hold:
`validate` may refuse more than scoring needs, a failing golden example or a decision
for a level the answers do not reach; then `score` still ends in a result or a
ClusterbenchError, never in another exception.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterbench import ClusterbenchError, score_file, validate_paths
from clusterbench.loader.source import parse_text
from clusterbench.report import render_html

from .conftest import FIXTURES, ROOT
from .test_fuzz import _mutate, _paths, _plain

HISTORY = ROOT / "examples" / "fjordhelse"
THRESHOLD = FIXTURES / "scoring" / "threshold.yaml"

hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=8).map(float),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.text(max_size=20),
    st.text(min_size=200, max_size=3000),
    st.lists(st.integers(-5, 5) | st.text(max_size=4), max_size=4),
    st.dictionaries(st.text(max_size=6), st.integers(-5, 5) | st.none(), max_size=3),
    st.sampled_from(
        [
            "80%",
            "1e999999999",
            "9999-12-31",
            "0001-01-01",
            "not_applicable",
            "G01",
            "esca-gold",
            "gold",
            "NOR",
            "../../../../etc/passwd",
            "/dev/null",
            "2019-silver.yaml",
            "2021-gold.yaml",
            "yes",
            "",
        ]
    ),
    st.sampled_from([120000, 30000, 1201, 1200, 0, -1, 10**15, 10**16]),
    # At and just past the bounds of texts and lists (models.domain): an unbroken word
    # of a name's or a text's length, lists of a list's or the indicators' length.
    st.sampled_from([200, 201, 1000, 1001, 5000, 5001]).map(lambda n: "w" * n),
    st.sampled_from([100, 101]).map(lambda n: ["item"] * n),
    st.sampled_from([300, 301]).map(lambda n: {f"K{i}": "x" for i in range(n)}),
)


def _dump(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def _mutated_tree(data: st.DataObject, text: str) -> str:
    tree = _plain(parse_text(text, "x.yaml").data)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        path = data.draw(st.sampled_from(_paths(tree)), label="path")
        action = data.draw(st.sampled_from(["drop", "replace", "insert"]), label="action")
        tree = _mutate(tree, path, action, data.draw(hostile, label="value"))
    return _dump(tree)


def _mutated_bytes(data: st.DataObject, text: str) -> bytes:
    raw = bytearray(text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        position = data.draw(st.integers(0, len(raw)), label="position")
        chunk = data.draw(
            st.binary(min_size=1, max_size=3)
            | st.sampled_from([b"\t", b": ", b"- ", b"&a ", b"*a", b"9" * 30, b"e99999", b"\n  "]),
            label="chunk",
        )
        if data.draw(st.booleans(), label="insert"):
            raw[position:position] = chunk
        else:
            del raw[position : position + len(chunk)]
    return bytes(raw)


def _errors(target: Path) -> list[Any]:
    """validate's errors for ``target``, each checked to be located."""
    report = validate_paths([target])
    errors = [i for f in report.files for i in f.issues if i.is_error]
    for issue in errors:
        assert issue.code.startswith("CB"), issue
        assert issue.line is not None, f"not located: {issue}"
        assert issue.line >= 1
    return errors


def _check(target: Path) -> None:
    if _errors(target):
        with contextlib.suppress(ClusterbenchError):  # it may still score; it must not crash
            score_file(target)
        return
    scored = score_file(target)  # what validate accepts scores ...
    html = render_html(scored)  # ... and renders
    assert html.rstrip().endswith("</html>")


_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@_SETTINGS
@given(st.data())
def test_a_mutated_assessment_is_refused_with_located_errors_or_scores_and_renders(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("history")
    for source in HISTORY.glob("*.yaml"):
        shutil.copy(source, folder / source.name)
    target = folder / data.draw(st.sampled_from(sorted(p.name for p in folder.iterdir())))
    text = target.read_text(encoding="utf-8")
    if data.draw(st.booleans(), label="structural"):
        target.write_text(_mutated_tree(data, text), encoding="utf-8")
    else:
        target.write_bytes(_mutated_bytes(data, text))
    _check(folder / "2021-gold.yaml")
    if target.name != "2021-gold.yaml":
        _check(target)


@_SETTINGS
@given(st.data())
def test_a_mutated_criteria_file_is_refused_with_located_errors_or_scores_and_renders(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("criteria")
    criteria = folder / "threshold.yaml"
    text = THRESHOLD.read_text(encoding="utf-8")
    if data.draw(st.booleans(), label="structural"):
        criteria.write_text(_mutated_tree(data, text), encoding="utf-8")
    else:
        criteria.write_bytes(_mutated_bytes(data, text))
    assessment = folder / "a.yaml"
    assessment.write_text(
        "kind: assessment\nformat: 1\norganisation: {name: T, country: NOR}\n"
        "assessment: {date: 2021-11-06}\ncriteria: {id: threshold, file: threshold.yaml}\n"
        "related: {esca-eligibility: {level: eligible}}\n"
        "answers: {A: true, B: 15, C: 3, D: true, E: 50}\n",
        encoding="utf-8",
    )
    _check(assessment)
    _errors(criteria)  # located, if any (a failing golden example is validate's alone)
