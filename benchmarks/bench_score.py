"""`score()` on a 31-indicator assessment, and loading and scoring 1,300 files in one process.

The repeated `score()` is warm: what the criteria derive once (passing values, an
answer's result, a move's effect) is kept with them, as in a batch.  The cold figure
loads the criteria afresh before each call, so nothing is kept; the batch shows
scoring 1,300 different assessments, each once.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from clusterbench import load_criteria, score
from clusterbench.loader.assessment import check_assessment_document
from clusterbench.loader.library import CriteriaLibrary
from clusterbench.loader.source import read_document
from clusterbench.scoring.engine import decide
from clusterbench.scoring.examples import example_assessment

from .common import line, time_call
from .generate import generate

_BUNDLED = Path(__file__).resolve().parents[1] / "criteria" / "esca-gold.yaml"


def main() -> None:
    criteria = load_criteria("esca-gold")
    example = next(e for e in criteria.examples if e.expect.level == "gold")
    assessment, _ = example_assessment(criteria, example)
    print(f"score(): esca-gold, {len(criteria.indicators)} indicators, example {example.name!r}")
    print(
        line(
            "score() with explanations, gap, margin, validity",
            time_call(lambda: score(criteria, assessment), repeat=500),
            "µs",
        )
    )
    print(
        line(
            "decide() level and points only",
            time_call(lambda: decide(criteria, assessment), repeat=500),
            "µs",
        )
    )
    cold = []
    for _ in range(30):
        fresh = load_criteria(_BUNDLED)  # a new model: nothing derived from it is kept yet
        fresh_assessment, _ = example_assessment(fresh, example)
        started = time.perf_counter()
        score(fresh, fresh_assessment)
        cold.append(time.perf_counter() - started)
    print(line("score() cold: criteria loaded afresh before each call", cold, "µs"))

    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(criteria, 1300, Path(tmp), seed=7)
        library = CriteriaLibrary()
        library.get("esca-gold")
        parse = validate = scoring = 0.0
        levels: dict[str | None, int] = {}
        each: list[float] = []
        scored = []
        started = time.perf_counter()
        for path in paths:
            t0 = time.perf_counter()
            doc = read_document(path)
            t1 = time.perf_counter()
            checked = check_assessment_document(doc, library, base=path.parent)
            t2 = time.perf_counter()
            assert checked.assessment is not None
            assert checked.criteria is not None
            result = score(
                checked.criteria,
                checked.assessment,
                dependencies=library.dependencies(checked.criteria),
            )
            t3 = time.perf_counter()
            parse, validate, scoring = parse + t1 - t0, validate + t2 - t1, scoring + t3 - t2
            each.append(t3 - t2)
            scored.append(
                (checked.criteria, checked.assessment, library.dependencies(checked.criteria))
            )
            levels[result.level] = levels.get(result.level, 0) + 1
        total = time.perf_counter() - started
    print(f"1,300 generated esca-gold assessments in one process: {total:.2f} s")
    for name, seconds in (
        ("parse YAML", parse),
        ("validate (schema, answers)", validate),
        ("score", scoring),
    ):
        print(f"  {name:<28} {seconds:6.2f} s  {seconds / total:5.1%}")
    print(f"  levels: {dict(sorted(levels.items(), key=lambda kv: str(kv[0])))}")
    print(f"  per file: {statistics.mean([total / len(paths)]) * 1e3:.2f} ms")
    print(f"  score() per file, each assessment different: {scoring / len(paths) * 1e6:.0f} µs")
    # The same distinct assessments again: each different, the criteria's tables warm.
    again = []
    for criteria_, assessment_, dependencies in scored:
        started = time.perf_counter()
        score(criteria_, assessment_, dependencies=dependencies)
        again.append(time.perf_counter() - started)
    print(line("score() on distinct assessments, first pass", each, "µs"))
    print(line("score() on distinct assessments, second pass", again, "µs"))


if __name__ == "__main__":
    main()
