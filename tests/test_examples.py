"""The example assessments tell their stories: each gets its stated level."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clusterbench import score_file, validate_paths

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
EXPECTED = {
    "fjordhelse/2014-arena.yaml": ("arena", Decimal(69)),
    "fjordhelse/2017-arena-extension.yaml": ("arena", Decimal(76)),
    "fjordhelse/2017-bronze.yaml": ("bronze", None),
    "fjordhelse/2019-arena-pro.yaml": ("arena_pro", Decimal(90)),
    "fjordhelse/2019-silver.yaml": ("silver", None),
    "fjordhelse/2021-gold.yaml": ("gold", Decimal("142.5")),
    "fjordhelse/2022-arena-pro-review.yaml": ("arena_pro", Decimal(96)),
    "fjordhelse/2023-gold-renewal.yaml": (None, Decimal(144)),
    "vevnad/2014-arena.yaml": ("arena", Decimal(64)),
    "vevnad/2015-bronze.yaml": ("bronze", None),
    "vevnad/2017-arena-extension.yaml": ("arena", Decimal(75)),
    "vevnad/2017-bronze.yaml": ("bronze", None),
    "vevnad/2019-bronze.yaml": ("bronze", None),
    "young-fashion/2022-bronze.yaml": ("bronze", None),
    "young-fashion/2024-silver.yaml": ("silver", None),
    "not-eligible/gold-attempt.yaml": (None, Decimal("135.5")),
    "missed-minimum/gold-attempt.yaml": (None, Decimal("138")),
}


def test_every_example_is_listed() -> None:
    assert {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*.yaml")} == set(EXPECTED)


def test_examples_are_valid_even_when_strict() -> None:
    report = validate_paths([EXAMPLES], strict=True)
    assert [str(i) for f in report.files for i in f.issues] == []


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_each_example_gets_its_level(
    name: str, expected: tuple[str | None, Decimal | None]
) -> None:
    level, points = expected
    result = score_file(EXAMPLES / name).result
    assert result.level == level
    if points is not None:
        assert result.score.points == points


def test_the_health_cluster_reaches_gold_at_95_percent_after_bronze_and_silver() -> None:
    scored = score_file(EXAMPLES / "fjordhelse" / "2021-gold.yaml")
    assert scored.result.score.share == Decimal("0.95")
    history = []
    current = scored
    while current is not None:
        history.append((current.result.assessment.date.year, current.result.level))
        current = current.previous
    assert history == [(2021, "gold"), (2019, "silver"), (2017, "bronze")]


def test_the_failed_attempts_fail_for_the_stated_reason() -> None:
    ineligible = score_file(EXAMPLES / "not-eligible" / "gold-attempt.yaml").result
    assert ineligible.score.share is not None
    assert ineligible.score.share >= Decimal("0.85")
    assert ineligible.related[0].level is None
    missed = score_file(EXAMPLES / "missed-minimum" / "gold-attempt.yaml").result
    gold = missed.level_result("gold")
    assert gold is not None
    assert gold.gap is not None
    assert gold.gap.minimums == ("G12",)
