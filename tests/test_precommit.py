"""The pre-commit hook, run for real by `pre-commit try-repo` on a broken criteria file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, ROOT


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_pre_commit_try_repo_fails_with_the_located_message(tmp_path: Path) -> None:
    repo = tmp_path / "scheme"
    (repo / "criteria").mkdir(parents=True)
    shutil.copy(
        FIXTURES / "criteria" / "invalid" / "references.yaml", repo / "criteria" / "gold.yaml"
    )
    shutil.copy(
        FIXTURES / "criteria" / "valid" / "full-language.yaml", repo / "criteria" / "ok.yaml"
    )
    (repo / "notes.yaml").write_text("not: [a, criteria, file]\n")  # outside the hook's `files`
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            "clusterbench-validate",
            "--all-files",
            "--color",
            "never",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "clusterbench validate" in output
    assert "Failed" in output
    assert (
        "criteria/gold.yaml:7:13: max_points: the indicators' points sum to 5, not 10 [CB204]"
        in output
    )
    assert "criteria/ok.yaml" not in output.replace(
        "criteria/ok.yaml\n", ""
    )  # valid file: no issue
    assert "notes.yaml" not in output
