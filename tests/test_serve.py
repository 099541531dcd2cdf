"""The workbench's routes: who may ask, which files it touches, what it scores and saves."""

from __future__ import annotations

import re
import shutil
import subprocess
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from clusterbench.kinds.registry import ANSWER_KINDS
from clusterbench.pipeline.validation import validate_paths
from clusterbench.serve import create_app
from clusterbench.serve.inputs import Control
from clusterbench.serve.security import CSP, MAX_BODY

from .serving import COOKIE, GOLD, HOST, ORIGIN, TOKEN, examples, form_of, post, serving


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return examples(tmp_path)


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with serving(folder) as test_client:
        yield test_client


# ----------------------------------------------------------------- who may ask
def test_every_request_needs_the_token(folder: Path) -> None:
    app = create_app(folder, token=TOKEN, hosts={HOST})
    with TestClient(app, base_url=ORIGIN) as anonymous:
        for url in ("/", f"/edit?file={GOLD}", "/static/workbench.js"):
            refused = anonymous.get(url)
            assert refused.status_code == 401
            assert "token is missing or stale" in refused.text
        assert anonymous.get("/?token=wrong").status_code == 401
        first = anonymous.get(f"/?token={TOKEN}")
        assert first.status_code == 200
        cookie = first.headers["set-cookie"]
        assert f"{COOKIE}={TOKEN}" in cookie  # named after the port
        assert "HttpOnly" in cookie
        assert "SameSite=Strict" in cookie
        assert anonymous.get(f"/edit?file={GOLD}").status_code == 200  # now by the cookie


def test_a_foreign_host_is_refused(client: TestClient) -> None:
    # DNS rebinding: a page of evil.example resolved to 127.0.0.1 still says its own name
    answer = client.get("/", headers={"host": "evil.example:8765"})
    assert answer.status_code == 421


def test_cross_site_posts_are_refused(client: TestClient, folder: Path) -> None:
    before = (folder / GOLD).read_bytes()
    for headers in ({}, {"origin": "http://evil.example"}, {"origin": "null"}):
        answer = client.post(f"/save?file={GOLD}&base=x", data={}, headers=headers)
        assert answer.status_code == 403
    assert (folder / GOLD).read_bytes() == before


def test_request_bodies_are_limited(client: TestClient) -> None:
    answer = client.post(
        f"/evaluate?file={GOLD}",
        content=b"x" * (MAX_BODY + 1),
        headers={"origin": ORIGIN, "content-type": "application/x-www-form-urlencoded"},
    )
    assert answer.status_code == 413


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    for url in ("/", f"/edit?file={GOLD}"):
        answer = client.get(url)
        assert answer.headers["content-security-policy"] == CSP
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"
        page = answer.text
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
        assert not re.search(r"\son[a-z]+=", page), "inline event handler"
        assert not re.search(r'(src|href)="(https?:)?//', page), "a request to another host"


# ----------------------------------------------------------------- which files
@pytest.mark.parametrize(
    "name",
    [
        "../outside.yaml",
        "/etc/passwd",
        "fjordhelse/../../outside.yaml",
        "",
        "fjordhelse",
        "notes.txt",
        ".hidden/x.yaml",
        "missing.yaml",
    ],
)
def test_no_path_outside_the_folder(client: TestClient, folder: Path, name: str) -> None:
    (folder.parent / "outside.yaml").write_text("kind: assessment\n", encoding="utf-8")
    answer = client.get(f"/edit?file={name}")
    assert answer.status_code == 404
    assert post(client, f"/save?file={name}&base=x").status_code == 404


def test_a_symlink_out_of_the_folder_is_refused(client: TestClient, folder: Path) -> None:
    secret = folder.parent / "secret.yaml"
    shutil.copy(folder / GOLD, secret)
    (folder / "link.yaml").symlink_to(secret)
    assert client.get("/edit?file=link.yaml").status_code == 404
    assert "link.yaml" not in client.get("/").text


def test_a_previous_file_outside_the_folder_is_not_read(client: TestClient, folder: Path) -> None:
    text = (folder / GOLD).read_text(encoding="utf-8")
    silver = folder / "fjordhelse" / "2019-silver.yaml"
    outside = folder.parent / "2019-silver.yaml"
    shutil.move(silver, outside)
    (folder / GOLD).write_text(
        text.replace("file: 2019-silver.yaml", "file: ../../2019-silver.yaml"), encoding="utf-8"
    )
    answer = post(client, f"/evaluate?file={GOLD}", form_of(client, GOLD)).json()
    assert answer["level"] is None
    assert "leads outside the folder" in answer["panel"]


