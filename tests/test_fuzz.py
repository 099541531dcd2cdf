"""Mutated criteria files: whatever the damage, only CriteriaError escapes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterbench import Criteria, CriteriaError, parse_criteria
from clusterbench.loader.source import parse_text

from .conftest import FIXTURES, ROOT

SOURCES = [
    FIXTURES / "criteria" / "valid" / "full-language.yaml",
    *sorted((ROOT / "criteria").glob("*.yaml")),
]
TEXTS = [p.read_text(encoding="utf-8") for p in SOURCES]
DATA = [parse_text(t, "x.yaml").data for t in TEXTS]

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(
        ["80%", "120%", "G01", "en", "yes", "no", "2021-13-01", "", " ", "é", "{", "*x"]
    ),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _plain(node: Any) -> Any:
    """Decimals and dates as YAML can write them."""
    if isinstance(node, Decimal):
        return float(node)
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


def _mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    if not path:
        return value if action == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "drop":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif action == "insert" and isinstance(parent[last], dict):
        parent[last]["junk_key"] = value
    elif action == "insert" and isinstance(parent[last], list):
        parent[last].append(value)
    else:
        parent[last] = value
    return data


def _assert_only_criteria_error(text: str | bytes) -> None:
    try:
        result = parse_criteria(text, name="mutated.yaml")
    except CriteriaError as exc:
        issues = exc.issues
    else:
        assert isinstance(result, Criteria)
        return
    assert issues
    for issue in issues:
        assert issue.code.startswith("CB")
        assert issue.file == "mutated.yaml"
        assert issue.line is None or issue.line >= 1


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.data())
def test_structural_mutations_raise_only_criteria_error(data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(DATA) - 1))
    tree = _plain(DATA[index])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(tree)))
        action = data.draw(st.sampled_from(["drop", "replace", "insert"]))
        tree = _mutate(tree, path, action, data.draw(junk))
    _assert_only_criteria_error(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.data())
def test_text_mutations_raise_only_criteria_error(data: st.DataObject) -> None:
    raw = bytearray(data.draw(st.sampled_from(TEXTS)).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(raw)))
        kind = data.draw(st.sampled_from(["insert", "delete", "flip"]))
        chunk = data.draw(
            st.binary(min_size=1, max_size=4)
            | st.sampled_from([b"\t", b": ", b"- ", b"&a ", b"*a", b"{", b"]", b"\n  "])
        )
        if kind == "insert":
            raw[position:position] = chunk
        elif kind == "delete":
            del raw[position : position + len(chunk)]
        else:
            raw[position : position + 1] = chunk[:1]
    _assert_only_criteria_error(bytes(raw))
