"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The suite keeps its own cache (criteria read, templates compiled), not the user's, and
# the processes it starts inherit it.
if "CLUSTERBENCH_CACHE_DIR" not in os.environ:
    os.environ["CLUSTERBENCH_CACHE_DIR"] = tempfile.mkdtemp(prefix="clusterbench-cache-")
    atexit.register(shutil.rmtree, os.environ["CLUSTERBENCH_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def write(tmp_path: Path):
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
