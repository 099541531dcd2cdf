"""Gaps and margins are the fewest, checked against brute force on small random schemes.

Each case is a random criteria set of a few indicators (points, partial credit, minimum
requirements, category floors and shares, counts among a list, an applicability
condition) and random answers.  Brute force tries every set of indicators, meets
them (gives each a value meeting its pass rule) or loses them (a value earning
nothing), and decides the level with the scoring core's own decision code.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterbench import score
from clusterbench.kinds.facts import Facts
from clusterbench.models import Assessment, AssessmentInfo, CriteriaReference, Organisation
from clusterbench.models.answers import Answer
from clusterbench.models.criteria import Criteria
from clusterbench.scoring.indicators import evaluate_indicators, outcome
from clusterbench.scoring.requirements import level_holds
from clusterbench.scoring.values import failing_value, normalized_values, passing_value

DATE = dt.date(2025, 6, 15)
SETTINGS = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def schemes(draw: st.DrawFn, strong: bool = False) -> tuple[Criteria, dict[str, Answer]]:
    """A small criteria set and answers to it (``strong``: mostly met, so levels are won)."""
    n = draw(st.integers(3, 7))
    floors = {c: draw(st.sampled_from([None, "30%", "50%", "70%"])) for c in ("c1", "c2")}
    indicators: list[dict[str, Any]] = []
    answers: dict[str, Answer] = {}
    controller = draw(st.sampled_from([None, *range(n)]))
    for k in range(n):
        ident = f"I{k}"
        category = draw(st.sampled_from(["c1", "c2"]))
        points = Decimal(draw(st.sampled_from(["0", "1", "2", "3", "5", "0.5", "2.5"])))
        indicator: dict[str, Any] = {"id": ident, "category": category, "title": ident}
        if k == controller or draw(st.booleans()):
            indicator |= {"answer": {"type": "boolean"}, "pass": {"is_true": True}}
            value: Any = draw(
                st.sampled_from([True, True, True, False] if strong else [True, False, None])
            )
        else:
            need = draw(st.integers(2, 8))
            indicator |= {"answer": {"type": "integer", "min": 0, "max": 10}}
            indicator["pass"] = {"at_least": need}
            if draw(st.booleans()) and points:
                share = Decimal(draw(st.sampled_from(["0.25", "0.5"])))
                indicator["partial"] = [
                    {"between": [max(need - 2, 0), need - 1], "points": points * share}
                ]
            value = draw(
                st.one_of(st.just(10), st.just(10), st.integers(0, 10))
                if strong
                else st.one_of(st.integers(0, 10), st.none())
            )
        indicator["points"] = points
        if draw(st.integers(0, 8 if strong else 4)) == 0:
            indicator["minimum_requirement"] = True
        if controller is not None and k != controller and draw(st.integers(0, 2)) == 0:
            indicator["applies_if"] = {"indicator": f"I{controller}", "is_true": True}
        indicators.append(indicator)
        if value is not None:
            answers[ident] = Answer(value=value)
    ids = [i["id"] for i in indicators]
    first: list[dict[str, Any]] = [
        {"kind": "minimums"},
        {"kind": "score", "at_least": draw(st.sampled_from(["30%", "50%"]))},
    ]
    if draw(st.booleans()):
        first.append({"kind": "answered"})
    second: list[dict[str, Any]] = [
        {"kind": "level", "level": "one"},
        {"kind": "score", "at_least": draw(st.sampled_from(["60%", "75%", "90%"]))},
    ]
    if any(floors.values()):
        second.append({"kind": "category_floors"})
    if draw(st.booleans()):
        among = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True))
        second.append({"kind": "indicators_met", "indicators": among, "at_least": 1})
    if draw(st.booleans()):
        category = draw(st.sampled_from(["c1", "c2"]))
        second.append({"kind": "score", "at_least": "50%", "category": category})
    data = {
        "kind": "criteria",
        "format": 1,
        "id": "random",
        "version": "1",
        "title": "Random",
        "provenance": {"status": "example"},
        "categories": [
            {"id": c, "title": c, **({"floor": f} if f else {})} for c, f in floors.items()
        ],
        "indicators": indicators,
        "levels": [
            {"id": "one", "title": "One", "requires": first},
            {"id": "two", "title": "Two", "requires": second},
        ],
    }
    return Criteria.model_validate(data), answers


def assess(criteria: Criteria, answers: dict[str, Answer]) -> Assessment:
    return Assessment(
        kind="assessment",
        format=1,
        organisation=Organisation(name="Random cluster", country="NOR"),
        assessment=AssessmentInfo(date=DATE),
        criteria=CriteriaReference(id=criteria.id),
        answers=answers,
    )


def holds(criteria: Criteria, answers: dict[str, Answer], level_id: str) -> bool:
    """The scoring core's own decision, without any gap or margin analysis."""
    values = normalized_values(criteria, answers)
    results = evaluate_indicators(criteria, answers, values, DATE)
    facts = Facts(criteria, {r.id: outcome(r) for r in results}, DATE)
    level = criteria.level(level_id)
    assert level is not None
    return level_holds(level, facts)


