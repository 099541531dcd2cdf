"""Generators of hostile cases that cannot live in git, and the checks every case passes.

Each generator makes its files under a fresh folder and returns a :class:`Case`: the
file to check, the exact error lines ``validate`` must print, and strings that must
appear nowhere (the content of a file that is not the user's YAML).  A FIFO, a device, a
symbolic link loop, an unreadable folder (checked as an unprivileged user when the
tests run as root), files of gigabytes or of a million values, alias bombs in nodes and
in bytes, chains of previous assessments too long, cohort files nested 100,000 deep.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import pytest

from clusterbench.cli import main

from .conftest import FIXTURES

THRESHOLD = FIXTURES / "scoring" / "threshold.yaml"
HANG = 60
"""Seconds after which a command is taken to hang (a guard, not a timing)."""


def assessment(
    date: str = "2021-11-06", previous: str | None = None, name: str = "Test Cluster"
) -> str:
    """A valid assessment of the threshold criteria (its level: gold)."""
    text = (
        "kind: assessment\nformat: 1\n"
        f"organisation: {{name: {name}, country: NOR}}\n"
        f"assessment: {{date: {date}}}\n"
        f"criteria: {{id: threshold, version: '1', file: {json.dumps(os.fspath(THRESHOLD))}}}\n"
        "related: {esca-eligibility: {level: eligible}}\n"
        "answers: {A: true, B: 15, C: 3, D: true, E: 50}\n"
    )
    if previous is not None:
        text += f"previous: {{file: {json.dumps(previous)}}}\n"
    return text


def errors_of(lines: Sequence[str]) -> list[str]:
    """The error lines of validate's output (score and report print errors only)."""
    return [line for line in lines if ": warning: " not in line]


def normalise(text: str, *folders: Path) -> str:
    """Output with the folders' paths taken out, to compare with lines relative to them."""
    for folder in folders:
        text = text.replace(f"{folder}{os.sep}", "")
    return text


class HangError(Exception):
    """A command did not finish in time."""


