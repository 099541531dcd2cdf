"""A plain, non-editable install finds the bundled criteria, templates and examples from
anywhere, and the README's library examples run against it from an empty folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """clusterbench built as a wheel and installed into a folder of its own."""
    root = tmp_path_factory.mktemp("wheel")
    wheels = root / "wheels"
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
    target = root / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return target


def run_elsewhere(site: Path, folder: Path, script: str) -> subprocess.CompletedProcess[str]:
    folder.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_wheel_install_loads_bundled_criteria_by_id(site: Path, tmp_path: Path) -> None:
    script = (
        "import clusterbench\n"
        "from clusterbench._resources import bundled_dir\n"
        "from clusterbench.loader.criteria import find_criteria\n"
        "criteria = clusterbench.load_criteria('esca-eligibility')\n"
        "print(clusterbench.__file__)\n"
        "print(find_criteria('esca-eligibility'))\n"
        "print(bundled_dir('templates'))\n"
        "print(clusterbench.examples.path('fjordhelse/2021-gold'))\n"
        "print(criteria.id, len(criteria.indicators))\n"
    )
    result = run_elsewhere(site, tmp_path / "elsewhere", script)
    assert result.returncode == 0, result.stderr
    module, criteria_file, templates, example, summary = result.stdout.splitlines()
    bundled = site / "clusterbench" / "_bundled"
    assert module.startswith(str(site))
    assert criteria_file.startswith(str(bundled / "criteria"))
    assert templates.startswith(str(bundled / "templates"))
    assert example == str(bundled / "examples" / "fjordhelse" / "2021-gold.yaml")
    assert summary == "esca-eligibility 5"


def test_readme_library_examples_run_from_an_empty_folder(site: Path, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) == 2
    empty = tmp_path / "empty"
    result = run_elsewhere(site, empty, "\n".join(blocks))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Kvalifisering for merkene for fremragende klyngeledelse 5"
    assert lines[1] == "True []"
    assert lines[2].startswith("gold ")
    assert sorted(p.name for p in empty.iterdir()) == ["report.pdf"]
    assert (empty / "report.pdf").read_bytes().startswith(b"%PDF-")


def test_wheel_holds_the_license_and_project_urls(site: Path) -> None:
    [info] = site.glob("clusterbench-*.dist-info")
    assert (info / "licenses" / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    metadata = (info / "METADATA").read_text(encoding="utf-8")
    assert "License-Expression: MIT" in metadata
    assert re.search(r"^Project-URL: Issues, https://\S+/issues$", metadata, flags=re.M)
