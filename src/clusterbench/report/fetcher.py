"""A URL fetcher for WeasyPrint that reads only what the report is allowed to read.

Files under the template folders and the assessment's own folder (a logo), and small
`data:` URLs.  Everything else — `http(s)://`, `file://` elsewhere, large `data:` —
is refused, so that no text in an assessment can make the renderer fetch anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

__all__ = ["MAX_DATA_URL", "SafeFetcher", "allowed"]

MAX_DATA_URL = 256 * 1024
"""Largest `data:` URL served (an inline logo), in characters."""


def allowed(url: str, roots: Sequence[Path]) -> bool:
    """Whether `url` may be fetched: a file under `roots`, or a small `data:` URL."""
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return len(url) <= MAX_DATA_URL
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parsed.path)).resolve()
    return any(path == root or root in path.parents for root in roots)


def SafeFetcher(roots: Sequence[Path]) -> Any:  # noqa: N802 - a factory that stands in for a class
    """A WeasyPrint URL fetcher restricted to `roots` (imported lazily with WeasyPrint)."""
    from weasyprint.urls import URLFetcher

    resolved = tuple(root.resolve() for root in roots)

    class _Fetcher(URLFetcher):  # type: ignore[misc]
        refused: list[str]

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not allowed(url, resolved):
                self.refused.append(url)
                raise ValueError(f"refused to fetch {url[:80]!r}: outside the report's folders")
            return super().fetch(url, headers)

    fetcher = _Fetcher(allowed_protocols=("file", "data"), timeout=5)
    fetcher.refused = []
    return fetcher
