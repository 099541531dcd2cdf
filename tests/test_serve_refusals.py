"""Requests the workbench cannot serve get a clear refusal, never a server error."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from clusterbench.serve import create_app
from clusterbench.serve.security import MAX_BODY, cookie_name

from .serving import GOLD, ORIGIN, TOKEN, examples, form_of, post, serving

HOSTILE = [
    "",
    "é",
    "%C3%A9",
    "\x00",
    "a\x00.yaml",
    f"{GOLD}\x00.yaml",
    "../" * 20 + "etc/passwd",
    "/etc/passwd",
    "x" * 300 + ".yaml",
    "x" * 5000,
    "fjordhelse/../fjordhelse/2021-gold.yaml",
    "./" + GOLD,
    GOLD + "/",
    "C:\\Windows\\win.ini",
    "<script>alert(1)</script>.yaml",
    "\ud800",
    "1e1000000",
    "bogus",
    "nb\r\nSet-Cookie: x=y",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return examples(tmp_path)


@pytest.fixture
def client(folder: Path) -> Iterator[TestClient]:
    with serving(folder, raise_errors=False) as test_client:
        yield test_client


def _safe(value: str) -> str:
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_no_parameter_makes_a_server_error(client: TestClient, value: str) -> None:
    value = _safe(value)
    form = {"answer:G01:value": [value], "org:name": [value], "info:date": [value]}
    requests = [
        ("GET", "/", {"lang": value}),
        ("GET", "/edit", {"file": value}),
        ("GET", "/edit", {"file": GOLD, "lang": value}),
        ("POST", "/evaluate", {"file": value}),
        ("POST", "/evaluate", {"file": GOLD, "lang": value}),
        ("POST", "/save", {"file": value, "base": value}),
        ("POST", "/save", {"file": GOLD, "base": value}),
        ("POST", "/report", {"file": GOLD, "audience": value}),
        ("POST", "/report", {"file": GOLD, "format": value}),
        ("POST", "/report", {"file": value, "format": "pdf"}),
        ("POST", "/new", {"lang": value}),
        ("GET", "/static/" + quote(value, safe=""), {}),
        ("GET", "/assets/report/" + quote(value, safe="/"), {}),
    ]
    for method, url, params in requests:
        if method == "GET":
            answer = client.get(url, params=params, follow_redirects=False)
        else:
            data = form if url != "/new" else {"criteria": value, "name": value}
            answer = client.post(
                url, params=params, data=data, headers={"origin": ORIGIN}, follow_redirects=False
            )
        assert answer.status_code < 500, (method, url, params, answer.text[:300])


def test_every_form_field_takes_hostile_text(client: TestClient) -> None:
    form = form_of(client, GOLD)
    for value in map(_safe, HOSTILE):
        changed = {name: [value] for name in form}
        for url in (f"/evaluate?file={GOLD}", f"/report?file={GOLD}&format=html"):
            answer = post(client, url, changed)
            assert answer.status_code < 500, (url, repr(value), answer.text[:300])


def test_the_query_string_may_hold_anything(client: TestClient) -> None:
    for query in ("token=%C3%A9", "token=%FF", "file=%00", "lang=%ZZ", "file=%C0%AF"):
        assert client.get(f"/edit?{query}").status_code < 500, query
    client.cookies.clear()  # the token only from the query: not ASCII, refused
    assert client.get("/?token=%C3%A9").status_code == 401
    assert (
        client.get("/", headers={"cookie": "clusterbench_token_8765=%C3%A9; x"}).status_code == 401
    )


def test_a_report_for_no_audience_is_refused_with_a_message(client: TestClient) -> None:
    answer = post(client, f"/report?file={GOLD}&audience=bogus", form_of(client, GOLD))
    assert answer.status_code == 400
    assert "choose a format (html, pdf) and an audience (full, summary)" in answer.json()["error"]


def test_a_chunked_body_over_the_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in itertools.repeat(None, MAX_BODY // 65536 + 2):
            yield b"x" * 65536

    answer = client.post(
        f"/evaluate?file={GOLD}",
        content=chunks(),  # no content-length: sent in chunks
        headers={"origin": ORIGIN, "content-type": "application/x-www-form-urlencoded"},
    )
    assert answer.status_code == 413


def test_two_workbenches_keep_their_own_cookies(folder: Path) -> None:
    assert cookie_name({"127.0.0.1:8765", "localhost:8765"}) == "clusterbench_token_8765"
    first = create_app(folder, token="first", hosts={"127.0.0.1:8765"})
    second = create_app(folder, token="second", hosts={"127.0.0.1:8766"})
    with (
        TestClient(first, base_url="http://127.0.0.1:8765") as one,
        TestClient(second, base_url="http://127.0.0.1:8766") as two,
    ):
        one.get("/?token=first")
        two.get("/?token=second")
        # a browser sends both cookies to both ports: each workbench finds its own
        both = {**dict(one.cookies), **dict(two.cookies)}
        assert set(both) == {"clusterbench_token_8765", "clusterbench_token_8766"}
        sent = {"cookie": "; ".join(f"{k}={v}" for k, v in both.items())}
        one.cookies.clear()
        two.cookies.clear()
        assert one.get("/", headers=sent).status_code == 200
        assert two.get("/", headers=sent).status_code == 200


def test_a_missing_token_says_so(folder: Path) -> None:
    app = create_app(folder, token=TOKEN, hosts={"127.0.0.1:8765"})
    with TestClient(app, base_url=ORIGIN) as anonymous:
        answer = post(anonymous, f"/evaluate?file={GOLD}")
        assert answer.status_code == 401
        assert "access token is missing or stale" in answer.text


def test_the_icon_is_served(client: TestClient) -> None:
    answer = client.get("/favicon.ico")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
