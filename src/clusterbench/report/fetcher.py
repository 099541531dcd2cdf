"""A URL fetcher for WeasyPrint that reads only what the report is allowed to read.

Files under the template folders and the logo's folder, and small `data:` URLs.
Everything else — `http(s)://`, `file://` elsewhere, large `data:` — is refused, so that
no text in an assessment can make the renderer fetch anything.  Files are read by the
one reader (regular files only, at most MAX_ASSET bytes), so that a FIFO or a device put
in a templates folder cannot block or flood the renderer.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..errors import InputError
from ..loader.reader import read_bytes

__all__ = ["MAX_ASSET", "MAX_DATA_URL", "SafeFetcher", "allowed"]

MAX_DATA_URL = 256 * 1024
"""Largest `data:` URL served (an inline logo), in characters."""
MAX_ASSET = 2 * 1024 * 1024
"""Largest file a report fetches (a font, a stylesheet, a logo)."""


def allowed(url: str, roots: Sequence[Path]) -> bool:
    """Whether `url` may be fetched: a file under `roots`, or a small `data:` URL."""
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return len(url) <= MAX_DATA_URL
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return False
    path = Path(os.path.realpath(unquote(parsed.path)))  # never raises on a link loop
    return any(path == root or root in path.parents for root in roots)


def SafeFetcher(roots: Sequence[Path]) -> Any:  # noqa: N802 - a factory that stands in for a class
    """A WeasyPrint URL fetcher restricted to `roots` (imported lazily with WeasyPrint)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    resolved = tuple(Path(os.path.realpath(root)) for root in roots)

    class _Fetcher(URLFetcher):  # type: ignore[misc]
        refused: list[str]

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not allowed(url, resolved):
                self.refused.append(url)
                raise ValueError(f"refused to fetch {url[:80]!r}: outside the report's folders")
            if urlparse(url).scheme == "file":
                path = unquote(urlparse(url).path)
                try:
                    body = read_bytes(path, limit=MAX_ASSET)
                except InputError as exc:
                    self.refused.append(url)
                    raise ValueError(
                        f"refused to fetch {url[:80]!r}: {exc.issues[0].message}"
                    ) from None
                kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": kind})
            return super().fetch(url, headers)

    fetcher = _Fetcher(allowed_protocols=("file", "data"), timeout=5)
    fetcher.refused = []
    return fetcher
