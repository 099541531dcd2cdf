"""Which files the workbench reads and writes: only inside its folder, one name per file,
one save at a time per file, conflicts shown against what the page last had, and new
assessments from bundled or local criteria."""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from clusterbench.cli import main
from clusterbench.pipeline.validation import validate_paths
from clusterbench.serve.editor import Conflict, Draft, open_draft
from clusterbench.serve.workspace import Workspace

from .conftest import FIXTURES
from .serving import GOLD, base_of, examples, form_of, post, serving

SECRET = "root:x:0:0:the-secret-line"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return examples(tmp_path)


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with serving(folder) as test_client:
        yield test_client


@pytest.fixture
def outside(folder: Path) -> Path:
    """A folder beside the served one, with a criteria file and a text file in it."""
    place = folder.parent / "outside"
    place.mkdir()
    shutil.copy(FIXTURES / "criteria" / "valid" / "full-language.yaml", place / "crit.yaml")
    (place / "secret.yaml").write_text(f"{SECRET}\nkey_name_of_the_secret: 1\n", encoding="utf-8")
    return place


# ------------------------------------------------------------ nothing outside the folder
@pytest.mark.parametrize("target", ["../outside/crit.yaml", "../outside/secret.yaml"])
def test_criteria_outside_the_folder_are_not_read(
    client: TestClient, folder: Path, outside: Path, target: str
) -> None:
    text = (folder / GOLD).read_text(encoding="utf-8")
    (folder / "fjordhelse" / "elsewhere.yaml").write_text(
        text.replace("criteria: {id: esca-gold", f"criteria: {{file: ../{target}, id: esca-gold"),
        encoding="utf-8",
    )
    assert "file: ../" in (folder / "fjordhelse" / "elsewhere.yaml").read_text(encoding="utf-8")
    page = client.get("/").text
    row = page[page.index("fjordhelse/elsewhere.yaml") :]
    row = row[: row.index("</tr>")]
    assert "leads outside the folder" in row
    assert "cannot be scored" in row
    for shown in (row, client.get("/edit?file=fjordhelse/elsewhere.yaml").text):
        assert "secret" not in shown.replace("secret.yaml", "")  # nothing of the file
        assert "full-language" not in shown


def test_a_related_assessment_file_is_scored_inside_and_refused_outside(
    client: TestClient, folder: Path, outside: Path
) -> None:
    gce = (FIXTURES / "assessments" / "valid" / "national-programme-gce.yaml").read_text(
        encoding="utf-8"
    )
    inside = gce.replace("../../../../examples/fjordhelse/2021-gold.yaml", "2021-gold.yaml")
    (folder / "fjordhelse" / "gce.yaml").write_text(inside, encoding="utf-8")
    # crashed the folder page before: the related Gold assessment was never read
    page = client.get("/").text
    assert "Global Centres of Expertise" in page
    form = form_of(client, "fjordhelse/gce.yaml")
    assert post(client, "/evaluate?file=fjordhelse/gce.yaml", form).json()["level"] == "gce"
    shutil.copy(folder / GOLD, outside / "2021-gold.yaml")
    away = inside.replace("assessment: 2021-gold.yaml", "assessment: ../../outside/2021-gold.yaml")
    (folder / "fjordhelse" / "gce.yaml").write_text(away, encoding="utf-8")
    answer = post(
        client, "/evaluate?file=fjordhelse/gce.yaml", form_of(client, "fjordhelse/gce.yaml")
    )
    assert answer.json()["level"] is None
    assert "leads outside the folder" in answer.json()["panel"]


@pytest.mark.parametrize(
    "choice", ["{outside}/secret.yaml", "../outside/secret.yaml", "../../etc/passwd", "/etc/passwd"]
)
def test_new_assessments_read_no_criteria_outside_the_folder(
    client: TestClient, folder: Path, outside: Path, choice: str
) -> None:
    answer = post(
        client, "/new", {"criteria": choice.format(outside=outside), "name": "x/new.yaml"}
    )
    assert answer.status_code == 303
    shown = client.get(answer.headers["location"]).text
    assert "neither a bundled criteria set nor a criteria file here" in shown
    assert SECRET not in shown
    assert "key_name_of_the_secret" not in shown
    assert "root:" not in shown
    assert not (folder / "x" / "new.yaml").exists()