@contextlib.contextmanager
def deadline(seconds: int = HANG) -> Iterator[None]:
    """Raise Hang in the main thread if the block runs longer (an open() on a FIFO blocks)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise HangError(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Case:
    """One hostile input and what every command must say about it."""

    path: Path
    errors: list[str]
    forbidden: tuple[str, ...] = ()
    cohort: Path | None = None  # the hostile file is this cohort, given with --cohort
    unprivileged: bool = False  # run the commands where file modes apply (even as root)
    folders: tuple[Path, ...] = field(default_factory=tuple)

    # -- running ------------------------------------------------------------
    def run(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        if self.unprivileged:
            return self._as_user(argv)
        with deadline():
            code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    def _as_user(self, argv: list[str]) -> tuple[int, str, str]:
        command = [sys.executable, "-m", "clusterbench", *argv]
        if os.geteuid() == 0:
            # Root reads anything: drop the capabilities that let it, so that file modes
            # apply to the child as to any user (Python itself lives where it may read).
            command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=HANG, check=False, cwd="/"
        )
        return done.returncode, done.stdout, done.stderr

    def _clean(self, *texts: str) -> None:
        for text in texts:
            assert "Traceback" not in text, text
            for secret in self.forbidden:
                assert secret not in text, f"{secret!r} leaked: {text}"

    def _score_args(self) -> list[str]:
        return ["--cohort", os.fspath(self.cohort)] if self.cohort is not None else []

    # -- the checks ---------------------------------------------------------
    def check_validate(self, capsys: pytest.CaptureFixture[str]) -> None:
        """validate prints exactly the expected lines, then its summary."""
        code, out, err = self.run(["validate", os.fspath(self.cohort or self.path)], capsys)
        self._clean(out, err)
        assert out.splitlines()[:-1] == self.errors, out + err
        assert code == (1 if self.errors else 0)

    def check_score_and_report(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], base: Path | None = None
    ) -> None:
        """score and report refuse with the same located errors; or score and render."""
        folders = (*self.folders, *([base] if base else []))
        code, out, err = self.run(["score", os.fspath(self.path), *self._score_args()], capsys)
        self._clean(out, err)
        said = normalise(err, *folders)
        for line in self.errors:
            assert normalise(line, *folders) in said, f"{line!r} not in {said!r}"
        assert code == (1 if self.errors else 0), err
        output = tmp_path / "report.html"
        argv = ["report", os.fspath(self.path), "-o", os.fspath(output), *self._score_args()]
        code, out, err = self.run(argv, capsys)
        self._clean(out, err)
        if self.errors:
            assert code == 1, err
            assert not output.exists()
            said = normalise(err, *folders)
            for line in self.errors:
                assert normalise(line, *folders) in said, f"{line!r} not in {said!r}"
        else:
            assert code == 0, err
            assert "</html>" in output.read_text(encoding="utf-8")

    def check_batch(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """In a batch the case is its own located failure; the other report is written."""
        out = tmp_path / "batch-out"
        source = self.path.parent
        argv = ["batch", os.fspath(source), "-o", os.fspath(out), "--format", "json"]
        code, stdout, err = self.run([*argv, *self._score_args()], capsys)
        self._clean(stdout, err)
        if self.cohort is not None:  # a bad cohort stops the batch before any work
            assert code == 1, err
            for line in self.errors:
                assert line in err
            assert not out.exists() or not any(out.glob("*.json"))
            return
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        self._clean(json.dumps(manifest))
        items = {Path(i["input"]).name: i for i in manifest["items"]}
        assert items["control.yaml"]["status"] == "rendered"
        mine = items[self.path.name]
        if self.errors:
            assert code == 1, err
            assert mine["status"] == "failed"
            said = normalise(mine["error"], *self.folders)
            for line in self.errors:
                assert normalise(line, *self.folders) in said, f"{line!r} not in {said!r}"
        else:
            assert code == 0, err
            assert mine["status"] == "rendered"


# ------------------------------------------------------------------ generators
def _folder(tmp_path: Path) -> Path:
    """A folder for one case, with a valid control assessment beside it."""
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "control.yaml").write_text(assessment(), encoding="utf-8")
    return folder


def case_fifo_as_input(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    os.mkfifo(path)
    return Case(path, [f"{path}: is a FIFO (named pipe), not a regular file [CB100]"])


def case_symlink_loop(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "a.yaml").symlink_to("b.yaml")
    path = folder / "a.yaml"
    message = "symbolic links form a loop; point the link at a real file [CB100]"
    return Case(path, [f"{path}: {message}"])


def case_dangling_symlink(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    path.symlink_to("gone.yaml")
    return Case(path, [f"{path}: is a symbolic link to a file that does not exist [CB100]"])


def case_symlink_to_a_system_file(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    path.symlink_to("/etc/passwd")
    message = (
        "the file holds a text, not a mapping of keys; start it with `kind: criteria`, "
        "`kind: assessment` or `kind: cohort` [CB110]"
    )
    return Case(path, [f"{path}:1:1: {message}"], forbidden=("root:", "/bin/"))


def case_too_large(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GB claimed, nothing stored
    return Case(
        path, [f"{path}: the file is 3,221,225,472 bytes; the limit is 2,097,152 bytes [CB112]"]
    )


def case_a_million_values(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    path.write_text(assessment() + "strengths: [" + ",".join(["a"] * 1_000_000) + "]\n")
    return Case(path, [f"{path}:1:1: the file holds more than 150,000 values; split it [CB112]"])


def case_alias_text_bomb(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    text = "x" * 100_000
    lines = [f"a0: &a0 {text}"] + [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, 30)]
    path.write_text(assessment() + "comment:\n" + "".join(f"  {line}\n" for line in lines))
    return Case(
        path, [f"{path}:9:3: aliases expand the document past 2,097,152 bytes of text [CB108]"]
    )


def case_alias_node_bomb(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    path.write_text(assessment() + "comment:\n" + "".join(f"  {line}\n" for line in lines))
    return Case(path, [f"{path}:14:7: aliases expand the document past 150,000 values [CB108]"])


def case_deep_nesting(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    path.write_text(assessment() + "strengths: " + "[" * 100_000 + "]" * 100_000 + "\n")
    message = "YAML syntax error: exceeded maximum nesting depth (while increasing flow level)"
    return Case(path, [f"{path}:8:1011: {message} [CB101]"])


def case_previous_chain_too_long(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    previous = None
    for year in range(1990, 2014):
        name = f"{year}.yaml"
        (folder / name).write_text(assessment(date=f"{year}-06-01", previous=previous))
        previous = name
    path = folder / "2013.yaml"
    # 2013 may stand on 20 assessments (2012 back to 1993), not on 1993's own previous:
    # said at 2013's own link, which leads to the chain.  1993 itself is valid.
    return Case(path, [f"{path}:8:18: previous.file: {TOO_LONG} [CB309]"])


TOO_LONG = (
    "more than 20 assessments stand one on another behind this one (previous and related "
    "assessment files); the limit is 20: give an older one's previous assessment as `date` "
    "and `level` instead of `file`"
)


def _mutual_criteria(folder: Path) -> None:
    """Two criteria sets, `aa` and `bb`, each requiring the other's bronze level."""
    text = THRESHOLD.read_text(encoding="utf-8").split("examples:")[0]
    for mine, other in (("aa", "bb"), ("bb", "aa")):
        own = text.replace("id: threshold", f"id: {mine}", 1).replace(
            "{kind: criteria, criteria: esca-eligibility}",
            f"{{kind: criteria, criteria: {other}, level: bronze}}",
        )
        (folder / f"{mine}.yaml").write_text(own, encoding="utf-8")


