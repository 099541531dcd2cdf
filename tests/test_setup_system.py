"""tools/setup-system.sh: what `make demo`, `make test` and CI run to get the system packages.

The real check runs against this machine (the test suite got here through it); the
install paths run against stand-in `ldconfig`, `apt-get`, `id` and `sudo` programs, so
that they are tested without touching the machine's packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "tools" / "setup-system.sh"
PANGO = (
    "\tlibpango-1.0.so.0 (libc6,x86-64) => /usr/lib/libpango-1.0.so.0\n"
    "\tlibpangoft2-1.0.so.0 (libc6,x86-64) => /usr/lib/libpangoft2-1.0.so.0\n"
)
SUBSET = "\tlibharfbuzz-subset.so.0 (libc6,x86-64) => /usr/lib/libharfbuzz-subset.so.0\n"


def test_this_machine_has_everything() -> None:
    result = subprocess.run(
        ["bash", str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "system packages: all present\n"


class Machine:
    """A PATH of stand-in programs: what is 'installed' is what they say."""

    def __init__(self, root: Path) -> None:
        self.bin = root / "bin"
        self.bin.mkdir()
        self.log = root / "apt.log"
        self.state = root / "installed"
        for tool in ("grep", "sed", "cat", "touch", "chmod"):
            real = shutil.which(tool)
            assert real is not None
            (self.bin / tool).symlink_to(real)
        self.program(
            "ldconfig",
            f"cat <<'EOF'\n{PANGO}EOF\n"
            f"[ -e \"{self.state}\" ] && cat <<'EOF'\n{SUBSET}EOF\n"
            "exit 0\n",
        )

    def program(self, name: str, body: str) -> None:
        path = self.bin / name
        path.write_text("#!/bin/bash\n" + body, encoding="utf-8")
        path.chmod(0o755)

    def root(self, uid: int = 0) -> None:
        self.program("id", f"echo {uid}\n")

    def apt(self) -> None:
        tools = " ".join(f'"{self.bin}/{t}"' for t in ("pdftotext", "pdftoppm", "qpdf", "chromium"))
        self.program(
            "apt-get",
            f'echo "$*" >> "{self.log}"\n'
            f'if [ "$1" = install ]; then touch "{self.state}"; '
            f'for t in {tools}; do printf \'#!/bin/bash\\n\' > "$t"; chmod +x "$t"; done; fi\n',
        )

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {"PATH": str(self.bin), "HOME": os.environ.get("HOME", "/")}
        return subprocess.run(
            ["/bin/bash", str(SCRIPT), *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            stdin=subprocess.DEVNULL,
        )


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    return Machine(tmp_path)


def test_check_names_what_is_missing_and_the_command(machine: Machine) -> None:
    machine.root(1000)
    machine.apt()
    result = machine.run("--check")
    assert result.returncode == 1
    assert "libharfbuzz-subset.so.0 (font subsetting" in result.stderr
    assert "pdftotext (the tests read the text of rendered PDFs)" in result.stderr
    assert (
        "install them with: sudo apt-get install -y --no-install-recommends "
        "libharfbuzz-subset0 poppler-utils qpdf chromium\n" in result.stderr
    )
    assert not machine.log.exists()  # --check installs nothing


def test_root_installs_the_missing_packages_then_checks_again(machine: Machine) -> None:
    machine.root(0)
    machine.apt()
    result = machine.run()
    assert result.returncode == 0, result.stderr
    assert machine.log.read_text(encoding="utf-8").splitlines() == [
        "install -y -qq --no-install-recommends libharfbuzz-subset0 poppler-utils qpdf chromium"
    ]
    assert result.stdout == "system packages: all present\n"
    assert machine.run().returncode == 0  # nothing left to do: apt-get is not called again
    assert len(machine.log.read_text(encoding="utf-8").splitlines()) == 1


def test_a_first_install_failure_updates_the_package_lists(machine: Machine) -> None:
    machine.root(0)
    machine.apt()
    apt = (machine.bin / "apt-get").read_text(encoding="utf-8")
    # the first install fails, as on a container that never ran `apt-get update`
    machine.program(
        "apt-get",
        apt.replace(
            "#!/bin/bash\n",
            f'#!/bin/bash\nif [ "$1" = install ] && ! grep -q update "{machine.log}" 2>/dev/null; '
            f'then echo "$*" >> "{machine.log}"; exit 100; fi\n',
        ),
    )
    result = machine.run()
    assert result.returncode == 0, result.stderr
    calls = machine.log.read_text(encoding="utf-8").splitlines()
    assert [call.split()[0] for call in calls] == ["install", "update", "install"]


def test_without_root_or_sudo_it_prints_the_exact_command(machine: Machine) -> None:
    machine.root(1000)
    machine.apt()
    result = machine.run()
    assert result.returncode == 1
    assert result.stderr.endswith(
        "run this once, then try again:  sudo apt-get install -y --no-install-recommends "
        "libharfbuzz-subset0 poppler-utils qpdf chromium\n"
    )
    assert not machine.log.exists()


def test_with_passwordless_sudo_it_installs_through_sudo(machine: Machine) -> None:
    machine.root(1000)
    machine.apt()
    machine.program(
        "sudo", f'echo "sudo $*" >> "{machine.log}.sudo"\n[ "$1" = -n ] && shift\n"$@"\n'
    )
    result = machine.run()
    assert result.returncode == 0, result.stderr
    calls = Path(f"{machine.log}.sudo").read_text(encoding="utf-8").splitlines()
    assert calls[0] == "sudo -n true"
    assert calls[1].startswith("sudo apt-get install")


def test_other_systems_are_told_what_to_install(machine: Machine) -> None:
    machine.root(0)
    result = machine.run()  # no apt-get on PATH
    assert result.returncode == 1
    assert "This is not a Debian or Ubuntu system, so nothing was installed" in result.stderr
    assert "brew install pango harfbuzz poppler qpdf" in result.stderr


def test_unknown_option_is_a_usage_error(machine: Machine) -> None:
    result = machine.run("--install-everything")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: ")


def test_reports_only_checks_what_rendering_needs(machine: Machine) -> None:
    machine.root(0)
    machine.apt()
    assert machine.run("--check", "--reports").returncode == 1  # HarfBuzz subset is missing
    result = machine.run("--reports")
    assert result.returncode == 0, result.stderr
    assert machine.log.read_text(encoding="utf-8").splitlines() == [
        "install -y -qq --no-install-recommends libharfbuzz-subset0"
    ]