def changed(answers: dict[str, Answer], values: dict[str, Any]) -> dict[str, Answer]:
    return {**answers, **{key: Answer(value=value) for key, value in values.items()}}


def fewest(
    criteria: Criteria,
    answers: dict[str, Answer],
    candidates: dict[str, Any],
    wanted: bool,
    level_id: str,
) -> int | None:
    """The size of the smallest set whose moves make ``level_id`` hold (or fail)."""
    keys = list(candidates)
    for size in range(len(keys) + 1):
        for chosen in itertools.combinations(keys, size):
            moved = changed(answers, {k: candidates[k] for k in chosen})
            if holds(criteria, moved, level_id) == wanted:
                return size
    return None


def meetable(criteria: Criteria, answers: dict[str, Answer]) -> dict[str, Any]:
    result = score(criteria, assess(criteria, answers))
    found = {}
    for indicator in criteria.indicators:
        status = result.indicator(indicator.id).status  # type: ignore[union-attr]
        value = passing_value(indicator, DATE)
        if status != "met" and value is not None:
            found[indicator.id] = value
    return found


def losable(criteria: Criteria, answers: dict[str, Answer]) -> dict[str, Any]:
    result = score(criteria, assess(criteria, answers))
    found = {}
    for indicator in criteria.indicators:
        r = result.indicator(indicator.id)
        assert r is not None
        value = failing_value(indicator, DATE)
        earning = r.status in ("met", "partly_met") or r.points > 0
        if r.applicable and earning and value is not None:
            found[indicator.id] = value
    return found


def met_by(criteria: Criteria, ids: Iterable[str]) -> dict[str, Any]:
    return {i: passing_value(criteria.indicator(i), DATE) for i in ids}  # type: ignore[arg-type]


@SETTINGS
@given(schemes())
def test_the_gap_is_the_fewest(case: tuple[Criteria, dict[str, Answer]]) -> None:
    criteria, answers = case
    result = score(criteria, assess(criteria, answers))
    candidates = meetable(criteria, answers)
    for level in result.levels:
        # The level held (decided from its explained requirements) is the core's decision.
        assert level.held == holds(criteria, answers, level.id), level
        if level.gap is None:
            continue
        gap = level.gap
        smallest = fewest(criteria, answers, candidates, True, level.id)
        check_gap(criteria, answers, level.id, gap, smallest)


def check_gap(
    criteria: Criteria, answers: dict[str, Answer], level_id: str, gap: Any, smallest: int | None
) -> None:
    """The gap is proven (exact), says unreachable exactly when brute force finds no set,
    and is a set of the fewest that reaches the level."""
    assert gap.exact, (level_id, gap)
    assert gap.reachable == (smallest is not None), (level_id, gap, smallest)
    if smallest is None:
        return
    assert holds(criteria, changed(answers, met_by(criteria, gap.indicators)), level_id)
    assert len(gap.indicators) == smallest, (level_id, gap.indicators, smallest)


