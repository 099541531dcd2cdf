"""Reading YAML: positions, YAML 1.2 scalars, and hostile input refused with clear Issues."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest

from clusterbench.errors import InputError
from clusterbench.loader.source import MAX_BYTES, Mark, parse_text, read_document


def issues_of(text: str | bytes) -> list[str]:
    """The reader's Issues: those that stop it, or those it reports with the data."""
    try:
        doc = parse_text(text, "f.yaml")
    except InputError as caught:
        return [str(i) for i in caught.issues]
    assert doc.issues, "no Issue"
    return [str(i) for i in doc.issues]


def test_positions_of_keys_and_values_are_one_based() -> None:
    doc = parse_text("a: 1\nlist:\n  - x: 2\n    y: [3, 4]\n", "f.yaml")
    assert doc.data == {"a": 1, "list": [{"x": 2, "y": [3, 4]}]}
    assert doc.position(("a",)) == Mark(1, 4)
    assert doc.position(("list", 0, "y", 1)) == Mark(4, 12)
    assert doc.key_position(("list", 0, "y")) == Mark(4, 5)
    assert doc.position(("list", 3)) is None


def test_missing_path_falls_back_to_nearest_ancestor() -> None:
    doc = parse_text("a:\n  b: 1\n", "f.yaml")
    assert doc.mark(("a", "zzz", 3)) == doc.position(("a",)) == Mark(2, 3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("0.8", Decimal("0.8")),
        ("1e3", Decimal("1e3")),
        ("010", 10),
        ("0x1F", 31),
        ("0o17", 15),
        ("-3", -3),
        ("1_000", "1_000"),
        ("2021-11-06", dt.date(2021, 11, 6)),
        ("'2021-11-06'", "2021-11-06"),
        ("80%", "80%"),
        ("nb", "nb"),
    ],
)
def test_scalars_follow_the_yaml_1_2_core_schema(text: str, value: object) -> None:
    data = parse_text(f"v: {text}\n", "f.yaml").data["v"]
    assert data == value
    assert type(data) is type(value)


def test_decimal_fractions_are_exact() -> None:
    data = parse_text("a: 0.1\nb: 0.2\n", "f.yaml").data
    assert data["a"] + data["b"] == Decimal("0.3")


def test_duplicate_keys_name_both_lines() -> None:
    assert issues_of("a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: duplicate key 'a': first on line 1, again on line 3; YAML would keep only the last [CB107]"
    ]


def test_merge_keys_work_and_explicit_keys_win() -> None:
    doc = parse_text("base: &b {x: 1, y: 2}\nthing:\n  <<: *b\n  y: 3\n", "f.yaml")
    assert doc.data["thing"] == {"x": 1, "y": 3}
    assert doc.position(("thing", "y")) == Mark(4, 6)  # the explicit key
    assert doc.position(("thing", "x")) == Mark(1, 14)  # found through the merge


def test_tab_indentation_is_named() -> None:
    assert issues_of("a:\n\tb: 1\n") == [
        "f.yaml:2:1: tab character in indentation; indent with spaces [CB114]"
    ]


def test_tab_inside_a_quoted_value_is_fine() -> None:
    assert parse_text('a: "x\ty"\n', "f.yaml").data == {"a": "x\ty"}


def test_non_utf8_bytes_are_located() -> None:
    assert issues_of(b"a: 1\nb: caf\xe9\n") == [
        "f.yaml:2:7: the file is not UTF-8 (byte 0xE9); save it as UTF-8 [CB113]"
    ]


def test_utf8_bom_is_accepted() -> None:
    assert parse_text("\ufeffa: ø\n".encode(), "f.yaml").data == {"a": "ø"}


@pytest.mark.parametrize("text", ["", "   \n\n", "# just a comment\n"])
def test_empty_files(text: str) -> None:
    [message] = issues_of(text)
    assert "[CB111]" in message


def test_more_than_one_document_is_refused() -> None:
    [message] = issues_of("a: 1\n---\nb: 2\n")
    assert "[CB101]" in message
    assert "single document" in message


def test_unsupported_tags_are_refused() -> None:
    [message] = issues_of("a: !!python/object:os.system ls\n")
    assert "unsupported tag" in message
    assert "[CB101]" in message


def test_billion_laughs_is_refused_fast_and_small() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 12):
        refs = ", ".join([f"*a{n - 1}"] * 10)
        lines.append(f"a{n}: &a{n} [{refs}]")
    tracemalloc.start()
    [message] = issues_of("\n".join(lines) + "\n")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # expanded, it would be 10^12 values
    assert "[CB108]" in message
    assert "aliases expand" in message


def test_recursive_alias_is_refused() -> None:
    [message] = issues_of("a: &x\n  b: *x\n")
    assert "refers to itself" in message


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * 500 + "]" * 500 + "\n"
    [message] = issues_of(text)
    assert "nesting" in message


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert "[CB112]" in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


def test_unreadable_file_names_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("clusterbench.loader.reader.os.open", refuse)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value).endswith(
        "permission denied: the file cannot be read; check its permissions [CB100]"
    )


def test_libyaml_is_used() -> None:
    import yaml

    from clusterbench.loader.source import USING_LIBYAML, _Loader

    assert yaml.__with_libyaml__
    assert USING_LIBYAML
    assert "yaml._yaml" in {cls.__module__ for cls in _Loader.__mro__}