# ------------------------------------------------------------------ the pages
def test_the_folder_page_lists_every_assessment(client: TestClient, folder: Path) -> None:
    page = client.get("/").text
    for path in sorted(folder.rglob("*.yaml")):
        assert path.relative_to(folder).as_posix() in page
    assert "Fjordhelse Cluster" in page
    assert "95.0%" in page  # the Gold assessment's score, as the reports write a share
    assert "2023-11-08" in page  # valid until


def test_new_assessment_from_a_bundled_criteria_set(client: TestClient, folder: Path) -> None:
    answer = post(client, "/new", {"criteria": "esca-gold", "name": "new/2026-gold.yaml"})
    assert answer.status_code == 303
    assert answer.headers["location"].endswith("/edit?file=new%2F2026-gold.yaml&lang=en")
    created = folder / "new" / "2026-gold.yaml"
    assert created.read_text(encoding="utf-8").startswith("# Assessment against esca-gold")
    page = client.get("/edit?file=new/2026-gold.yaml").text
    blank = created.read_bytes()
    base = re.search(r'data-base="(\w+)"', page)
    assert base is not None
    form = form_of(client, "new/2026-gold.yaml")
    assert (
        post(client, f"/save?file=new/2026-gold.yaml&base={base.group(1)}", form).status_code == 200
    )
    assert created.read_bytes() == blank  # saved unchanged: every comment and stub kept
    form["answer:G01:value"] = ["40"]
    form["org:name"] = ["Nordkyst Marine Cluster"]
    assert (
        post(client, f"/save?file=new/2026-gold.yaml&base={base.group(1)}", form).status_code == 200
    )
    filled = created.read_text(encoding="utf-8")
    assert "  name: Nordkyst Marine Cluster # the cluster organisation's name\n" in filled
    assert "  G01:\n    value: 40\n    evidence: []" in filled
    assert "G31" in page
    assert "esca-eligibility" in page
    again = post(client, "/new", {"criteria": "esca-gold", "name": "new/2026-gold.yaml"})
    assert "exists already" in client.get(again.headers["location"]).text
    escape = post(client, "/new", {"criteria": "esca-gold", "name": "../escape.yaml"})
    assert escape.status_code == 303
    assert not (folder.parent / "escape.yaml").exists()


def test_every_answer_type_has_its_control() -> None:
    assert {kind.form for kind in ANSWER_KINDS.values()} <= set(typing.get_args(Control))


def test_a_change_is_scored_as_the_saved_file_would_be(client: TestClient) -> None:
    form = form_of(client, GOLD)
    assert post(client, f"/evaluate?file={GOLD}", form).json()["level"] == "gold"
    form["answer:G05:value"] = ["false"]
    answer = post(client, f"/evaluate?file={GOLD}", form).json()
    assert answer["level"] is None
    assert "Gap to Gold" in answer["panel"]
    assert 'href="#answer:G05"' in answer["panel"]


def test_problems_are_shown_at_their_field(client: TestClient) -> None:
    form = form_of(client, GOLD)
    form["org:country"] = ["Norway"]
    answer = post(client, f"/evaluate?file={GOLD}", form).json()
    assert answer["level"] is None
    assert "ISO 3166 alpha-3" in " ".join(answer["fields"]["org:country"])
    form = form_of(client, GOLD)
    form["answer:G01:value"] = ["many"]
    form["answer:G07:value"] = []  # a question left open: a warning, at its field
    answer = post(client, f"/evaluate?file={GOLD}", form).json()
    assert answer["level"] is None
    assert "expected a whole number, got 'many'" in " ".join(answer["fields"]["answer:G01"])
    assert "not answered" in " ".join(answer["fields"]["answer:G07"])


# ---------------------------------------------------------------------- saving
def test_saving_without_a_change_keeps_every_byte(client: TestClient, folder: Path) -> None:
    for path in sorted(folder.rglob("*.yaml")):
        name = path.relative_to(folder).as_posix()
        before = path.read_bytes()
        page = client.get(f"/edit?file={name}").text
        base = re.search(r'data-base="([0-9a-f]{64})"', page)
        assert base is not None
        answer = post(client, f"/save?file={name}&base={base.group(1)}", form_of(client, name))
        assert answer.status_code == 200, name
        assert path.read_bytes() == before, name