@SETTINGS
@given(schemes(strong=True))
def test_the_margin_is_the_fewest_and_says_which_alone(
    case: tuple[Criteria, dict[str, Answer]],
) -> None:
    check_margin(*case)


def check_margin(criteria: Criteria, answers: dict[str, Answer]) -> None:
    """The margin is proven, the fewest, and its singles and sets are what they say."""
    result = score(criteria, assess(criteria, answers))
    margin = result.margin
    if margin is None:
        return
    lose = losable(criteria, answers)
    smallest = fewest(criteria, answers, lose, False, margin.level)
    assert margin.exact
    if smallest is None:
        assert margin.indicators == ()
        assert margin.singles == ()
        return
    assert len(margin.indicators) == smallest, (margin, smallest)
    assert not holds(
        criteria, changed(answers, {i: lose[i] for i in margin.indicators}), margin.level
    )
    alone = {k for k in lose if not holds(criteria, changed(answers, {k: lose[k]}), margin.level)}
    assert set(margin.singles) == alone
    for found in margin.sets:
        assert len(found.indicators) > 1
        assert not set(found.indicators) & alone
        moved = changed(answers, {i: lose[i] for i in found.indicators})
        assert not holds(criteria, moved, margin.level), found


# -- applicability groups: several controllers, groups of any size --------------------
@st.composite
def grouped(draw: st.DrawFn, strong: bool = False) -> tuple[Criteria, dict[str, Answer]]:
    """A scheme where up to three yes/no controllers decide whether most indicators apply
    (`applies_if` true or false), with lists and categories that nest or cross."""
    n = draw(st.integers(5, 9))
    controllers = list(range(draw(st.integers(1, 3))))
    indicators: list[dict[str, Any]] = []
    answers: dict[str, Answer] = {}
    for k in range(n):
        ident = f"I{k}"
        indicator: dict[str, Any] = {
            "id": ident,
            "category": draw(st.sampled_from(["c1", "c2"])),
            "title": ident,
            "answer": {"type": "boolean"},
            "pass": {"is_true": True},
            "points": Decimal(draw(st.sampled_from(["0", "1", "1", "2", "3", "10"]))),
        }
        if k not in controllers and draw(st.integers(0, 3)) > 0:
            controller = draw(st.sampled_from(controllers))
            wanted = draw(st.sampled_from([True, True, False]))
            indicator["applies_if"] = {"indicator": f"I{controller}", "is_true": wanted}
        if draw(st.integers(0, 9)) == 0:
            indicator["minimum_requirement"] = True
        indicators.append(indicator)
        value = draw(st.sampled_from([True, True, False] if strong else [True, False, False, None]))
        if value is not None:
            answers[ident] = Answer(value=value)
    ids = [i["id"] for i in indicators]
    requires: list[dict[str, Any]] = [
        {"kind": "score", "at_least": draw(st.sampled_from(["50%", "75%", "90%"]))}
    ]
    if draw(st.booleans()):
        among = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=5, unique=True))
        requires.append({"kind": "indicators_met", "indicators": among, "at_least": 2})
    if draw(st.booleans()):
        requires.append({"kind": "indicators_met", "at_least": draw(st.integers(2, 5))})
    if draw(st.booleans()):
        category = draw(st.sampled_from(["c1", "c2"]))
        requires.append({"kind": "score", "at_least": "50%", "category": category})
    if draw(st.booleans()):
        requires.append({"kind": "minimums"})
    data = {
        "kind": "criteria",
        "format": 1,
        "id": "grouped",
        "version": "1",
        "title": "Grouped",
        "provenance": {"status": "example"},
        "categories": [{"id": c, "title": c} for c in ("c1", "c2")],
        "indicators": indicators,
        "levels": [{"id": "top", "title": "Top", "requires": requires}],
    }
    return Criteria.model_validate(data), answers


GROUPED = settings(SETTINGS, max_examples=150)


