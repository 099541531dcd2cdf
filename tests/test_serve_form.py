"""What the workbench's pages show: problems at their fields from the first load, with
links that lead to them; related sets as they are recorded; the folder page per language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from clusterbench.pipeline.validation import validate_paths

from .serving import GOLD, base_of, examples, form_of, post, serving

RELATED = "related:esca-eligibility"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return examples(tmp_path)


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with serving(folder) as test_client:
        yield test_client


def _spoil(folder: Path) -> None:
    """Three problems in the Gold file: the country, the date and the first assessor."""
    path = folder / GOLD
    text = path.read_text(encoding="utf-8")
    text = text.replace("country: NOR", "country: Norway", 1)
    text = text.replace("  date: 2021-11-", "  date: 2021-13-", 1)
    text = text.replace("    - name: Renate Oberhuber", "    - name: ''", 1)
    path.write_text(text, encoding="utf-8")


# ------------------------------------------------------- problems at their fields
def test_problems_are_at_their_fields_when_the_page_opens(client: TestClient, folder: Path) -> None:
    _spoil(folder)
    page = client.get(f"/edit?file={GOLD}").text
    shown = dict(re.findall(r'data-problems-for="([^"]+)" aria-live="polite">([^<]+)<', page))
    assert "ISO 3166 alpha-3" in shown["org:country"]  # only after a first change, before
    assert "not a valid date" in shown["info:date"]
    assert "assessor:0:name" in shown
    for key in shown:
        assert re.search(rf'class="[^"]*has-problem[^"]*"[^>]*data-field="{key}"', page), key


def test_every_problem_link_leads_to_a_field_with_a_human_label(
    client: TestClient, folder: Path
) -> None:
    _spoil(folder)
    page = client.get(f"/edit?file={GOLD}").text
    ids = set(re.findall(r'id="([^"]+)"', page))
    panel = page[page.index('id="panel"') :]
    links = dict(re.findall(r'href="#([^"]+)"[^>]*>([^<]*)<', panel))
    assert set(links) >= {"org:country", "info:date", "assessor:0:name"}
    assert set(links) <= ids  # the assessor fields had no id, before
    assert links["assessor:0:name"] == "Assessor 1 · Name"  # "0:name", before
    assert links["info:date"] == "Assessment · Date"
    assert links["org:country"].startswith("Organisation · Country")


def test_no_link_of_any_page_leads_nowhere(client: TestClient, folder: Path) -> None:
    _spoil(folder)
    for path in sorted(folder.rglob("*.yaml")):
        name = path.relative_to(folder).as_posix()
        page = client.get(f"/edit?file={name}").text
        ids = set(re.findall(r'id="([^"]+)"', page))
        targets = set(re.findall(r'href="#([^"]+)"', page))
        assert targets <= ids, (name, targets - ids)


# ------------------------------------------------- a related set as it is recorded
def _as_level(client: TestClient, folder: Path) -> None:
    form = form_of(client, GOLD)
    form["rel:esca-eligibility:mode"] = ["level"]
    form["rel:esca-eligibility:level"] = ["eligible"]
    form["rel:esca-eligibility:awarded"] = ["2021-10-01"]
    answer = post(client, f"/save?file={GOLD}&base={base_of(client, GOLD)}", form)
    assert answer.status_code == 200, answer.text


def test_a_related_level_is_shown_and_saved_as_a_level(client: TestClient, folder: Path) -> None:
    _as_level(client, folder)
    saved = (folder / GOLD).read_text(encoding="utf-8")
    assert "  esca-eligibility:\n    level: eligible\n    awarded: 2021-10-01\n" in saved
    assert validate_paths([folder / GOLD]).valid
    page = client.get(f"/edit?file={GOLD}").text
    assert 'data-related="esca-eligibility" data-mode="level"' in page  # empty E1–E5, before
    form = form_of(client, GOLD)
    assert form["rel:esca-eligibility:mode"] == ["level"]
    assert form["rel:esca-eligibility:level"] == ["eligible"]
    assert form["rel:esca-eligibility:awarded"] == ["2021-10-01"]
    # an answer given while the set is recorded as a level is no mix of both
    form[f"{RELATED}:E1:value"] = ["false"]
    assert post(client, f"/save?file={GOLD}&base={base_of(client, GOLD)}", form).status_code == 200
    saved = (folder / GOLD).read_text(encoding="utf-8")
    assert "E1" not in saved[saved.index("related:") :]
    assert validate_paths([folder / GOLD]).valid  # CB109 before


def test_a_related_level_can_be_answered_instead(client: TestClient, folder: Path) -> None:
    _as_level(client, folder)
    form = form_of(client, GOLD)
    form["rel:esca-eligibility:mode"] = ["answers"]
    for key, value in {"E1": "true", "E2": "4.6", "E3": "254", "E5": "true"}.items():
        form[f"{RELATED}:{key}:value"] = [value]
    form[f"{RELATED}:E4:value"] = ["industry", "research", "public"]
    assert post(client, f"/save?file={GOLD}&base={base_of(client, GOLD)}", form).status_code == 200
    saved = (folder / GOLD).read_text(encoding="utf-8")
    related = saved[saved.index("related:") : saved.index("previous:")]
    assert "level:" not in related
    assert "answers:" in related
    assert "E3: 254" in related
    report = validate_paths([folder / GOLD])
    assert report.valid, [str(i) for f in report.files for i in f.issues]


# ------------------------------------------------------------------- the folder page
@pytest.mark.parametrize(
    ("language", "score"), [("en", "95.0%"), ("nb", "95,0 %"), ("de", "95,0 %")]
)
def test_the_folder_page_speaks_its_language_on_every_link(
    folder: Path, language: str, score: str
) -> None:
    with serving(folder) as client:
        page = client.get(f"/?lang={language}").text
    scores = [s.replace("\xa0", " ") for s in re.findall(r'class="number nowrap">([^<]*)<', page)]
    assert score in scores  # "95.0 %" on every page, before
    assert "" not in scores  # a label without points says so: "–"
    links = re.findall(r'href="(/[^"#]*)"', page[page.index("</nav>") :])
    assert links
    for link in links:
        if not link.startswith("/static/"):
            assert f"lang={language}" in link, link  # lost on every link, before
    switcher = page[page.index('class="languages"') :]
    switcher = switcher[: switcher.index("</nav>")]
    others = {"en", "nb", "de"} - {language}
    assert set(re.findall(r'href="/\?lang=(\w+)"', switcher)) == others
    assert f'<span aria-current="page">{language}</span>' in switcher
    row = page[page.index(f"{GOLD}</a>") :]
    row = row[: row.index("</tr>")]
    cells = re.findall(r'<td class="([^"]*)">([^<]*)<', row)
    assert len([c for c, text in cells if "nowrap" in c and text]) >= 4  # date, level, score, until


# ------------------------------------------------------------------------ smaller
def test_bounds_with_one_side_say_so(client: TestClient) -> None:
    page = client.get(f"/edit?file={GOLD}").text
    bounds = set(re.findall(r'class="muted bounds">([^<]*)<', page))
    assert "≥ 0" in bounds  # "0 –" before
    assert not [b for b in bounds if b.strip().endswith("–") or b.strip().startswith("–")]


@pytest.mark.parametrize("language", ["nb", "de"])
def test_dates_are_written_as_the_files_write_them(folder: Path, language: str) -> None:
    with serving(folder, language) as client:
        page = client.get(f"/edit?file={GOLD}").text
    assert f'<html lang="{language}">' in page
    assert 'type="date"' not in page  # shown as mm/dd/yyyy by Chromium, before
    date = re.search(r'<input type="text" name="info:date"[^>]*>', page)
    assert date is not None
    assert 'value="2021-11-' in date.group(0)
    assert 'pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}"' in date.group(0)
