"""Rules on answers, month arithmetic and the band coverage analysis."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from clusterbench.loader.coverage import coverage_of, gaps_of
from clusterbench.models import (
    BooleanAnswer,
    ChoiceAnswer,
    DateAnswer,
    IntegerAnswer,
    NumberAnswer,
    PercentAnswer,
    Rule,
)
from clusterbench.models.dates import add_months, months_between

D = Decimal


@pytest.mark.parametrize(
    ("rule", "value", "holds"),
    [
        ({"at_least": 15}, D(15), True),
        ({"at_least": 15}, D("14.999"), False),
        ({"above": 15}, D(15), False),
        ({"at_least": 10, "below": 15}, D(15), False),
        ({"at_least": 10, "below": 15}, D(10), True),
        ({"between": [10, 14]}, D(14), True),
        ({"at_most": 3}, D(4), False),
        ({"equals": 3}, D(3), True),
        ({"equals": True}, D(1), False),  # a boolean is not the number 1
        ({"equals": 1}, True, False),
        ({"is_true": True}, True, True),
        ({"is_true": True}, False, False),
        ({"is_true": False}, False, True),
        ({"one_of": ["yearly", "biennial"]}, "yearly", True),
        ({"one_of": ["yearly", "biennial"]}, "never", False),
        ({"at_least": 2}, ["industry", "research"], True),  # a multiple choice counts
        ({"at_least": 2}, ["industry"], False),
        ({"equals": "public"}, ["industry", "public"], True),
        ({"one_of": ["public", "civil"]}, ["industry"], False),
        ({"at_least": 1}, None, False),
        ({"at_least": 1}, True, False),  # true is not a number
        ({"at_least": dt.date(2020, 1, 1)}, dt.date(2021, 1, 1), True),
        ({"at_least": 5}, dt.date(2021, 1, 1), False),  # mismatched types never hold
    ],
)
def test_rule_holds(rule: dict[str, object], value: object, holds: bool) -> None:
    assert Rule.model_validate(rule).holds(value) is holds


def test_within_months_counts_back_from_the_assessment_date() -> None:
    rule = Rule(within_months=24)
    on = dt.date(2021, 11, 6)
    assert rule.holds(dt.date(2019, 11, 6), on=on)
    assert not rule.holds(dt.date(2019, 11, 5), on=on)
    assert not rule.holds(dt.date(2021, 11, 7), on=on)  # after the assessment
    assert not rule.holds(dt.date(2020, 1, 1))  # no assessment date: cannot hold


def test_describe_is_compact() -> None:
    assert Rule(at_least=D(15)).describe() == "≥ 15"
    assert Rule(at_least=D(10), below=D(15)).describe() == "≥ 10 and < 15"
    assert Rule(between=(D("0.5"), D(1))).describe() == "0.5–1"
    assert Rule(is_true=True).describe() == "yes"
    assert Rule(one_of=("a", "b")).describe() == "one of a, b"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({}, "a rule needs an operator"),
        ({"at_least": 1, "above": 2}, "either 'at_least' or 'above'"),
        ({"equals": 1, "at_most": 2}, "'equals' cannot be combined"),
        ({"between": [5, 1]}, "low ≤ high"),
    ],
)
def test_rule_combinations_are_checked(rule: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Rule.model_validate(rule)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (dt.date(2021, 1, 31), 1, dt.date(2021, 2, 28)),
        (dt.date(2020, 1, 31), 1, dt.date(2020, 2, 29)),
        (dt.date(2021, 11, 6), 24, dt.date(2023, 11, 6)),
        (dt.date(2021, 11, 6), -24, dt.date(2019, 11, 6)),
        (dt.date(2021, 12, 15), 1, dt.date(2022, 1, 15)),
    ],
)
def test_add_months(start: dt.date, months: int, end: dt.date) -> None:
    assert add_months(start, months) == end


def test_months_between_counts_whole_months() -> None:
    assert months_between(dt.date(2019, 11, 15), dt.date(2021, 11, 14)) == 23
    assert months_between(dt.date(2019, 11, 15), dt.date(2021, 11, 15)) == 24
    assert months_between(dt.date(2021, 11, 15), dt.date(2019, 11, 15)) == -24
    assert months_between(dt.date(2021, 1, 31), dt.date(2021, 2, 28)) == 1


def bands(answer: object, *rules: dict[str, object]) -> tuple[str | None, list[str | None]]:
    covers = [coverage_of(Rule.model_validate(r), answer) for r in rules]  # type: ignore[arg-type]
    assert all(c is not None for c in covers)
    overlaps = [
        covers[i].overlap(covers[j]) for i in range(len(covers)) for j in range(i + 1, len(covers))
    ]  # type: ignore[union-attr]
    return gaps_of(covers, answer), overlaps  # type: ignore[arg-type]


COUNT = IntegerAnswer(type="integer", min=0)
AMOUNT = NumberAnswer(type="number", min=D(0))


def test_integer_bands_in_whole_steps_leave_no_gap() -> None:
    assert bands(COUNT, {"at_least": 15}, {"between": [10, 14]}, {"at_most": 9}) == (
        None,
        [None] * 3,
    )


def test_integer_gap_is_named() -> None:
    assert bands(COUNT, {"at_least": 15}, {"between": [10, 13]}, {"below": 10})[0] == "14"
    assert bands(COUNT, {"at_least": 20}, {"below": 10})[0] == "10–19"


def test_number_bands_need_half_open_edges() -> None:
    assert bands(
        AMOUNT, {"at_least": 1}, {"at_least": D("0.5"), "below": 1}, {"below": D("0.5")}
    ) == (
        None,
        [None] * 3,
    )
    gap, _ = bands(AMOUNT, {"above": 1}, {"at_least": D("0.5"), "below": 1}, {"below": D("0.5")})
    assert gap == "1"
    gap, _ = bands(AMOUNT, {"at_least": 1}, {"below": D("0.5")})
    assert gap == "[0.5, 1)"


def test_overlap_is_named() -> None:
    _, overlaps = bands(COUNT, {"at_least": 15}, {"between": [10, 15]}, {"below": 10})
    assert overlaps[0] == "15"


def test_unbounded_answers_need_bands_to_infinity() -> None:
    gap, _ = bands(IntegerAnswer(type="integer"), {"at_least": 0})
    assert gap == "≤ -1"
    gap, _ = bands(AMOUNT, {"at_most": 5})
    assert gap == "> 5"


def test_percent_is_bounded_0_to_100() -> None:
    assert bands(PercentAnswer(type="percent"), {"at_least": 50}, {"below": 50})[0] is None
    assert bands(PercentAnswer(type="percent"), {"at_least": 50}, {"below": 40})[0] == "[40, 50)"


def test_finite_answers_are_enumerated() -> None:
    boolean = BooleanAnswer(type="boolean")
    assert bands(boolean, {"is_true": True})[0] == "no"
    choice = ChoiceAnswer.model_validate(
        {"type": "choice", "multiple": True, "options": [{"id": i, "label": i} for i in "abc"]}
    )
    assert bands(choice, {"at_least": 2}, {"at_most": 1}) == (None, [None])
    gap, _ = bands(choice, {"at_least": 2}, {"equals": 1})
    assert gap == "none, a, b, c"


def test_date_bands() -> None:
    answer = DateAnswer(type="date", min=dt.date(2020, 1, 1), max=dt.date(2020, 12, 31))
    assert (
        bands(answer, {"at_least": dt.date(2020, 7, 1)}, {"below": dt.date(2020, 7, 1)})[0] is None
    )
    gap, _ = bands(answer, {"at_least": dt.date(2020, 7, 2)}, {"below": dt.date(2020, 7, 1)})
    assert gap == "2020-07-01"


def test_relative_rules_are_not_analysed() -> None:
    assert coverage_of(Rule(within_months=12), DateAnswer(type="date")) is None