# ------------------------------------------------------------------ one name per file
@pytest.mark.parametrize(
    "spelling",
    ["./fjordhelse/2021-gold.yaml", "fjordhelse/2021-gold.yaml/", "fjordhelse//2021-gold.yaml"],
)
def test_a_file_has_one_name(client: TestClient, spelling: str) -> None:
    answer = client.get(f"/edit?file={spelling}", follow_redirects=False)
    assert answer.status_code == 308
    assert "file=fjordhelse%2F2021-gold.yaml" in answer.headers["location"]
    assert post(client, f"/save?file={spelling}&base=x", form_of(client, GOLD)).status_code == 404


def test_a_link_inside_the_folder_leads_to_its_file(client: TestClient, folder: Path) -> None:
    (folder / "gold-link.yaml").symlink_to(folder / GOLD)
    answer = client.get("/edit?file=gold-link.yaml", follow_redirects=False)
    assert answer.status_code == 308
    assert "file=fjordhelse%2F2021-gold.yaml" in answer.headers["location"]
    assert "gold-link.yaml" not in client.get("/").text  # listed once, by its own name


# ------------------------------------------------------------- saving, one at a time
def _race(workspace: Workspace, members: tuple[str, str]) -> list[str | Conflict]:
    """Two pages that opened the same version save at the same moment."""
    drafts = [open_draft(workspace, GOLD) for _ in members]
    base = drafts[0].digest
    start = threading.Barrier(len(drafts))
    outcomes: list[str | Conflict] = []

    def save(draft: Draft, value: str) -> None:
        start.wait()
        outcomes.append(draft.save({"org:members": [value]}, base, "en"))

    threads = [
        threading.Thread(target=save, args=pair) for pair in zip(drafts, members, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_saves_of_one_file_never_both_succeed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace(folder)
    render = Draft.render

    def slow(self: Draft, form: object, language: str) -> str:
        time.sleep(0.05)  # widen the moment between the check and the write
        return render(self, form, language)  # type: ignore[arg-type]

    monkeypatch.setattr(Draft, "render", slow)
    for trial in range(5):
        outcomes = _race(workspace, (str(300 + trial), str(400 + trial)))
        assert sum(isinstance(o, Conflict) for o in outcomes) == 1, trial  # both won before
        saved = next(o for o in outcomes if isinstance(o, str))
        on_disk = (folder / GOLD).read_text(encoding="utf-8")
        assert workspace.opened(GOLD, saved) == on_disk  # the version written is remembered


def test_a_conflict_after_a_save_shows_only_what_changed(client: TestClient, folder: Path) -> None:
    form = form_of(client, GOLD)
    form["org:members"] = ["260"]
    saved = post(client, f"/save?file={GOLD}&base={base_of(client, GOLD)}", form).json()
    path = folder / GOLD
    path.write_text(
        path.read_text(encoding="utf-8").replace("founded: 2013", "founded: 2012"),
        encoding="utf-8",
    )
    form["org:members"] = ["270"]
    answer = post(client, f"/save?file={GOLD}&base={saved['digest']}", form)
    assert answer.status_code == 409
    diff = answer.json()["conflict"]
    assert "-  founded: 2013" in diff
    assert "+  founded: 2012" in diff
    assert "@@ -0,0" not in diff  # the whole file as new, before
    changed = [line for line in diff.splitlines() if line.startswith(("-  ", "+  "))]
    assert len(changed) == 2


# ------------------------------------------------------------------ new assessments
def test_a_new_assessment_from_criteria_in_the_folder(client: TestClient, folder: Path) -> None:
    shutil.copy(FIXTURES / "criteria" / "valid" / "full-language.yaml", folder / "my-criteria.yaml")
    assert "my-criteria.yaml" in client.get("/").text  # offered beside the bundled sets
    answer = post(client, "/new", {"criteria": "my-criteria.yaml", "name": "nordkyst/2026.yaml"})
    assert answer.status_code == 303
    assert "/edit?file=nordkyst%2F2026.yaml" in answer.headers["location"]
    created = (folder / "nordkyst" / "2026.yaml").read_text(encoding="utf-8")
    assert 'file: "../my-criteria.yaml"' in created
    report = validate_paths([folder / "nordkyst" / "2026.yaml"])
    codes = {i.code for f in report.files for i in f.issues}
    assert "CB307" not in codes  # its criteria are found


def test_the_form_offers_every_field_of_the_questionnaire(client: TestClient, folder: Path) -> None:
    assert post(client, "/new", {"criteria": "esca-gold", "name": "n/2026.yaml"}).status_code == 303
    created = (folder / "n" / "2026.yaml").read_text(encoding="utf-8")
    page = client.get("/edit?file=n/2026.yaml").text
    names = set(re.findall(r'name="([^"]+)"', page))
    stubs = {
        "  name:": "org:name",
        "  country:": "org:country",
        "  portfolio:": "org:portfolio",
        "  founded:": "org:founded",
        "  members:": "org:members",
        "  website:": "org:website",
        "  date:": "info:date",
        "  type: first": "info:type",
        "  report_id:": "info:report_id",
        "  organisation:": "info:organisation",
        "  method:": "info:method",
        "  data_years: []": "info:data_years",
        "    - name:": "assessor:0:name",
        "      role:": "assessor:0:role",
        "previous:": "previous:file",
        "improvement_areas: []": "area:0:indicator",
        "follow_up: []": "follow:0:recommendation",
        "appreciation:": "appreciation",
        "strengths: []": "strengths",
        "recommendations: []": "recommendations",
        "    value:": "answer:G01:value",
        "    evidence: []": "answer:G01:evidence",
        "    comment:": "answer:G01:comment",
    }
    for stub, field in stubs.items():
        assert stub in created, stub
        assert field in names, field
    form = form_of(client, "n/2026.yaml")
    form["appreciation"] = ["A strong, well-run cluster."]
    form["info:organisation"] = ["EUCLES"]
    form["info:data_years"] = ["2024, 2025"]
    form["follow:0:recommendation"] = ["Write an annual plan."]
    form["follow:0:status"] = ["in_progress"]
    assert (
        post(
            client, f"/save?file=n/2026.yaml&base={base_of(client, 'n/2026.yaml')}", form
        ).status_code
        == 200
    )
    saved = (folder / "n" / "2026.yaml").read_text(encoding="utf-8")
    assert "  organisation: EUCLES" in saved
    assert "  data_years: [2024, 2025]" in saved
    assert "appreciation: A strong, well-run cluster." in saved
    assert "- recommendation: Write an annual plan.\n    status: in_progress" in saved


@pytest.mark.parametrize("name", ["a" * 300 + ".yaml", "x/" + "b" * 260 + "/c.yaml"])
def test_a_name_too_long_is_refused(client: TestClient, name: str) -> None:
    answer = post(client, "/new", {"criteria": "esca-gold", "name": name})
    assert answer.status_code == 303
    assert "too long for a file name" in client.get(answer.headers["location"]).text


def test_new_names_a_local_criteria_file_from_where_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(
        FIXTURES / "criteria" / "valid" / "full-language.yaml", tmp_path / "local-test.yaml"
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()  # -o never makes a folder
    assert main(["new", "local-test.yaml", "-o", "out/assessment.yaml"]) == 0
    written = (tmp_path / "out" / "assessment.yaml").read_text(encoding="utf-8")
    # `criteria: {id: full-language}` alone before: the assessment could not find them
    assert 'criteria: {id: full-language, version: "2026.1", file: "../local-test.yaml"}' in written
    assert "improvement_areas: []" in written
    report = validate_paths([tmp_path / "out" / "assessment.yaml"])
    assert "CB307" not in {i.code for f in report.files for i in f.issues}
    assert main(["new", "esca-gold"]) == 0  # bundled: found by its id
    assert 'criteria: {id: esca-gold, version: "2019"}\n' in capsys.readouterr().out
