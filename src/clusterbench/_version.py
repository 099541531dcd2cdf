"""clusterbench's version, read once from the installed package's metadata.

``pyproject.toml`` is the one place the version is written; an installed package
(editable or not) carries it in its metadata.  Code run from a source tree that was
never installed says so instead of guessing.
"""

from __future__ import annotations

from importlib import metadata

__all__ = ["__version__"]

try:
    __version__ = metadata.version("clusterbench")
except metadata.PackageNotFoundError:  # pragma: no cover - a source tree never installed
    __version__ = "0+unknown"
