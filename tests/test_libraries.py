"""The quick library search used while WeasyPrint is imported."""

from __future__ import annotations

import subprocess
import sys

from clusterbench.report.libraries import cached_finder

LISTING = """\
1234 libs found in cache `/etc/ld.so.cache'
\tlibpango-1.0.so.0 (libc6) => /usr/lib/i386-linux-gnu/libpango-1.0.so.0
\tlibpango-1.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpango-1.0.so.0
\tlibgobject-2.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libgobject-2.0.so.0
\tlibfoo.so.1 (libc6) => /usr/lib/i386-linux-gnu/libfoo.so.1
"""


def test_the_cached_finder_answers_like_ldconfig() -> None:
    find = cached_finder(LISTING, "libc6,x86-64")
    assert find("pango-1.0") == "libpango-1.0.so.0"
    assert find("gobject-2.0") == "libgobject-2.0.so.0"
    assert find("libgobject-2.0-0") is None  # a Windows name: no compiler is asked
    assert find("harfbuzz-vector") is None
    assert find("pango") is None  # "libpango.so" would be another library
    assert find("foo") is None  # only a 32-bit build is listed


def test_weasyprint_imports_and_the_standard_search_is_restored() -> None:
    # In a fresh interpreter: in this one WeasyPrint may be imported already.
    code = (
        "import ctypes.util, sys\n"
        "standard = ctypes.util.find_library\n"
        "from clusterbench.report.libraries import import_weasyprint\n"
        "assert import_weasyprint().HTML\n"
        "assert ctypes.util.find_library is standard\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