def _labelled(
    folder: Path, name: str, own: str, day: str, *, label: str | None, previous: str | None = None
) -> Path:
    """An assessment of `own` (aa or bb) whose related set's own assessment is `label`."""
    other = "bb" if own == "aa" else "aa"
    related = f"assessment: {label}" if label else "level: bronze"
    lines = [
        "kind: assessment",
        "format: 1",
        "organisation: {name: Test Cluster, country: NOR}",
        f"assessment: {{date: {day}}}",
        f"criteria: {{id: {own}, file: {own}.yaml}}",
        "answers: {A: true, B: 15, C: 3, D: true, E: 50}",
        f"related: {{{other}: {{file: {other}.yaml, {related}}}}}",
    ]
    if previous is not None:
        lines.append(f"previous: {{file: {previous}}}")
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def case_related_chain_of_400(tmp_path: Path) -> Case:
    """Each file's related set is assessed in the next: 399 links of `related.X.assessment`
    (once a RecursionError; a chain of 300 once passed, though the limit is 20)."""
    folder = _folder(tmp_path)
    _mutual_criteria(folder)
    for k in range(400):
        own = "aa" if k % 2 == 0 else "bb"
        label = f"e{k + 1:03d}.yaml" if k < 399 else None
        _labelled(folder, f"e{k:03d}.yaml", own, "2021-11-06", label=label)
    path = folder / "e000.yaml"
    return Case(path, [f"{path}:7:43: related.bb.assessment: {TOO_LONG} [CB314]"])


def case_related_chain_of_20_is_valid(tmp_path: Path) -> Case:
    """The limit itself: a file standing on 20 related assessments in a row is valid."""
    folder = _folder(tmp_path)
    _mutual_criteria(folder)
    for k in range(21):
        own = "aa" if k % 2 == 0 else "bb"
        label = f"e{k + 1:03d}.yaml" if k < 20 else None
        _labelled(folder, f"e{k:03d}.yaml", own, "2021-11-06", label=label)
    # A file beside them that is aa's, so that the batch's control renders.
    return Case(folder / "e000.yaml", [])


def case_related_loop(tmp_path: Path) -> Case:
    """Two files, each the other's related assessment."""
    folder = _folder(tmp_path)
    _mutual_criteria(folder)
    _labelled(folder, "b.yaml", "bb", "2021-11-06", label="a.yaml")
    path = _labelled(folder, "a.yaml", "aa", "2021-11-06", label="b.yaml")
    errors = [
        f"{path}:7:43: related.bb.assessment: b.yaml is not a valid assessment; "
        "fix its errors first [CB314]",
        f"{folder / 'b.yaml'}:7:43: related.aa.assessment: a.yaml leads back to this "
        "assessment; break the loop [CB314]",
    ]
    return Case(path, errors)


def case_a_ladder_of_shared_chains(tmp_path: Path) -> Case:
    """Twenty levels, each file standing on both files of the next level (its previous
    and its related set's assessment): 2^20 paths through 42 files.  Valid, and each
    file is read and scored once (scoring every path took hours)."""
    folder = _folder(tmp_path)
    _mutual_criteria(folder)
    for k in range(21):
        day = (dt.date(2021, 11, 6) - dt.timedelta(days=30 * k)).isoformat()
        for own, other in (("aa", "bb"), ("bb", "aa")):
            below = k < 20
            _labelled(
                folder,
                f"{own[0]}{k:02d}.yaml",
                own,
                day,
                label=f"{other[0]}{k + 1:02d}.yaml" if below else None,
                previous=f"{own[0]}{k + 1:02d}.yaml" if below else None,
            )
    return Case(folder / "a00.yaml", [])


def case_previous_is_a_fifo(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "old.yaml")
    path = folder / "a.yaml"
    path.write_text(assessment(previous="old.yaml"))
    message = "previous.file: old.yaml: is a FIFO (named pipe), not a regular file [CB309]"
    return Case(path, [f"{path}:8:18: {message}"])


