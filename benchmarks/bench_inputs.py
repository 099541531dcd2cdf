"""Bounded work on every input: the worst files of at most the size cap, as whole processes.

For each hostile shape at the limits of the reader — the densest file the reader takes,
a file of a million values, alias bombs in values and in bytes of text, the longest
texts, the deepest nesting, a 3 GB file, a FIFO — the wall-clock time and the peak
memory (maximum resident set) of `clusterbench validate`, `score` and `report -o x.html`
on it, median of REPEAT runs.  The target: no input of at most the size cap takes more
than 2 s or 300 MB.  (A PDF of megabytes of text is layout work that grows with the text:
its figure is printed beside, not held to the target; so are the PDFs of the demo,
of the demo with the worst texts the value domain accepts (words of thousands of
characters included) and of the largest criteria set with every answer commented.)

    python benchmarks/run.py bench_inputs
"""

from __future__ import annotations

import copy
import os
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml

from clusterbench.loader.reader import MAX_BYTES
from clusterbench.loader.source import MAX_NODES
from clusterbench.models.domain import MAX_INDICATORS, MAX_NAME, MAX_TEXT

from .common import BIN, ENV, ROOT

REPEAT = int(os.environ.get("REPEAT", "3"))
THRESHOLD = ROOT / "tests" / "fixtures" / "scoring" / "threshold.yaml"
HEAD = (
    "kind: assessment\nformat: 1\norganisation: {name: T, country: NOR}\n"
    "assessment: {date: 2021-11-06}\n"
    f"criteria: {{id: threshold, file: {THRESHOLD}}}\n"
    "related: {esca-eligibility: {level: eligible}}\n"
    "answers: {A: true, B: 15, C: 3, D: true, E: 50}\n"
)


def _fill(path: Path, tail: Callable[[int], str]) -> Path:
    """HEAD plus the largest `tail(n)` that keeps the file within MAX_BYTES."""
    low, high = 1, MAX_BYTES
    while low < high:  # the largest n whose file fits
        middle = (low + high + 1) // 2
        if len((HEAD + tail(middle)).encode()) <= MAX_BYTES:
            low = middle
        else:
            high = middle - 1
    path.write_text(HEAD + tail(low), encoding="utf-8")
    return path


