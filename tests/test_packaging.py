"""A plain, non-editable install finds the bundled criteria and templates from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_wheel_install_loads_bundled_criteria_by_id(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = wheels.glob("clusterbench-*.whl")
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import clusterbench\n"
        "from clusterbench._resources import bundled_dir\n"
        "from clusterbench.loader.criteria import find_criteria\n"
        "criteria = clusterbench.load_criteria('esca-eligibility')\n"
        "print(clusterbench.__file__)\n"
        "print(find_criteria('esca-eligibility'))\n"
        "print(bundled_dir('templates'))\n"
        "print(criteria.id, len(criteria.indicators))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    module, criteria_file, templates, summary = result.stdout.splitlines()
    assert module.startswith(str(site))
    assert criteria_file.startswith(str(site / "clusterbench" / "_bundled" / "criteria"))
    assert templates.startswith(str(site / "clusterbench" / "_bundled" / "templates"))
    assert summary == "esca-eligibility 5"
