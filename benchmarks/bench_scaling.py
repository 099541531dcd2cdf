"""How `score()` grows with the number of indicators: 31, 310 and 3,100, failing assessments.

The esca-gold indicator set is repeated 1, 10 and 100 times (each category with a 50 %
floor, and the level asking for 80 % of the points, every minimum requirement and every
floor), and answered by weak clusters: about half the indicators met, the rest short,
several minimum requirements failing.  So the Result has a large gap to explain (hundreds
of indicators at 3,100) and no margin.  Each size is scored on 5 different assessments:
the first scoring of each is "cold" (nothing derived from these criteria cached yet), the
median of the repeats is "warm", as in a batch.  `decide()` (level and points only) is
timed on the same assessments for comparison.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import statistics
import time
from typing import Any

from clusterbench import Criteria, load_criteria, score
from clusterbench.models import Assessment, AssessmentInfo, CriteriaReference, Organisation
from clusterbench.models.answers import Answer
from clusterbench.models.assessment import RelatedAnswers
from clusterbench.scoring.engine import decide
from clusterbench.scoring.values import normalized_values, passing_value

from .generate import weaker_value

DATE = dt.date(2025, 6, 15)
SIZES = (1, 10, 100)
ASSESSMENTS = 5
REPEATS = {1: 60, 10: 12, 100: 3}


def scaled(base: Criteria, copies: int) -> Criteria:
    """``base`` with its indicators repeated ``copies`` times, floors on every category."""
    data = base.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    indicators = []
    for copy in range(copies):
        for indicator in data["indicators"]:
            made = dict(indicator, id=f"{indicator['id']}x{copy}")
            if "applies_if" in made:
                condition = made["applies_if"]
                made["applies_if"] = dict(condition, indicator=f"{condition['indicator']}x{copy}")
            indicators.append(made)
    data["indicators"] = indicators
    data.pop("max_points", None)
    data["examples"] = []
    for category in data["categories"]:
        category["floor"] = "50%"
    for level in data["levels"]:
        level["requires"] = [*level["requires"], {"kind": "category_floors"}]
    return Criteria.model_validate(data)


def weak(criteria: Criteria, seed: int) -> Assessment:
    """A weak cluster: each indicator met with probability one half."""
    rng = random.Random(seed)
    answers: dict[str, Answer] = {}
    for indicator in criteria.indicators:
        met = passing_value(indicator, DATE)
        value: Any = met if met is not None and rng.random() < 0.5 else None
        if value is None:
            value = weaker_value(indicator, rng, DATE)
        answers[indicator.id] = Answer(value=value)
    normalized_values(criteria, answers)  # the answers fit: as the loader would check
    return Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Scaling cluster", country="NOR"),
        assessment=AssessmentInfo(date=DATE),
        criteria=CriteriaReference(id=criteria.id),
        answers=answers,
        related={"esca-eligibility": RelatedAnswers(level="eligible")},
    )


def timed(call: Any) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> None:
    base = load_criteria("esca-gold")
    print(__doc__.splitlines()[0])
    print(
        f"{'indicators':>10}  {'score cold':>11}  {'score warm':>11}  {'decide warm':>11}"
        f"  {'gap size':>8}  {'warm / (n log n)':>16}"
    )
    first: float | None = None
    for copies in SIZES:
        criteria = scaled(base, copies)
        n = len(criteria.indicators)
        cases = [weak(criteria, seed) for seed in range(ASSESSMENTS)]
        rounds = range(REPEATS[copies])
        cold = [timed(lambda a=a, c=criteria: score(c, a)) for a in cases]
        warm = [timed(lambda a=a, c=criteria: score(c, a)) for _ in rounds for a in cases]
        fast = [timed(lambda a=a, c=criteria: decide(c, a)) for _ in rounds for a in cases]
        result = score(criteria, cases[0])
        gap = next((lv.gap for lv in result.levels if lv.gap is not None), None)
        size = len(gap.indicators) if gap is not None else 0
        exact = "" if gap is None or gap.exact else " (not exact)"
        per = statistics.median(warm) / (n * math.log(n))
        first = first or per
        print(
            f"{n:>10}  {statistics.median(cold) * 1e3:>8.2f} ms  "
            f"{statistics.median(warm) * 1e3:>8.2f} ms  {statistics.median(fast) * 1e3:>8.2f} ms"
            f"  {size:>8}{exact}  {per / first:>15.2f}×"
        )


if __name__ == "__main__":
    main()
