"""The user's cache folder: work one process did that the next need not do again.

Two things are kept there: the bundled criteria sets, read and checked (see
:mod:`clusterbench.loader.cached`), and the compiled report templates (Jinja's bytecode
cache).  Nothing in it is ever trusted blindly: every entry is keyed by a checksum of
what it was made from, and by this clusterbench's code, so an edited file or another
version of clusterbench finds no entry and does the work again.

The folder is ``$CLUSTERBENCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/clusterbench``, else
``~/.cache/clusterbench``.  It is made private (mode 0700); a folder another user owns,
or one others may write to, is not used at all, and neither is one that cannot be made
(a read-only home): then the work is simply done in every process.
``CLUSTERBENCH_CACHE_DIR=off`` switches the cache off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from functools import cache
from pathlib import Path

__all__ = ["cache_folder", "code_fingerprint"]


def _root() -> Path | None:
    chosen = os.environ.get("CLUSTERBENCH_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "clusterbench"
    home = os.path.expanduser("~")
    if home == "~":  # no home to speak of
        return None
    return Path(home) / ".cache" / "clusterbench"


def cache_folder(name: str) -> Path | None:
    """The private folder ``name`` in the cache, made if missing; None when there is no
    usable cache (switched off, not creatable, not ours or not private)."""
    root = _root()
    if root is None:
        return None
    folder = root / name
    try:
        root.parent.mkdir(parents=True, exist_ok=True)  # ~/.cache itself, as is usual
        root.mkdir(mode=0o700, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        for path in (root, folder):
            info = os.lstat(path)
            if (
                not stat.S_ISDIR(info.st_mode)
                or info.st_uid != os.getuid()
                or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
            ):
                return None
    except OSError:
        return None
    return folder


@cache
def code_fingerprint() -> str:
    """A checksum of this clusterbench's code: the Python and pydantic it runs on, and the
    name, size and modification time of each of its modules (an upgrade, and any change
    to a source checkout, counts as other code)."""
    import pydantic

    package = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{pydantic.VERSION}\0".encode())
    for folder, subfolders, _names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        with os.scandir(folder) as entries:
            modules = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".py"))
        where = os.path.relpath(folder, package)
        for name, info in modules:
            digest.update(f"{where}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()
