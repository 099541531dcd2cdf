"""The workbench in a real browser: Debian's Chromium driven by Playwright.

The page is used as an assessor would: open the folder, open the Gold assessment, lose
Gold by one answer and see the level and the gap follow without a reload, undo, save,
download the PDF; with the keyboard only; and with two pages saving the same file.
Screenshots of each step are written to the test's folder.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright

from clusterbench.pipeline.validation import validate_paths
from clusterbench.serve import create_app
from clusterbench.serve.editor import Draft

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "browser-test-token"
GOLD = "fjordhelse/2021-gold.yaml"


class Server:
    """The workbench on a free port, in a thread of the test process."""

    def __init__(self, folder: Path) -> None:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}
        app = create_app(folder, token=TOKEN, hosts=hosts)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [listener]})
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "the workbench did not start"
            time.sleep(0.02)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "assessments"
    shutil.copytree(ROOT / "examples", target)
    return target


@pytest.fixture
def server(folder: Path) -> Iterator[Server]:
    running = Server(folder)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "tools/setup-system.sh installs Debian's chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def expected() -> set[str]:
    """HTTP statuses a test provokes on purpose (Chromium logs each as a console error)."""
    return {"409"}  # a refused save, shown


@pytest.fixture
def page(browser: Browser, server: Server, expected: set[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    elsewhere: list[str] = []
    problems: list[str] = []
    opened.on(
        "request",
        lambda r: None if r.url.startswith((server.origin, "data:")) else elsewhere.append(r.url),
    )
    opened.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and not any(f"status of {s}" in m.text for s in expected)
            else None
        ),
    )
    opened.on("pageerror", lambda e: problems.append(str(e)))
    yield opened
    context.close()
    assert elsewhere == [], "the page asked another host"
    assert problems == [], "the page logged errors"


def open_gold(page: Page, server: Server) -> None:
    page.goto(f"{server.origin}/?token={TOKEN}")
    page.get_by_role("link", name=GOLD).click()
    expect(page.locator("#panel .level")).to_have_text("Gold")
    expect(page.locator("#assessment")).to_have_attribute("data-ready", "true")


def test_lose_gold_see_the_gap_undo_save_download(
    page: Page, server: Server, folder: Path, tmp_path: Path
) -> None:
    page.goto(f"{server.origin}/?token={TOKEN}")
    expect(page.get_by_role("link", name=GOLD)).to_be_visible()
    page.screenshot(path=tmp_path / "1-folder.png", full_page=True)
    page.get_by_role("link", name=GOLD).click()
    level = page.locator("#panel .level")
    expect(level).to_have_text("Gold")
    expect(page.locator("#assessment")).to_have_attribute("data-ready", "true")
    url = page.url
    page.screenshot(path=tmp_path / "2-gold.png")

    page.locator("input[name='answer:G05:value'][value='false']").check()
    expect(level).to_have_text("no level")
    expect(page.locator("#panel .gap")).to_contain_text("Gap to Gold")
    expect(page.locator("#panel .gap")).to_contain_text("G05")
    expect(page.locator("#status")).to_have_text("Unsaved changes")
    assert page.url == url  # no reload
    page.screenshot(path=tmp_path / "3-gold-lost.png")

    page.get_by_role("button", name="Undo").click()
    expect(level).to_have_text("Gold")
    expect(page.locator("input[name='answer:G05:value'][value='true']")).to_be_checked()

    page.locator("textarea[name='answer:G01:comment']").fill(
        "38 new members; register checked again."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Saved")
    saved = (folder / GOLD).read_text(encoding="utf-8")
    assert "      en: 38 new members; register checked again.\n" in saved  # the page's language
    assert "      nb: 38 nye medlemmer siden sølvvurderingen;" in saved  # the others kept
    assert "# --- Structure and governance" in saved  # comments kept
    assert validate_paths([folder / GOLD]).valid

    with page.expect_download() as download:
        page.get_by_role("button", name="PDF (en)").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    assert download.value.suggested_filename == "2021-gold.en.pdf"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Fjordhelse Cluster" in text


def test_leaving_with_unsaved_changes_asks_first(page: Page, server: Server) -> None:
    open_gold(page, server)
    members = page.locator("input[name='org:members']")
    members.click()  # a real gesture: browsers ask before leaving only after one
    page.keyboard.press("End")
    page.keyboard.type("1")
    expect(page.locator("#status")).to_have_text("Unsaved changes")
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    url = page.url
    page.get_by_role("link", name="folder").click(no_wait_after=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url == url
    expect(members).to_have_value("2541")  # the change is still there


def test_one_indicator_with_the_keyboard_only(page: Page, server: Server, tmp_path: Path) -> None:
    open_gold(page, server)
    g05 = page.locator("input[name='answer:G05:value'][value='true']")
    g05.focus()  # where Tab would arrive after G04 (checked below)
    page.keyboard.press("ArrowRight")  # radio groups move with the arrow keys
    expect(page.locator("input[name='answer:G05:value'][value='false']")).to_be_checked()
    expect(page.locator("#panel .level")).to_have_text("no level")
    page.keyboard.press("Tab")  # on to the evidence of G05
    focused = page.evaluate_handle("document.activeElement")
    assert focused.get_property("name").json_value() == "answer:G05:evidence"
    page.keyboard.type("Strategy draft only")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#panel .level")).to_have_text("Gold")
    page.screenshot(path=tmp_path / "keyboard.png")
    visible = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert visible != "none"  # the focus can be seen


def test_two_pages_one_file_never_overwrite_each_other(
    browser: Browser, page: Page, server: Server, folder: Path, tmp_path: Path
) -> None:
    open_gold(page, server)
    other = page.context.new_page()
    open_gold(other, server)
    other.locator("input[name='org:members']").fill("260")
    other.get_by_role("button", name="Save").click()
    expect(other.locator("#status")).to_have_text("Saved")
    assert "  members: 260\n" in (folder / GOLD).read_text(encoding="utf-8")

    page.locator("input[name='org:members']").fill("250")
    page.keyboard.press("End")  # the assessor is at the bottom of the form when saving
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Not saved: the file changed on disk")
    expect(page.locator(".conflict")).to_contain_text("+  members: 260")
    expect(page.locator(".conflict")).to_be_in_viewport()
    page.screenshot(path=tmp_path / "conflict.png")
    assert "  members: 260\n" in (folder / GOLD).read_text(encoding="utf-8")
    other.close()


def test_previews_open_the_report_in_each_language(page: Page, server: Server) -> None:
    open_gold(page, server)
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Preview (nb)").click()
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("body")).to_contain_text("Fjordhelse Cluster")
    assert re.search(r"/report\?file=.*lang=nb", preview.url)
    preview.close()


def test_enter_in_a_field_opens_nothing(page: Page, server: Server) -> None:
    open_gold(page, server)
    for name in ("org:name", "answer:G01:value", "info:date"):
        page.locator(f"input[name='{name}']").press("Enter")
    page.wait_for_timeout(500)
    assert len(page.context.pages) == 1  # a report preview opened in a new tab before
    comment = page.locator("textarea[name='answer:G01:comment']")
    comment.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("second line")
    assert comment.input_value().endswith("\nsecond line")  # a text area keeps its lines


def test_undo_is_ready_while_typing(page: Page, server: Server) -> None:
    open_gold(page, server)
    members = page.locator("input[name='org:members']")
    members.click()
    page.keyboard.press("End")
    page.keyboard.type("9")
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_enabled()  # only once the field was left, before
    assert page.evaluate("document.activeElement.name") == "org:members"  # still typing
    undo.click()
    expect(members).to_have_value("254")
    expect(undo).to_be_disabled()


def test_pdfs_are_downloaded_without_leaving_the_page(
    page: Page, server: Server, expected: set[str]
) -> None:
    expected.add("422")  # the refused PDF
    open_gold(page, server)
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    country = page.locator("input[name='org:country']")
    country.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Norway")  # a real gesture: browsers ask before leaving only after one
    expect(page.locator("#panel .level")).to_have_text("not scored yet")
    url = page.url
    page.get_by_role("button", name="PDF (en)").click()
    expect(page.locator("#notice")).to_contain_text("Fix the problems the page shows first.")
    assert page.url == url  # an error page replaced the form before
    expect(country).to_have_value("Norway")
    country.fill("NOR")
    expect(page.locator("#panel .level")).to_have_text("Gold")
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF (de)").click()
    assert download.value.suggested_filename == "2021-gold.de.pdf"
    expect(page.locator("#notice")).to_be_hidden()
    expect(page.locator("#status")).to_have_text("Unsaved changes")
    assert asked == []  # the download asked to leave the page before
    assert page.url == url


def test_a_failure_of_the_server_is_shown_as_it_is(
    page: Page, server: Server, expected: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected.add("500")
    open_gold(page, server)

    def broken(self: Draft, form: object, language: str) -> None:
        raise RuntimeError("the scoring broke")

    monkeypatch.setattr(Draft, "evaluate", broken)
    page.locator("input[name='answer:G05:value'][value='false']").check()
    notice = page.locator("#notice")
    expect(notice).to_contain_text("The workbench answered with an error (500)")
    expect(notice).to_contain_text("RuntimeError: the scoring broke")
    expect(notice).not_to_contain_text("cannot be reached")  # said before


def test_a_huge_number_is_refused_at_its_field_at_once(page: Page, server: Server) -> None:
    open_gold(page, server)
    page.locator("input[name='answer:G01:value']").fill("1e1000000")  # froze the server before
    expect(page.locator("[data-problems-for='answer:G01']")).not_to_be_empty(timeout=3000)
    expect(page.locator("#panel .level")).to_have_text("not scored yet")
    page.locator("input[name='org:members']").fill("255")  # the server still answers
    expect(page.locator("#status")).to_have_text("Unsaved changes")


def test_the_new_file_name_is_checked_in_the_browser(page: Page, server: Server) -> None:
    page.goto(f"{server.origin}/?token={TOKEN}")
    name = page.locator("input[name='name']")
    # an invalid pattern is an error in the console (the fixture fails on it) and no check
    for text, wrong in [
        ("my-cluster/2026-gold.yaml", False),
        ("2026.yml", False),
        (".hidden.yaml", True),
        ("/etc/cron.yaml", True),
        ("c:/x.yaml", True),
        ("notes.txt", True),
    ]:
        name.fill(text)
        assert name.evaluate("el => el.validity.patternMismatch") is wrong, text


def test_the_keyboard_jumps_to_an_indicator(page: Page, server: Server) -> None:
    open_gold(page, server)
    tabs = 0
    while page.evaluate("document.activeElement.id") != "goto":
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs <= 12, "Go to is far from the top"  # G05 was 72 Tabs away, before
    assert page.locator("#goto").get_attribute("accesskey") == "g"
    page.keyboard.type("g05")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "answer:G05:value"
    assert len(page.context.pages) == 1
    page.keyboard.press("ArrowRight")
    expect(page.locator("#panel .level")).to_have_text("no level")


def test_a_stale_token_is_said_so(page: Page, server: Server, expected: set[str]) -> None:
    expected.add("401")
    open_gold(page, server)
    page.context.clear_cookies()  # another workbench on this machine took the cookie, before
    page.locator("input[name='answer:G05:value'][value='false']").check()
    notice = page.locator("#notice")
    expect(notice).to_contain_text("The access token is missing or stale")
    expect(notice).not_to_contain_text("cannot be reached")
