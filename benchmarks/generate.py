"""Fictional but plausible assessments, for benchmarks and for cohort and batch tests.

Each generated cluster has a latent maturity (most are middling, a few excellent, a
few weak); an indicator is met with that probability, and otherwise answered with a
weaker value of its type.  Names are made of syllables, so no real organisation appears.

    python -m benchmarks.generate --criteria esca-gold -n 1300 -o /tmp/assessments
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from clusterbench import Criteria, load_criteria
from clusterbench.models import (
    BooleanAnswer,
    ChoiceAnswer,
    DateAnswer,
    IntegerAnswer,
    NumberAnswer,
    PercentAnswer,
    ScaleAnswer,
    TextAnswer,
)
from clusterbench.models.criteria import Indicator
from clusterbench.models.dates import add_months
from clusterbench.scoring.values import passing_value

COUNTRIES = [
    "NOR",
    "SWE",
    "DNK",
    "FIN",
    "DEU",
    "POL",
    "HUN",
    "ESP",
    "FRA",
    "ITA",
    "NLD",
    "EST",
    "HRV",
    "AUT",
]
PORTFOLIOS = [
    "health",
    "ict",
    "energy",
    "maritime",
    "food",
    "mobility",
    "manufacturing",
    "creative",
]
_SYLLABLES = [
    "nor",
    "vik",
    "sol",
    "ber",
    "fjell",
    "lin",
    "mar",
    "tek",
    "vest",
    "ost",
    "kra",
    "ga",
    "ro",
    "lum",
    "sa",
]
_KINDS = ["Cluster", "Hub", "Network", "Alliance", "Valley", "Arena"]


def cluster_name(rng: random.Random) -> str:
    """A made-up name: syllables and a kind of network."""
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word} {rng.choice(PORTFOLIOS).capitalize()} {rng.choice(_KINDS)}"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def weaker_value(indicator: Indicator, rng: random.Random, on: dt.date) -> Any:
    """A plausible answer that usually falls short of the pass rule."""
    answer = indicator.answer
    met = passing_value(indicator, on)
    if isinstance(answer, BooleanAnswer):
        return False if met is True else rng.random() < 0.5
    if isinstance(answer, ChoiceAnswer):
        ids = list(answer.option_ids())
        if answer.multiple:
            return rng.sample(ids, rng.randint(0, max(0, len(ids) // 2)))
        return rng.choice(ids)
    if isinstance(answer, ScaleAnswer):
        steps = [s.value for s in answer.steps]
        return rng.choice(steps[: max(1, len(steps) - 1)])
    if isinstance(answer, DateAnswer):
        return on - dt.timedelta(days=rng.randint(400, 2000))
    if isinstance(answer, TextAnswer):
        return "described in the interview"
    low = Decimal(getattr(answer, "min", None) or 0)
    target = Decimal(met) if isinstance(met, Decimal) else low + 20
    if isinstance(answer, PercentAnswer):
        return round(rng.uniform(0, float(target) if target > 0 else 50), 1)
    fraction = Decimal(str(round(rng.uniform(0.2, 0.95), 2)))
    value = low + (target - low) * fraction
    if isinstance(answer, IntegerAnswer):
        return int(value)
    assert isinstance(answer, NumberAnswer)
    return float(round(value, 2))


def assessment_data(criteria: Criteria, index: int, rng: random.Random) -> dict[str, Any]:
    """One assessment as YAML-ready data."""
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    maturity = rng.betavariate(4, 2)
    answers: dict[str, Any] = {}
    for indicator in criteria.indicators:
        roll = rng.random()
        if indicator.allow_not_applicable and roll < 0.05:
            answers[indicator.id] = {
                "status": "not_applicable",
                "reason": "not relevant for this cluster",
            }
        elif roll < maturity or passing_value(indicator, date) is None:
            value = passing_value(indicator, date)
            answers[indicator.id] = _plain(
                value if value is not None else weaker_value(indicator, rng, date)
            )
        else:
            answers[indicator.id] = _plain(weaker_value(indicator, rng, date))
    data: dict[str, Any] = {
        "kind": "assessment",
        "format": 1,
        "organisation": {
            "name": cluster_name(rng),
            "country": rng.choice(COUNTRIES),
            "portfolio": rng.choice(PORTFOLIOS),
            "founded": rng.randint(1995, 2020),
            "members": int(rng.lognormvariate(4.2, 0.6)),
        },
        "assessment": {
            "date": date,
            "report_id": f"GEN{date:%Y%m}{index:05d}",
            "assessors": [{"name": "Generated Assessor", "role": "lead assessor"}],
        },
        "criteria": {"id": criteria.id, "version": criteria.version},
        "answers": answers,
    }
    required = {
        req.criteria
        for level in criteria.levels
        for req in level.requires
        if req.kind == "criteria"
    }
    if required:
        data["related"] = {
            key: {"level": "eligible" if rng.random() < 0.9 else None} for key in sorted(required)
        }
    if rng.random() < 0.3:
        data["previous"] = {"date": add_months(date, -rng.randint(18, 30)), "level": None}
    return data


def generate(criteria: Criteria, count: int, folder: Path, *, seed: int = 1) -> list[Path]:
    """Write `count` assessments of `criteria` into `folder`; the same seed gives the same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"assessment-{index:05d}.yaml"
        text = yaml.safe_dump(
            assessment_data(criteria, index, rng), allow_unicode=True, sort_keys=False
        )
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def generate_register(
    criteria: Criteria, clusters: int, years: int, folder: Path, *, seed: int = 1
) -> list[Path]:
    """A labelling body's archive: `clusters` organisations, one assessment a year each.

    Each organisation has a stable `organisation.id`, its assessments point at the year
    before (`previous.file`), and each assessment that reaches a level carries the body's
    decision (approved, now and then rejected; the latest ones are sometimes still
    pending), so that a register over them has every status.
    """
    from clusterbench.loader.chain import AssessmentReader
    from clusterbench.pipeline.scoring import score_file

    rng = random.Random(seed)
    paths = []
    for cluster in range(clusters):
        place = folder / f"c{cluster:05d}"
        place.mkdir(parents=True, exist_ok=True)
        name, country = cluster_name(rng), rng.choice(COUNTRIES)
        start = dt.date(2026 - years, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        previous = None
        reader = AssessmentReader()
        for year in range(years):
            data = assessment_data(criteria, cluster * years + year, rng)
            date = add_months(start, 12 * year) + dt.timedelta(days=rng.randint(0, 20))
            data["organisation"] = {"id": f"GEN-{cluster:05d}", **data["organisation"]}
            data["organisation"]["name"], data["organisation"]["country"] = name, country
            data["assessment"]["date"] = date
            data.pop("previous", None)
            if previous is not None:
                data["previous"] = {"file": previous}
            path = place / f"{date.year}.yaml"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
            reached = score_file(path, reader=AssessmentReader(reader.library)).result.level
            if reached is not None and (year < years - 1 or rng.random() < 0.8):
                data["decision"] = {
                    "status": "approved" if rng.random() < 0.97 else "rejected",
                    "by": "Generated label committee",
                    "date": date + dt.timedelta(days=rng.randint(10, 40)),
                    "reference": f"GEN-{cluster:05d}-{year:02d}",
                }
                text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
                path.write_text(text, encoding="utf-8")
            paths.append(path)
            previous = path.name
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--criteria", default="esca-gold")
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("-o", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(load_criteria(args.criteria), args.n, args.o, seed=args.seed)
    print(f"{len(paths)} assessments written to {args.o}")


if __name__ == "__main__":
    main()