def test_saving_a_change_touches_only_its_line(client: TestClient, folder: Path) -> None:
    path = folder / GOLD
    before = path.read_text(encoding="utf-8").splitlines()
    base = re.search(r'data-base="(\w+)"', client.get(f"/edit?file={GOLD}").text).group(1)
    form = form_of(client, GOLD)
    form["answer:G10:value"] = ["80"]
    form["answer:G02:comment"] = ["162 of the 200 business members are SMEs (register checked)."]
    answer = post(client, f"/save?file={GOLD}&base={base}", form)
    assert answer.status_code == 200
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        (  # the English text of a comment written per language; the others stay
            "      en: 162 of the 200 business members are SMEs.",
            "      en: 162 of the 200 business members are SMEs (register checked).",
        ),
        ("    value: 72", "    value: 80"),
    ]
    assert after[0].startswith("# yaml-language-server")  # comments kept
    report = validate_paths([path])
    assert report.valid, [str(i) for f in report.files for i in f.issues]


def test_a_file_changed_on_disk_is_never_overwritten(client: TestClient, folder: Path) -> None:
    path = folder / GOLD
    base = re.search(r'data-base="(\w+)"', client.get(f"/edit?file={GOLD}").text).group(1)
    edited = path.read_text(encoding="utf-8").replace("members: 254", "members: 255")
    path.write_text(edited, encoding="utf-8")  # an editor saved meanwhile
    form = form_of(client, GOLD)
    form["answer:G10:value"] = ["80"]
    answer = post(client, f"/save?file={GOLD}&base={base}", form)
    assert answer.status_code == 409
    assert path.read_text(encoding="utf-8") == edited
    conflict = answer.json()["conflict"]
    assert "changed on disk" in conflict
    assert "-  members: 254" in conflict
    assert "+  members: 255" in conflict


# ---------------------------------------------------------------------- reports
def test_report_preview_and_pdf_of_what_the_page_shows(client: TestClient, tmp_path: Path) -> None:
    form = form_of(client, GOLD)
    preview = post(client, f"/report?file={GOLD}&lang=nb&format=html", form)
    assert preview.status_code == 200
    assert "Fjordhelse Cluster" in preview.text
    assert "file://" not in preview.text  # fonts come from the workbench
    assert "script-src" not in preview.headers["content-security-policy"]
    font = re.search(r'url\("(/assets/report/fonts/[^"]+)"\)', preview.text)
    assert font is not None
    assert client.get(font.group(1)).status_code == 200
    pdf = post(client, f"/report?file={GOLD}&lang=en&format=pdf", form)
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == 'attachment; filename="2021-gold.en.pdf"'
    target = tmp_path / "download.pdf"
    target.write_bytes(pdf.content)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Fjordhelse Cluster" in text


@pytest.mark.parametrize("language", ["nb", "de"])
def test_the_workbench_speaks_the_page_language(
    folder: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .test_report_reader import english_in, everything

    with serving(folder, language) as client:
        pages = {
            "folder": client.get("/").text,
            "form": client.get(f"/edit?file={GOLD}").text,
        }
        form = form_of(client, GOLD)
        form["answer:G10:value"] = ["60"]  # a change that raises no problem: Issues are English
        pages["panel"] = post(client, f"/evaluate?file={GOLD}", form).json()["panel"]
        missing = client.get("/edit?file=../nowhere.yaml")
        pages["error"] = missing.text
    # A file name and a standard's name are the same in every language.
    same_everywhere = {"2019-silver.yaml", "ISO alpha-3"}
    for name, html in pages.items():
        assert set(english_in(everything(html), language)) <= same_everywhere, name
    assert f'<html lang="{language}">' in pages["form"]
    assert "Gull" in pages["panel"] if language == "nb" else "Gold" in pages["panel"]


def test_the_decision_is_edited_and_its_problems_shown_at_it(
    client: TestClient, folder: Path
) -> None:
    name = "young-fashion/2024-silver.yaml"
    form = form_of(client, name)
    assert form["decision:status"] == ["approved"]
    form["decision:level"] = ["gold"]  # esca-bronze has no gold: the field says so
    answer = post(client, f"/evaluate?file={name}", form).json()
    assert "has no level 'gold'" in " ".join(answer["fields"]["decision:level"])
    form["decision:level"] = [""]
    form["decision:date"] = ["2024-05-01"]  # before the assessment (2024-05-28)
    answer = post(client, f"/evaluate?file={name}", form).json()
    assert "before the assessment" in " ".join(answer["fields"]["decision:date"])
    form["decision:date"] = ["2024-07-01"]
    form["decision:reference"] = ["EUCLES-SI-2024-0072-B"]
    base = re.search(r'data-base="(\w+)"', client.get(f"/edit?file={name}").text).group(1)
    assert post(client, f"/save?file={name}&base={base}", form).status_code == 200
    saved = (folder / name).read_text(encoding="utf-8")
    assert "  date: 2024-07-01\n  reference: EUCLES-SI-2024-0072-B\n" in saved