def cases(folder: Path) -> dict[str, Path]:
    """The hostile files, each at the size cap."""
    found: dict[str, Path] = {}
    values = MAX_NODES // 2 - 100
    found[f"{values:,} texts in one list (refused)"] = _fill(
        folder / "dense.yaml",
        lambda n: "strengths: [" + ",".join(["abcdefg"] * min(n, values)) + "]\n",
    )
    found["a million values (refused)"] = folder / "million.yaml"
    found["a million values (refused)"].write_text(
        HEAD + "strengths: [" + ",".join(["a"] * 1_000_000) + "]\n"
    )
    found["one 2 MiB text (refused)"] = _fill(
        folder / "text.yaml", lambda n: "strengths: ['" + "word " * n + "']\n"
    )
    found["10,000 texts of 200 bytes (refused)"] = _fill(
        folder / "texts.yaml",
        lambda n: "strengths:\n" + "".join(f"  - '{'x' * 190} {i}'\n" for i in range(n)),
    )
    bomb = "x" * 100_000
    found["alias bomb in bytes (refused)"] = folder / "bytes.yaml"
    found["alias bomb in bytes (refused)"].write_text(
        HEAD
        + "comment:\n"
        + f"  a0: &a0 {bomb}\n"
        + "".join(f"  a{n}: &a{n} [*a{n - 1}, *a{n - 1}]\n" for n in range(1, 30))
    )
    found["alias bomb in values (refused)"] = folder / "values.yaml"
    found["alias bomb in values (refused)"].write_text(
        HEAD
        + "comment:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"  a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 9))
    )
    found["nesting 1,000,000 deep (refused)"] = _fill(
        folder / "deep.yaml", lambda n: "strengths: " + "[" * (n // 2) + "]" * (n // 2) + "\n"
    )
    found["a huge exponent (refused)"] = folder / "exponent.yaml"
    found["a huge exponent (refused)"].write_text(HEAD.replace("B: 15", "B: 1e999999999"))
    sparse = folder / "sparse.yaml"
    with sparse.open("wb") as handle:
        handle.truncate(3 * 1024**3)
    found["a 3 GB file (refused)"] = sparse
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    found["a FIFO (refused)"] = fifo
    return found


def maximal_demo(folder: Path) -> Path:
    """The Fjordhelse Gold demo with the worst texts the value domain accepts: the
    organisation's name one word of MAX_NAME characters, and as many indicator comments
    of one word of MAX_TEXT characters as the budget of one language allows."""
    from clusterbench import validate_paths

    demo = folder / "demo"
    shutil.copytree(ROOT / "examples" / "fjordhelse", demo)
    gold = demo / "2021-gold.yaml"
    base = yaml.safe_load(gold.read_text(encoding="utf-8"))
    base.pop("previous")  # it assesses the organisation under its own name

    def fits(count: int) -> bool:
        data = copy.deepcopy(base)
        data["organisation"]["name"] = "N" * MAX_NAME
        answers = data["answers"]
        for n, key in enumerate(list(answers)[:count]):
            if not isinstance(answers[key], dict):
                answers[key] = {"value": answers[key]}
            answers[key]["comment"] = {"en": chr(ord("a") + n % 26) * MAX_TEXT}
        gold.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        report = validate_paths([gold])
        return not any(i.is_error for f in report.files for i in f.issues)

    count = 0
    while fits(count + 1):
        count += 1
    fits(count)
    return gold


def largest_scheme(folder: Path) -> Path:
    """An assessment of a criteria set with MAX_INDICATORS indicators, each with a title
    and a question of ordinary words near their bounds, every answer with a comment: the
    most pages a valid pair of files makes (about 90)."""
    words = [f"w{n % 97:02d}{'x' * (n % 9)}" for n in range(400)]

    def text(length: int, seed: int) -> str:
        return " ".join(words[seed % 50 : seed % 50 + 300])[:length].strip()

    indicators = "".join(
        f"  - id: I{i:03d}\n    category: c{i % 10}\n    title: {text(180, i)}\n"
        f"    question: {text(250, i + 1)}\n    answer: {{type: boolean}}\n    points: 1\n"
        "    pass: {is_true: true}\n"
        for i in range(MAX_INDICATORS)
    )
    categories = "".join(f"  - {{id: c{j}, title: Category {j}}}\n" for j in range(10))
    (folder / "big.yaml").write_text(
        'kind: criteria\nformat: 1\nid: big\nversion: "1"\ntitle: Big scheme\n'
        f"provenance: {{status: example}}\nmax_points: {MAX_INDICATORS}\n"
        f"categories:\n{categories}indicators:\n{indicators}"
        "levels:\n  - id: gold\n    title: Gold\n    requires: [{kind: score, at_least: 50%}]\n"
        "    validity: {months: 24}\n",
        encoding="utf-8",
    )
    answers = "".join(
        f"  I{i:03d}: {{value: true, comment: {text(190, i + 2)}}}\n" for i in range(MAX_INDICATORS)
    )
    path = folder / "big-assessment.yaml"
    path.write_text(
        "kind: assessment\nformat: 1\norganisation: {name: Big Cluster, country: NOR}\n"
        "assessment: {date: 2021-11-06}\ncriteria: {id: big, file: big.yaml}\n"
        f"answers:\n{answers}",
        encoding="utf-8",
    )
    return path


def _run(argv: list[str]) -> tuple[float, int, int]:
    """(seconds, peak resident MB, exit code) of one whole process, measured by GNU time
    (a child forked from this process would count this process's memory as its own)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as measured:
        done = subprocess.run(
            ["/usr/bin/time", "-q", "-f", "%e %M", "-o", measured.name, *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            env=ENV,
            check=False,
        )
        seconds, kilobytes = measured.read().split()
    return float(seconds), int(kilobytes) // 1024, done.returncode


def main() -> None:
    cb = str(BIN / "clusterbench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        worst_s, worst_mb = 0.0, 0
        print(f"{'input':<36} {'command':<9} {'median s':>9} {'max s':>7} {'peak MB':>8}  exit")
        for name, path in cases(folder).items():
            for command in ("validate", "score", "report"):
                argv = [cb, command, str(path)]
                if command == "report":
                    argv += ["-o", str(folder / "out.html")]
                runs = [_run(argv) for _ in range(REPEAT)]
                seconds = [r[0] for r in runs]
                peak = max(r[1] for r in runs)
                worst_s = max(worst_s, statistics.median(seconds))
                worst_mb = max(worst_mb, peak)
                print(
                    f"{name:<36} {command:<9} {statistics.median(seconds):9.3f} "
                    f"{max(seconds):7.3f} {peak:8d}  {runs[0][2]}"
                )
        print(f"worst median: {worst_s:.3f} s; worst peak: {worst_mb} MB (targets: 2 s, 300 MB)")
        text = folder / "text.yaml"
        seconds, peak, code = _run([cb, "report", str(text), "-o", str(folder / "out.pdf")])
        print(f"for comparison, a PDF of the 2 MiB text: {seconds:.1f} s, {peak} MB, exit {code}")
        demo = maximal_demo(folder)
        plain = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
        pairs = (
            ("the demo", plain),
            ("the demo with maximal texts", demo),
            (f"{MAX_INDICATORS} indicators, all commented", largest_scheme(folder)),
        )
        for name, path in pairs:
            for suffix in ("html", "pdf"):
                argv = [cb, "report", str(path), "-o", str(folder / f"demo.{suffix}")]
                runs = [_run(argv) for _ in range(REPEAT)]
                seconds_ = statistics.median(r[0] for r in runs)
                print(
                    f"{name}, {suffix.upper()}: {seconds_:.1f} s, "
                    f"{max(r[1] for r in runs)} MB, exit {runs[0][2]}"
                )


if __name__ == "__main__":
    main()
