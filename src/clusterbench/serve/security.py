"""What every request must show before the workbench answers it.

The workbench edits files, so it answers only its own page in its own browser:

* a secret token (in the printed URL, as Jupyter does), then a cookie holding it
  (HttpOnly, SameSite=Strict), on every request;
* a ``Host`` header naming the address it listens on: a DNS-rebinding page that
  resolves its own name to 127.0.0.1 still sends its own name;
* for anything but GET and HEAD, an ``Origin`` of the workbench itself (no cross-site
  form posts);
* bodies of at most ``MAX_BODY`` bytes;
* every answer sent with a Content-Security-Policy that lets the page load only from
  the workbench and run no inline script, and headers that keep it out of frames and
  referrers.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

__all__ = ["COOKIE", "CSP", "MAX_BODY", "Guard", "new_token"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "clusterbench_token"
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


class Guard:
    """ASGI middleware that refuses every request not from the workbench's own page."""

    def __init__(self, app: App, *, token: str, hosts: set[str]) -> None:
        self.app = app
        self.token = token
        self.hosts = hosts
        """Accepted ``Host`` values, such as ``127.0.0.1:8765`` and ``localhost:8765``."""

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
        cookie = SimpleCookie(headers.get("cookie", ""))
        held = cookie[COOKIE].value if COOKIE in cookie else None
        from_url = given is not None and hmac.compare_digest(given, self.token)
        if not from_url and not (held is not None and hmac.compare_digest(held, self.token)):
            await _refuse(
                send,
                403,
                "Open the workbench with the address clusterbench serve printed (it holds a token).",
            )
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await _refuse(send, 413, "The request is too large.")
            return

        async def limited_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                limited_receive.total += len(message.get("body", b""))  # type: ignore[attr-defined]
                if limited_receive.total > MAX_BODY:  # type: ignore[attr-defined]
                    raise _TooLargeError
            return message

        limited_receive.total = 0  # type: ignore[attr-defined]

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = list(message.get("headers", []))
                present = {name.lower() for name, _ in own}
                message["headers"] = own + [h for h in _HEADERS if h[0] not in present]
                if from_url:  # keep the token in a cookie, so the URL need not carry it
                    value = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                    message["headers"].append((b"set-cookie", value.encode()))
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLargeError:
            await _refuse(send, 413, "The request is too large.")


class _TooLargeError(Exception):
    pass


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
