"""Importing WeasyPrint without the cost of its library search.

WeasyPrint loads Pango, HarfBuzz and fontconfig through cffi, trying several names for
each (one per platform).  For every name that is not a loadable file, cffi asks
``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and then, when the
name is unknown, a compiler and a linker.  About 20 such names fail on a usual Linux
system (every Windows and macOS name, and the optional HarfBuzz vector library), which
cost about 0.3 s of every report command, more than any of our own work.

While WeasyPrint is imported, `find_library` answers from one reading of the ldconfig
cache, as its first step does.  Should that find too little (a library only the compiler
would find), the import is simply repeated with the standard search.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import os
import re
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from types import ModuleType

__all__ = ["import_weasyprint"]

_LDCONFIG = "/sbin/ldconfig"
# The ABI tags of ldconfig's cache, as in ctypes.util._findSoname_ldconfig.
_ABI = {
    "x86_64-64": "libc6,x86-64",
    "ppc64-64": "libc6,64bit",
    "sparc64-64": "libc6,64bit",
    "s390x-64": "libc6,64bit",
    "ia64-64": "libc6,IA-64",
}


def cached_finder(cache: str, abi: str | None = None) -> Callable[[str], str | None]:
    """A `find_library` that looks only in the given ``ldconfig -p`` listing.

    ``abi`` is the cache's tag for this interpreter's architecture (found when None).
    """
    if abi is None:
        bits = "-32" if struct.calcsize("l") == 4 else "-64"
        abi = _ABI.get(os.uname().machine + bits, "libc6")

    def find_library(name: str) -> str | None:
        found = re.search(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}", cache)
        return found.group(1) if found else None

    return find_library


@contextlib.contextmanager
def _quick_library_search() -> Iterator[None]:
    if not sys.platform.startswith("linux") or not os.path.exists(_LDCONFIG):
        yield
        return
    try:
        cache = subprocess.run(
            [_LDCONFIG, "-p"],
            capture_output=True,
            text=True,
            env={"LC_ALL": "C", "LANG": "C"},
            check=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        yield
        return
    standard = ctypes.util.find_library
    ctypes.util.find_library = cached_finder(cache)  # type: ignore[assignment]
    try:
        yield
    finally:
        ctypes.util.find_library = standard


def import_weasyprint() -> ModuleType:
    """Import WeasyPrint quickly; raises ImportError or OSError as its own import does."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    try:
        with _quick_library_search():
            import weasyprint
    except OSError:
        # A required library the cache does not list: forget the half-imported modules
        # and let the standard search (compiler and linker included) try.
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        import weasyprint  # noqa: F401
    return sys.modules["weasyprint"]
