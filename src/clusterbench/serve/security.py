"""What every request must show before the workbench answers it.

The workbench edits files, so it answers only its own page in its own browser:

* a secret token (in the printed URL, as Jupyter does), then a cookie holding it
  (HttpOnly, SameSite=Strict), on every request; cookies do not tell ports apart, so
  the cookie is named after the port (``clusterbench_token_8765``): two workbenches on
  one machine never replace each other's;
* a ``Host`` header naming the address it listens on: a DNS-rebinding page that
  resolves its own name to 127.0.0.1 still sends its own name;
* for anything but GET and HEAD, an ``Origin`` of the workbench itself (no cross-site
  form posts);
* bodies of at most ``MAX_BODY`` bytes, whether the request states its length or sends
  it in chunks (read whole before the application sees it, refused with 413 beyond);
* every answer sent with a Content-Security-Policy that lets the page load only from
  the workbench and run no inline script, and headers that keep it out of frames and
  referrers.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qs

__all__ = ["COOKIE", "CSP", "MAX_BODY", "Guard", "cookie_name", "new_token"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "clusterbench_token"
"""The start of the cookie's name; the port follows (see :func:`cookie_name`)."""
MAX_BODY = 2 * 1024 * 1024
"""Largest request body: a form of a few thousand indicators fits many times over."""
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-src 'self'; "
    "frame-ancestors 'self'; base-uri 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would send `Origin: null` on form posts
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


def new_token() -> str:
    """A fresh secret for one run of the workbench."""
    return secrets.token_urlsafe(24)


def cookie_name(hosts: set[str]) -> str:
    """The token cookie's name for a workbench at ``hosts`` (``127.0.0.1:8765``): one per
    port, as browsers send a host's cookies to all its ports."""
    ports = sorted({host.rpartition(":")[2] for host in hosts if ":" in host})
    return f"{COOKIE}_{'_'.join(ports)}" if ports else COOKIE


def _same(given: str | None, token: str) -> bool:
    """Whether ``given`` is the token, in constant time (any text, not only ASCII)."""
    return given is not None and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


class Guard:
    """ASGI middleware that refuses every request not from the workbench's own page."""

    def __init__(self, app: App, *, token: str, hosts: set[str]) -> None:
        self.app = app
        self.token = token
        self.hosts = hosts
        """Accepted ``Host`` values, such as ``127.0.0.1:8765`` and ``localhost:8765``."""
        self.cookie = cookie_name(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if host not in self.hosts:
            await _refuse(send, 421, "This workbench answers only at its own address.")
            return
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            origin = headers.get("origin")
            if origin is None or origin not in {f"http://{h}" for h in self.hosts}:
                await _refuse(send, 403, "Cross-site requests are refused.")
                return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [None])[-1]
        try:
            cookie = SimpleCookie(headers.get("cookie", ""))
            held = cookie[self.cookie].value if self.cookie in cookie else None
        except CookieError:
            held = None
        from_url = _same(given, self.token)
        if not from_url and not _same(held, self.token):
            await _refuse(
                send,
                401,
                "The access token is missing or stale: open the address clusterbench serve "
                "printed (it holds the token).",
            )
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await _refuse(send, 413, "The request is too large.")
            return
        body = await _body(receive) if method not in ("GET", "HEAD") else b""
        if body is None:
            await _refuse(send, 413, "The request is too large.")
            return
        delivered = False

        async def replayed_receive() -> Message:
            nonlocal delivered
            if method in ("GET", "HEAD") or delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = list(message.get("headers", []))
                present = {name.lower() for name, _ in own}
                message["headers"] = own + [h for h in _HEADERS if h[0] not in present]
                if from_url:  # keep the token in a cookie, so the URL need not carry it
                    value = f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                    message["headers"].append((b"set-cookie", value.encode()))
            await send(message)

        await self.app(scope, replayed_receive, guarded_send)


async def _body(receive: Receive) -> bytes | None:
    """The whole request body, or None when it is larger than ``MAX_BODY`` (or the
    client went away while sending it)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _refuse(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
