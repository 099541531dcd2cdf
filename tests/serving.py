"""What the workbench's route tests share: a copy of the examples, a client with the
token, a POST from the page's own origin, and the form a browser would send."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from starlette.testclient import TestClient

from clusterbench.serve import create_app

from .conftest import ROOT

TOKEN = "s3cret-token-for-tests"
HOST = "127.0.0.1:8765"
ORIGIN = f"http://{HOST}"
COOKIE = "clusterbench_token_8765"
GOLD = "fjordhelse/2021-gold.yaml"


def examples(tmp_path: Path) -> Path:
    """A copy of the examples folder, to serve and change."""
    target = tmp_path / "assessments"
    shutil.copytree(ROOT / "examples", target)
    return target


@contextmanager
def serving(
    folder: Path, language: str = "en", *, raise_errors: bool = True
) -> Iterator[TestClient]:
    """A test client of the workbench over ``folder``, holding the token's cookie."""
    app = create_app(folder, token=TOKEN, hosts={HOST, "localhost:8765"}, language=language)
    with TestClient(app, base_url=ORIGIN, raise_server_exceptions=raise_errors) as client:
        client.cookies.set(COOKIE, TOKEN)
        yield client


def post(client: TestClient, url: str, data: dict[str, str | list[str]] | None = None):
    """A POST from the workbench's own page (its origin), redirects not followed."""
    return client.post(url, data=data or {}, headers={"origin": ORIGIN}, follow_redirects=False)


class _Form(HTMLParser):
    """What a browser sends for a form as served: every successful control's value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, list[str]] = {}
        self._text: tuple[str, list[str]] | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == "assessment":
            self._inside = True
        if not self._inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.fields.setdefault(name, []).append(a.get("value") or "on")
            elif kind != "submit":
                self.fields.setdefault(name, []).append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._text = (name, [])
        elif tag == "select" and name:
            self._select, self._options = name, []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False
        if tag == "textarea" and self._text is not None:
            text = "".join(self._text[1]).removeprefix("\n")  # as browsers read a textarea
            self.fields.setdefault(self._text[0], []).append(text)
            self._text = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._options if selected] or [self._options[0][0]]
            self.fields.setdefault(self._select, []).append(chosen[0])
            self._select = None


def form_of(client: TestClient, name: str, language: str = "en") -> dict[str, list[str]]:
    """The form a browser would send for the page as it was served (no change made)."""
    parser = _Form()
    parser.feed(client.get(f"/edit?file={name}&lang={language}").text)
    return parser.fields


def base_of(client: TestClient, name: str) -> str:
    """The version of the file a page opened now (to save it)."""
    found = re.search(r'data-base="([0-9a-f]{64})"', client.get(f"/edit?file={name}").text)
    assert found is not None
    return found.group(1)
