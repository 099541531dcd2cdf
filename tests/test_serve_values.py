"""What the workbench makes of the texts a form sends: numbers in the page's language,
the value domain of the loader, line breaks, and numbers saved exactly as scored."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from clusterbench.loader.source import read_document
from clusterbench.models.domain import TOO_MANY_DIGITS
from clusterbench.pipeline.scoring import score_file
from clusterbench.pipeline.validation import validate_paths
from clusterbench.report.i18n import Formatter
from clusterbench.serve.inputs import Refused, read_date, read_number

from .conftest import FIXTURES
from .serving import GOLD, base_of, examples, form_of, post, serving


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return examples(tmp_path)


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with serving(folder) as test_client:
        yield test_client


# ------------------------------------------------------------------ the value domain
@pytest.mark.parametrize(
    ("field", "text", "key", "said"),
    [
        ("answer:G01:value", "1e1000000", "answer:G01", TOO_MANY_DIGITS),  # froze the server
        ("answer:G01:value", "1e999999999999999999999", "answer:G01", TOO_MANY_DIGITS),
        ("answer:G13:value", "29.99999999999999999", "answer:G13", "more than 6 decimal places"),
        ("answer:G28:value", "1" * 30, "answer:G28", TOO_MANY_DIGITS),
        ("answer:G03:value", "1e20", "answer:G03", TOO_MANY_DIGITS),  # a scale's step
        ("related:esca-eligibility:E2:value", "1e5000", "related:esca-eligibility:E2", "digits"),
        ("org:members", "1e400", "org:members", TOO_MANY_DIGITS),
        ("org:founded", "99999999999999999999", "org:founded", TOO_MANY_DIGITS),
        ("answer:G06:value", "0999-12-31", "answer:G06", "outside the years 1000 to 2999"),
        ("info:date", "3021-11-09", "info:date", "outside the years 1000 to 2999"),
        ("decision:date", "0001-01-01", "decision:date", "outside the years"),
        ("info:data_years", "2020, 1e99", "info:data_years", TOO_MANY_DIGITS),
    ],
)
def test_values_outside_the_domain_are_refused_at_their_field(
    client: TestClient, field: str, text: str, key: str, said: str
) -> None:
    form = form_of(client, GOLD)
    form[field] = [text]
    answer = post(client, f"/evaluate?file={GOLD}", form)
    assert answer.status_code == 200
    found = answer.json()
    assert found["level"] is None  # not scored with a value no file may hold
    assert said in " ".join(found["fields"][key])


def test_a_refused_value_is_saved_as_the_text_typed_and_never_a_server_error(
    client: TestClient, folder: Path
) -> None:
    form = form_of(client, GOLD)
    form["answer:G01:value"] = ["1e5000"]  # scored Gold and failed to save before
    answer = post(client, f"/save?file={GOLD}&base={base_of(client, GOLD)}", form)
    assert answer.status_code == 200
    saved = (folder / GOLD).read_text(encoding="utf-8")
    assert "    value: '1e5000'\n" in saved  # the work is kept, as a text
    assert not validate_paths([folder / GOLD]).valid  # and the file says what is wrong


# ------------------------------------------------------------ numbers in each language
@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("en", "1,234", 1234),
        ("en", "1,234.5", Decimal("1234.5")),
        ("en", "2.5", Decimal("2.5")),
        ("en", "2,5", Decimal("2.5")),  # no group of three: a decimal comma
        ("en", "1 234", 1234),
        ("de", "1.234", 1234),
        ("de", "1.234,5", Decimal("1234.5")),
        ("de", "2,5", Decimal("2.5")),
        ("de", "1,234", Decimal("1.234")),
        ("de", "2.5", Decimal("2.5")),
        ("nb", "1\u00a0234,5", Decimal("1234.5")),
        ("nb", "2,5", Decimal("2.5")),
        ("nb", "\u22123", -3),  # the minus sign Norwegian writes
        ("en", "-3", -3),
        ("en", "1e5", 100000),
        ("en", "85 %", 85),
        ("en", "many", "many"),  # no number: the answer's checks say so
    ],
)
def test_numbers_are_read_as_the_pages_language_writes_them(
    language: str, text: str, value: object
) -> None:
    found = read_number(text, language)
    assert found == value
    assert type(found) is type(value)


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "1.234.567"), ("en", "1.234,5"), ("nb", "1.234"), ("de", "1,234.5"), ("en", "1,23,4")],
)
def test_numbers_that_could_be_two_are_refused(language: str, text: str) -> None:
    found = read_number(text, language)
    assert isinstance(found, Refused)
    assert "could mean two numbers" in found.message


def test_dates_are_checked_against_the_domain() -> None:
    assert read_date("2021-11-09") == dt.date(2021, 11, 9)
    assert read_date("09/11/2021") == "09/11/2021"  # no ISO date: the checks say so
    assert isinstance(read_date("0999-01-01"), Refused)


def test_an_english_page_reads_a_thousands_separator(client: TestClient) -> None:
    form = form_of(client, GOLD)
    form["org:members"] = ["1,234"]  # read as 1.234 before, and refused as no whole number
    answer = post(client, f"/evaluate?file={GOLD}", form).json()
    assert answer["level"] == "gold"
    assert "org:members" not in answer["fields"]


def test_a_german_page_shows_and_reads_decimal_commas(folder: Path) -> None:
    with serving(folder, "de") as client:
        page = client.get(f"/edit?file={GOLD}&lang=de").text
        assert 'name="answer:G26:value" value="4,6"' in page  # 4.6 in the file
        form = form_of(client, GOLD, "de")
        base = base_of(client, GOLD)
        form["answer:G28:value"] = ["2,5"]
        scored = post(client, f"/evaluate?file={GOLD}&lang=de", form).json()
        assert "answer:G28" not in scored["fields"]
        assert post(client, f"/save?file={GOLD}&base={base}&lang=de", form).status_code == 200
    text = (folder / GOLD).read_text(encoding="utf-8")
    assert "  G26:\n    value: 4.6\n" in text  # shown as 4,6 and sent back: unchanged
    assert "  G28:\n    value: 2.5\n" in text


def test_detail_numbers_say_what_is_wrong_with_the_number(client: TestClient) -> None:
    form = form_of(client, GOLD)
    form["org:members"] = ["-3"]  # said "must be a whole number, got the text '-3'" before
    messages = " ".join(
        post(client, f"/evaluate?file={GOLD}", form).json()["fields"]["org:members"]
    )
    assert "'-3'" not in messages
    assert "0" in messages  # the least number of members


# ------------------------------------------------------------- saved as the page scored
@pytest.mark.parametrize(
    ("indicator", "text", "written"),
    [
        ("G13", "29.999999", "29.999999"),
        ("G13", "30", "30"),
        ("G13", "30.000000", "30.000000"),
        ("G28", "123456789012345.123456", "123456789012345.123456"),  # 3.5e14 as a float
        ("G26", "1.499999", "1.499999"),
        ("G26", "0.000001", "0.000001"),
    ],
)
def test_the_saved_file_scores_as_the_page_showed(
    client: TestClient, folder: Path, indicator: str, text: str, written: str
) -> None:
    form = form_of(client, GOLD)
    form[f"answer:{indicator}:value"] = [text]
    page = post(client, f"/evaluate?file={GOLD}", form).json()
    assert post(client, f"/save?file={GOLD}&base={base_of(client, GOLD)}", form).status_code == 200
    saved = (folder / GOLD).read_text(encoding="utf-8")
    assert f"  {indicator}:\n    value: {written}\n" in saved  # exactly what was typed
    result = score_file(folder / GOLD).result  # as `clusterbench score` scores the file
    assert page["level"] == result.level
    points = Formatter("en").number(result.score.points)
    assert f"{points} of 150 points" in page["panel"]


# ------------------------------------------------------------------- line breaks
def test_windows_line_breaks_are_saved_as_line_breaks(client: TestClient, folder: Path) -> None:
    form = form_of(client, GOLD)
    form["answer:G01:comment"] = ["First line.\r\nSecond line."]
    form["answer:G01:evidence"] = ["Register 2021\r\nMinutes\r\n"]
    form["info:method"] = ["On site.\r\nTwo days."]
    form["strengths"] = ["Strong board\r\nClear strategy"]
    form["answer:G12:value"] = ["4\r\n"]
    assert post(client, f"/save?file={GOLD}&base={base_of(client, GOLD)}", form).status_code == 200
    data = read_document(folder / GOLD).data  # what the file holds, as the loader reads it
    assert data["answers"]["G01"]["comment"]["en"] == "First line.\nSecond line."
    evidence = data["answers"]["G01"]["evidence"]  # written per language: English changed
    assert [item["en"] for item in evidence] == ["Register 2021", "Minutes"]
    assert data["assessment"]["method"]["en"] == "On site.\nTwo days."
    assert [item["en"] for item in data["strengths"]] == ["Strong board", "Clear strategy"]
    assert data["answers"]["G12"]["value"] == 4
    assert validate_paths([folder / GOLD]).valid


def test_a_text_answer_keeps_no_windows_line_breaks(client: TestClient, folder: Path) -> None:
    shutil.copy(FIXTURES / "criteria" / "valid" / "full-language.yaml", folder / "criteria.yaml")
    (folder / "local.yaml").write_text(
        "kind: assessment\nformat: 1\norganisation: {name: Nordkyst, country: NOR}\n"
        "assessment: {date: 2026-03-01}\ncriteria: {id: full-language, file: criteria.yaml}\n"
        "answers:\n  M5: https://nordkyst.example\n",
        encoding="utf-8",
    )
    form = form_of(client, "local.yaml")
    form["answer:M5:value"] = ["https://nordkyst.example\r\nhttps://nordkyst.example/en"]
    assert (
        post(
            client, f"/save?file=local.yaml&base={base_of(client, 'local.yaml')}", form
        ).status_code
        == 200
    )
    value = read_document(folder / "local.yaml").data["answers"]["M5"]
    assert value == "https://nordkyst.example\nhttps://nordkyst.example/en"


# ------------------------------------------------------------------- answered n of m
def test_answered_counts_the_answered_indicators(client: TestClient) -> None:
    form = form_of(client, GOLD)
    assert "31 of 31 answered" in post(client, f"/evaluate?file={GOLD}", form).json()["panel"]
    form["answer:G07:value"] = []
    form["answer:G31:value"] = []
    answer = post(client, f"/evaluate?file={GOLD}", form).json()
    assert "29 of 31 answered" in answer["panel"]  # said 31 of 31 whatever was answered