def case_criteria_file_is_a_fifo(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "criteria.yaml")
    path = folder / "a.yaml"
    path.write_text(assessment().replace(json.dumps(os.fspath(THRESHOLD)), "criteria.yaml"))
    message = "criteria.file: criteria.yaml: is a FIFO (named pipe), not a regular file [CB307]"
    return Case(path, [f"{path}:5:47: {message}"])


def case_unreadable_folder(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "old.yaml").write_text(assessment(date="2019-11-06"))
    locked.chmod(0)
    path = folder / "a.yaml"
    path.write_text(assessment(previous="locked/old.yaml"))
    message = (
        f"previous.file: locked/old.yaml: permission denied: the folder {locked} cannot be entered"
    )
    return Case(path, [f"{path}:8:18: {message} [CB309]"], unprivileged=True, folders=(folder,))


def case_unreadable_file(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    path.write_text(assessment())
    path.chmod(0)
    message = "permission denied: the file cannot be read; check its permissions"
    return Case(path, [f"{path}: {message} [CB100]"], unprivileged=True, folders=(folder,))


def case_a_folder_that_cannot_be_searched(tmp_path: Path) -> Case:
    """validate of a closed folder once said "the file cannot be read"."""
    folder = _folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "a.yaml").write_text(assessment())
    locked.chmod(0)
    message = (
        "cannot search this folder: permission denied: the folder cannot be read; "
        "check its permissions"
    )
    return Case(locked, [f"{locked}: {message} [CB100]"], unprivileged=True, folders=(folder,))


def _cohort(tmp_path: Path, text: str) -> tuple[Path, Path]:
    folder = _folder(tmp_path)
    cohort = tmp_path / "cohort.json"
    cohort.write_text(text)
    return folder / "control.yaml", cohort


def case_cohort_nested_100000_deep(tmp_path: Path) -> Case:
    path, cohort = _cohort(tmp_path, "[" * 100_000 + "]" * 100_000)
    message = "YAML syntax error: exceeded maximum nesting depth (while increasing flow level)"
    return Case(path, [f"{cohort}:1:1001: {message} [CB101]"], cohort=cohort)


def case_cohort_of_another_kind(tmp_path: Path) -> Case:
    path, cohort = _cohort(tmp_path, json.dumps({"kind": "secret", "password": "hunter2"}))
    message = (
        "kind: cannot tell what this file is: start it with `kind: criteria`, "
        "`kind: assessment` or `kind: cohort`"
    )
    return Case(path, [f"{cohort}:1:10: {message} [CB110]"], cohort=cohort, forbidden=("hunter2",))


def case_cohort_with_huge_numbers(tmp_path: Path) -> Case:
    text = (
        '{"kind": "cohort", "format": 1, "by": "portfolio", "min_size": 5, "assessments": 1e999999999,'
        ' "organisations": 5, "criteria": {}}'
    )
    path, cohort = _cohort(tmp_path, text)
    message = (
        "assessments: 1e999999999 has more than 15 digits before the decimal point; the limit is 15; "
        "quote it if it is a text"
    )
    return Case(path, [f"{cohort}:1:82: {message} [CB115]"], cohort=cohort)


def case_cohort_with_a_group_name_of_1000_characters(tmp_path: Path) -> Case:
    name = "g" * 1000  # (YAML takes keys of at most 1,024 characters)
    text = (
        '{"kind": "cohort", "format": 1, "by": "portfolio", "min_size": 5, "assessments": 5,'
        ' "organisations": 5, "criteria": {"threshold": {"version": "1", "hash": "x",'
        f' "groups": {{"{name}": {{"n": 5, "levels": {{}}}}}}}}}}}}'
    )
    path, cohort = _cohort(tmp_path, text)
    message = (
        f"criteria.threshold.groups: 1,000 characters; a key holds at most 200: shorten it "
        f"({'g' * 79}…)"
    )
    return Case(path, [f"{cohort}:1:171: {message} [CB118]"], cohort=cohort)


