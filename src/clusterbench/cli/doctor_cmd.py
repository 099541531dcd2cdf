"""``clusterbench doctor``: what reports need, present or missing."""

from __future__ import annotations

import argparse
import ctypes.util
import importlib.metadata
import json
import platform
import shutil
import sys
from typing import Any

from .._extras import installed
from .._resources import bundled_dir
from .console import emit
from .status import EXIT_INVALID, EXIT_OK

REPORT_EXTRA = "pip install 'clusterbench[report]'"


def _package(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def checks() -> list[dict[str, Any]]:
    """Each check: name, ok, detail, and whether reports need it (else it is optional)."""
    found: list[dict[str, Any]] = []

    def add(name: str, ok: bool, detail: str, required: bool = True) -> None:
        found.append({"name": name, "ok": ok, "detail": detail, "required": required})

    add("python", sys.version_info >= (3, 11), platform.python_version())
    for package, module, install in (
        ("pydantic", "pydantic", "pip install clusterbench"),
        ("PyYAML", "yaml", "pip install clusterbench"),
        ("Babel", "babel", "pip install clusterbench"),
        ("Jinja2", "jinja2", REPORT_EXTRA),
        ("weasyprint", "weasyprint", REPORT_EXTRA),
    ):
        ok = installed(module)
        add(package, ok, (_package(package) or "installed") if ok else f"not installed: {install}")
    try:
        from yaml import _yaml  # noqa: F401

        add("libyaml", True, "C parser in use")
    except ImportError:
        add(
            "libyaml",
            False,
            "missing: YAML is read by the slower pure-Python parser",
            required=False,
        )
    if not installed("weasyprint"):  # Pango is loaded by WeasyPrint: that comes first
        add("pango", False, f"not checked: WeasyPrint loads it; first {REPORT_EXTRA}")
    else:
        try:
            from ..report.libraries import import_weasyprint

            import_weasyprint()  # loads Pango through cffi, as a report does

            add("pango", True, "loaded by WeasyPrint")
        except (ImportError, OSError) as exc:
            add(
                "pango",
                False,
                f"cannot load: {exc} (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
            )
    subset = ctypes.util.find_library("harfbuzz-subset")
    add(
        "harfbuzz-subset",
        subset is not None,
        subset
        or "missing: without it every PDF takes seconds instead of a fraction of one "
        "(Debian: apt-get install libharfbuzz-subset0)",
    )
    fonts = sorted(p.name for p in (bundled_dir("templates") / "fonts").glob("*.otf"))
    add("report fonts", bool(fonts), ", ".join(fonts) or "missing from the templates folder")
    for tool in ("pdftoppm", "pdftotext", "qpdf"):
        path = shutil.which(tool)
        add(
            tool,
            path is not None,
            path or "not found (optional: to check and preview PDFs)",
            required=False,
        )
    return found


def run(args: argparse.Namespace) -> int:
    """Print the checks; exit 1 when something reports need is missing."""
    found = checks()
    if args.format == "json":
        emit(json.dumps(found, indent=2) + "\n")
    else:
        for check in found:
            mark = "ok " if check["ok"] else ("MISSING" if check["required"] else "absent ")
            print(f"{mark:<8} {check['name']:<16} {check['detail']}")
    ready = all(c["ok"] for c in found if c["required"])
    if args.format == "text":
        print(
            "reports can be rendered" if ready else "reports cannot be rendered: see MISSING above"
        )
    return EXIT_OK if ready else EXIT_INVALID
