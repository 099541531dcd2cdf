"""A plain, non-editable install finds the bundled criteria, templates and examples from
anywhere, and the README's library examples run against it from an empty folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
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


# -- a plain `pip install clusterbench`, without extras -----------------------------------
#
# Installing the wheel into a new virtual environment takes pip about 15 s and the
# package index; the same is made here in a moment: beside the wheel installed above, a
# folder holding only the distributions its core requirements pull in (read from the
# wheel's own METADATA, then their requirements, transitively), linked from this
# environment, and Python started without its site-packages (-S).  Jinja2 and WeasyPrint
# are then neither importable nor in the metadata, as after `pip install clusterbench`.


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


@pytest.fixture(scope="module")
def core(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the core requirements' distributions (linked), for PYTHONPATH."""
    [info] = site.glob("clusterbench-*.dist-info")
    wanted = [
        line.removeprefix("Requires-Dist:").strip()
        for line in (info / "METADATA").read_text(encoding="utf-8").splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    folder = tmp_path_factory.mktemp("core")
    pending, seen = [_name(r) for r in wanted], set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        dist = metadata.distribution(name)
        for file in dist.files or ():
            top = file.parts[0]
            if top not in ("..", "__pycache__") and not (folder / top).exists():
                (folder / top).symlink_to(dist.locate_file(top))
        pending += [_name(r) for r in dist.requires or () if "extra ==" not in r]
    assert {"babel", "pydantic", "pyyaml", "shtab"} <= seen
    assert not {"jinja2", "weasyprint"} & seen
    return folder


def run_core(site: Path, core: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`clusterbench ARGS` as a core install runs it."""
    cwd.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(core)])}
    return subprocess.run(
        [sys.executable, "-S", "-m", "clusterbench", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


GOLD = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
SILVER = ROOT / "examples" / "fjordhelse" / "2019-silver.yaml"
RENEWAL = ROOT / "examples" / "fjordhelse" / "2023-gold-renewal.yaml"
EXAMPLES = ROOT / "examples"


def test_the_core_really_lacks_the_report_extra(site: Path, core: Path, tmp_path: Path) -> None:
    script = (
        "import importlib.util, importlib.metadata as m, clusterbench\n"
        "print(clusterbench.__file__)\n"
        "print([importlib.util.find_spec(n) for n in ('jinja2', 'weasyprint')])\n"
        "print(m.version('babel'))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(core)])}
    result = subprocess.run(
        [sys.executable, "-S", "-c", script], env=env, capture_output=True, text=True, check=True
    )
    module, specs, babel = result.stdout.splitlines()
    assert module.startswith(str(site))
    assert specs == "[None, None]"
    assert babel


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["validate", str(EXAMPLES)], 0),
        (["score", str(GOLD)], 0),
        (["score", str(GOLD), "--lang", "nb"], 0),
        (["score", str(GOLD), "--format", "json"], 0),
        (["criteria", "list"], 0),
        (["criteria", "show", "esca-gold", "--lang", "de"], 0),
        (["criteria", "diff", "esca-bronze@pre-2019", "esca-bronze", "--lang", "nb"], 0),
        (["new", "esca-gold", "--lang", "nb"], 0),
        (["new", "esca-gold", "-o", "assessment.yaml"], 0),
        (["compare", str(SILVER), str(GOLD)], 0),
        (["history", str(EXAMPLES), "--organisation", "Fjordhelse Cluster"], 0),
        (["register", str(EXAMPLES), "--as-of", "2024-01-01"], 0),
        (["register", str(EXAMPLES), "--format", "csv"], 0),
        (["cohort", "build", str(GOLD), str(RENEWAL), "-o", "-", "--min-size", "1"], 0),
        (["report", str(GOLD), "-o", "result.json"], 0),
        (["batch", str(EXAMPLES), "-o", "out", "--format", "json"], 0),
        (["schema", "result"], 0),
        (["completion", "bash"], 0),
    ],
)
def test_a_core_install_runs_every_command_that_needs_no_report(
    args: list[str], code: int, site: Path, core: Path, tmp_path: Path
) -> None:
    result = run_core(site, core, tmp_path / "work", *args)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert result.stdout or list((tmp_path / "work").iterdir())


@pytest.mark.parametrize(
    "args",
    [
        ["report", str(GOLD), "-o", "r.html"],
        ["report", str(GOLD), "-o", "r.pdf"],
        ["report", str(GOLD), "-o", "-", "--format", "html"],
        ["certificate", str(GOLD), "-o", "c.pdf", "--draft"],
        ["register", str(EXAMPLES), "--format", "html", "-o", "register.html"],
        ["batch", str(EXAMPLES), "-o", "out"],
    ],
)
def test_a_core_install_asks_for_the_report_extra(
    args: list[str], site: Path, core: Path, tmp_path: Path
) -> None:
    result = run_core(site, core, tmp_path / "work", *args)
    assert result.returncode == 1, result.stderr
    assert "pip install 'clusterbench[report]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert not [p for p in (tmp_path / "work").rglob("*") if p.is_file()]  # nothing written


def test_a_core_install_library_asks_for_the_report_extra(
    site: Path, core: Path, tmp_path: Path
) -> None:
    script = (
        "import clusterbench as cb\n"
        "scored = cb.score_file(cb.examples.path('fjordhelse/2021-gold'))\n"
        "for render in (lambda: cb.render_html(scored), lambda: cb.render_pdf(scored, 'r.pdf')):\n"
        "    try:\n"
        "        render()\n"
        "    except cb.ReportError as exc:\n"
        "        print(exc)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(core)])}
    result = subprocess.run(
        [sys.executable, "-S", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.splitlines()
        == [
            "reports need the report extra (jinja2 is not installed): "
            "pip install 'clusterbench[report]'"
        ]
        * 2
    )
    assert not (tmp_path / "r.pdf").exists()


def test_a_core_install_doctor_says_to_install_the_extra(
    site: Path, core: Path, tmp_path: Path
) -> None:
    result = run_core(site, core, tmp_path / "work", "doctor")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "MISSING  Jinja2           not installed: pip install 'clusterbench[report]'" in lines
    assert "MISSING  weasyprint       not installed: pip install 'clusterbench[report]'" in lines
    assert any(line.startswith("ok       Babel") for line in lines)
    assert "apt-get" not in result.stdout