def case_the_far_edge_of_the_domain(tmp_path: Path) -> Case:
    """Valid, at every limit at once: it must validate, score, render and batch.

    Validity, renewal window and extension of 1,200 months, a `within_months: 1200` rule
    on a date answer at the earliest date, and 21 renewals a day apart up to the last
    accepted date: the derived dates reach about 5200, far inside the calendar.
    """
    folder = _folder(tmp_path)
    text = THRESHOLD.read_text(encoding="utf-8").replace("id: threshold", "id: far")
    century = "{months: 1200, renewal: {window_months: 1200, extension_months: 1200}}"
    text = text.replace(
        "      months: 24\n      renewal: {window_months: 12, extension_months: 36}",
        "      months: 1200\n      renewal: {window_months: 1200, extension_months: 1200}",
    ).replace("validity: {months: 24}", f"validity: {century}")
    text = text.replace("months_ago: 22", "months_ago: 1200").replace(
        "months_at_least: 18, months_at_most: 24", "months_at_least: 0, months_at_most: 1200"
    )
    survey = (
        "  - id: F\n    category: extra\n    title: Recent survey\n"
        "    answer: {type: date, min: 1000-01-01, max: 2999-12-31}\n"
        "    pass: {within_months: 1200}\n"
    )
    text = text.replace("portfolios:\n", survey + "portfolios:\n", 1)
    (folder / "far.yaml").write_text(text, encoding="utf-8")
    previous = None
    last = dt.date(2999, 12, 31)
    for k in range(21):
        name = f"a{k:02d}.yaml"
        day = last - dt.timedelta(days=20 - k)
        lines = [
            "kind: assessment",
            "format: 1",
            "organisation: {name: Test Cluster, country: NOR}",
            f"assessment: {{date: {day.isoformat()}, type: renewal}}",
            "criteria: {id: far, file: far.yaml}",
            "related: {esca-eligibility: {level: eligible}}",
            "answers: {A: true, B: 15, C: 3, D: true, E: 50, F: 1000-01-01}",
        ]
        if previous is not None:
            lines.append(f"previous: {{file: {previous}}}")
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        previous = name
    return Case(folder / "a20.yaml", [])


def case_a_long_word_in_a_comment(tmp_path: Path) -> Case:
    """One unbroken word of 20,000 characters took half a minute to lay out in the PDF."""
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    word = "w" * 20_000
    path.write_text(assessment().replace("{A: true,", f"{{A: {{value: true, comment: {word}}},"))
    message = (
        "answers.A.comment: 20,000 characters; a text here holds at most 5,000: shorten it "
        "(a longer text belongs in a document the assessment refers to) [CB118]"
    )
    return Case(path, [f"{path}:7:37: {message}"])


def case_an_organisation_name_of_a_million_characters(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    path.write_text(assessment(name="n" * 1_500_000))
    message = (
        "organisation.name: 1,500,000 characters; a name or a title holds at most 200: "
        "shorten it (a longer text belongs in a document the assessment refers to) [CB118]"
    )
    return Case(path, [f"{path}:3:22: {message}"])


def case_120000_evidence_items(tmp_path: Path) -> Case:
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    items = ", ".join(["e"] * 120_000)
    path.write_text(
        assessment().replace("{A: true,", f"{{A: {{value: true, evidence: [{items}]}},")
    )
    message = "answers.A.evidence: 120,000 items; at most 100 are accepted here: keep the ones that matter"
    return Case(path, [f"{path}:7:38: {message} [CB119]"])


def case_texts_of_every_language_past_the_file_budget(tmp_path: Path) -> Case:
    """Each text within its bound, all of them together past what one file may hold."""
    folder = _folder(tmp_path)
    path = folder / "a.yaml"
    text = "word " * 900  # 4,500 characters
    strengths = "".join(f"  - {text}\n" for _ in range(14))
    path.write_text(assessment() + "strengths:\n" + strengths)
    message = (
        "strengths[13]: the texts of this file in one language come to more than 60,000 "
        "characters here, the most a file holds in one language: shorten them [CB118]"
    )
    return Case(path, [f"{path}:22:5: {message}"])


GENERATED: list[Callable[[Path], Case]] = [
    case_fifo_as_input,
    case_symlink_loop,
    case_dangling_symlink,
    case_symlink_to_a_system_file,
    case_too_large,
    case_a_million_values,
    case_alias_text_bomb,
    case_alias_node_bomb,
    case_deep_nesting,
    case_previous_chain_too_long,
    case_related_chain_of_400,
    case_related_chain_of_20_is_valid,
    case_related_loop,
    case_a_ladder_of_shared_chains,
    case_previous_is_a_fifo,
    case_criteria_file_is_a_fifo,
    case_unreadable_folder,
    case_unreadable_file,
    case_cohort_nested_100000_deep,
    case_cohort_of_another_kind,
    case_a_long_word_in_a_comment,
    case_an_organisation_name_of_a_million_characters,
    case_120000_evidence_items,
    case_texts_of_every_language_past_the_file_budget,
    case_cohort_with_huge_numbers,
    case_cohort_with_a_group_name_of_1000_characters,
    case_the_far_edge_of_the_domain,
]