@GROUPED
@given(grouped())
def test_the_gap_is_the_fewest_with_applicability_groups_of_any_size(
    case: tuple[Criteria, dict[str, Answer]],
) -> None:
    criteria, answers = case
    result = score(criteria, assess(criteria, answers))
    candidates = meetable(criteria, answers)
    for level in result.levels:
        assert level.held == holds(criteria, answers, level.id), level
        if level.gap is not None:
            smallest = fewest(criteria, answers, candidates, True, level.id)
            check_gap(criteria, answers, level.id, level.gap, smallest)


@GROUPED
@given(grouped(strong=True))
def test_the_margin_is_the_fewest_with_applicability_groups(
    case: tuple[Criteria, dict[str, Answer]],
) -> None:
    check_margin(*case)


def boolean(ident: str, points: int, category: str = "c1", **more: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "category": category,
        "title": ident,
        "answer": {"type": "boolean"},
        "pass": {"is_true": True},
        "points": points,
        **more,
    }


def scheme(indicators: list[dict[str, Any]], requires: list[dict[str, Any]]) -> Criteria:
    return Criteria.model_validate(
        {
            "kind": "criteria",
            "format": 1,
            "id": "cases",
            "version": "1",
            "title": "Cases",
            "provenance": {"status": "example"},
            "categories": [{"id": "c1", "title": "One"}, {"id": "c2", "title": "Two"}],
            "indicators": indicators,
            "levels": [{"id": "top", "title": "Top", "requires": requires}],
        }
    )


def test_a_controller_with_six_indicators_needs_five_moves() -> None:
    """O met (10), C unmet (10) deciding D1..D6 (1 each), 90 % needed: C and four D's."""
    condition = {"indicator": "C", "is_true": True}
    criteria = scheme(
        [boolean("O", 10), boolean("C", 10)]
        + [boolean(f"D{k}", 1, applies_if=condition) for k in range(1, 7)],
        [{"kind": "score", "at_least": "90%"}],
    )
    answers = {"O": True, "C": False, **{f"D{k}": False for k in range(1, 7)}}
    gap = score(criteria, assess(criteria, {k: Answer(value=v) for k, v in answers.items()}))
    found = gap.levels[0].gap
    assert found is not None
    assert (found.reachable, found.exact) == (True, True)
    assert found.indicators == ("C", "D1", "D2", "D3", "D4")


def test_a_count_among_a_long_list_with_a_share_is_exact() -> None:
    """3 of 18 listed met and 60 %: four 5-point indicators and five 3-point listed ones."""
    listed = [boolean(f"L{k}", 1 + k % 3) for k in range(18)]
    others = [boolean("X", 1)] + [boolean(f"M{k}", 5, "c2") for k in range(4)]
    criteria = scheme(
        listed + others,
        [
            {"kind": "indicators_met", "at_least": 3, "indicators": [i["id"] for i in listed]},
            {"kind": "score", "at_least": "60%"},
        ],
    )
    answers = {i["id"]: Answer(value=False) for i in listed + others}
    found = score(criteria, assess(criteria, answers)).levels[0].gap
    assert found is not None
    assert found.exact
    assert len(found.indicators) == 9
    assert holds(criteria, changed(answers, met_by(criteria, found.indicators)), "top")


def test_an_unreachable_gap_is_proven_so_and_lists_what_brings_it_closer() -> None:
    """C must be answered, and meeting C rules D out: 2 met among D and E never holds.

    Every choice was tried, so the gap is proven unreachable (exact), not a search's
    giving up; it still names what brings the level closer.
    """
    criteria = scheme(
        [
            boolean("C", 1),
            boolean("D", 3, applies_if={"indicator": "C", "is_true": False}),
            boolean("E", 1),
        ],
        [{"kind": "answered"}, {"kind": "indicators_met", "at_least": 2, "indicators": ["D", "E"]}],
    )
    answers = {"E": Answer(value=False)}
    assert fewest(criteria, answers, meetable(criteria, answers), True, "top") is None
    found = score(criteria, assess(criteria, answers)).levels[0].gap
    assert found is not None
    assert (found.reachable, found.exact) == (False, True)
    assert set(found.indicators) == {"C", "D", "E"}
