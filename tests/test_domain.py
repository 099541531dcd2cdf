"""The value domain holds for every value of every input model, however it is written.

The reader refuses numbers and dates outside the domain where the YAML writes them;
these tests hold the models themselves to it, so that a date written as text (`"9999-12-31"`),
a percentage written as text (`"1e-999999999%"`) or a value given from Python meets the
same bounds.  The walk fails when a model gains a date field that skips the check.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    PlainValidator,
    TypeAdapter,
    ValidationError,
    WrapValidator,
)

from clusterbench.models.assessment import Assessment
from clusterbench.models.cohort import Cohort
from clusterbench.models.criteria import Criteria
from clusterbench.models.domain import MAX_DATE, MIN_DATE, number_problem, parse_number

INPUTS = (Criteria, Assessment, Cohort)
FAR = (dt.date(9999, 12, 31), dt.date(1, 1, 1), MAX_DATE + dt.timedelta(days=1))


def _models(roots: tuple[type[BaseModel], ...]) -> list[type[BaseModel]]:
    """Every model reachable from the roots through their fields' annotations."""
    found: list[type[BaseModel]] = []
    pending = list(roots)
    while pending:
        model = pending.pop()
        if model in found:
            continue
        found.append(model)
        for field in model.model_fields.values():
            for leaf in _leaves(field.annotation):
                if isinstance(leaf, type) and issubclass(leaf, BaseModel):
                    pending.append(leaf)
    return found


def _leaves(annotation: Any) -> Iterator[Any]:
    """The value types inside an annotation: through unions and containers; an
    Annotated type is a leaf of its own (its validator decides)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated and not any(
        isinstance(m, PlainValidator | BeforeValidator | AfterValidator | WrapValidator)
        for m in annotation.__metadata__
    ):
        yield from _leaves(typing.get_args(annotation)[0])  # constraints only: see through
    elif origin is typing.Annotated:
        yield annotation
        inner = _leaves(typing.get_args(annotation)[0])  # models inside a custom type
        yield from (t for t in inner if isinstance(t, type) and issubclass(t, BaseModel))
    elif origin in (typing.Union, types.UnionType, tuple, list, dict, typing.Literal):
        if origin is typing.Literal:
            return
        args = typing.get_args(annotation)
        for arg in args[1:] if origin is dict else args:
            if arg is not Ellipsis and arg is not type(None):
                yield from _leaves(arg)
    else:
        yield annotation


def _date_fields() -> list[tuple[str, Any]]:
    """(model.field, leaf type) for every field value type that takes a date."""
    found = []
    for model in _models(INPUTS):
        for name, field in model.model_fields.items():
            annotation = field.rebuild_annotation()
            for leaf in dict.fromkeys(_leaves(annotation)):  # each value type once
                if isinstance(leaf, type) and issubclass(leaf, BaseModel):
                    continue
                try:
                    adapter: TypeAdapter[Any] = TypeAdapter(leaf)
                    taken = adapter.validate_python(dt.date(2021, 6, 1))
                except (ValidationError, TypeError, ValueError, AttributeError):
                    continue
                if taken == dt.date(2021, 6, 1):
                    found.append((f"{model.__name__}.{name}", leaf))
    return found


DATE_FIELDS = _date_fields()


def test_the_walk_finds_the_date_fields() -> None:
    names = {name for name, _ in DATE_FIELDS}
    for expected in (
        "AssessmentInfo.date",
        "RelatedAnswers.awarded",
        "RelatedAnswers.valid_until",
        "Decision.date",
        "PreviousAssessment.date",
        "ExampleRelated.awarded",
        "ExampleRelated.valid_until",
        "InForce.from_",
        "Rule.at_least",
        "Answer.value",
        "DateAnswer.min",
    ):
        assert expected in names, f"{expected} not found among {sorted(names)}"


@pytest.mark.parametrize(("name", "leaf"), DATE_FIELDS, ids=[n for n, _ in DATE_FIELDS])
def test_every_date_field_holds_the_date_domain(name: str, leaf: Any) -> None:
    adapter: TypeAdapter[Any] = TypeAdapter(leaf)
    for day in FAR:
        with pytest.raises(ValidationError, match="lies outside the years 1000 to 2999"):
            adapter.validate_python(day)
    assert adapter.validate_python(MIN_DATE) == MIN_DATE
    try:
        as_text = adapter.validate_python("2021-06-01")
    except ValidationError:
        return  # the field takes no date written as text
    if as_text == dt.date(2021, 6, 1):
        with pytest.raises(ValidationError, match="lies outside the years 1000 to 2999"):
            adapter.validate_python("9999-12-31")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("1e-999999999", "decimal places"),
        ("50.00000000001", "decimal places"),
        ("123456789012345678901234567", "digits before the decimal point"),
        ("1e999999999", "digits before the decimal point"),
        ("9" * 5000, "too long for a number"),
        ("NaN", "finite"),
        ("fifteen", "is not a number"),
    ],
)
def test_text_becomes_a_number_only_inside_the_domain(text: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        parse_number(text)


def test_numbers_of_the_domain_are_read_from_text_exactly() -> None:
    assert parse_number(" 85 ") == Decimal(85)
    assert parse_number("2.500000000") == Decimal("2.5")
    assert parse_number("999999999999999.999999") == Decimal("999999999999999.999999")
    assert number_problem(parse_number("1e3")) is None


@pytest.mark.parametrize("text", ["1e999999999", "1e-999999999", "9" * 30, "0.00000001"])
def test_a_form_field_never_expands_a_number_outside_the_domain(text: str) -> None:
    """The workbench read `1e999999999` typed into a whole-number field with int(): a hang."""
    from clusterbench.models.answer_types import IntegerAnswer
    from clusterbench.serve.inputs import Refused, input_for

    from .hostile import deadline

    field = input_for(IntegerAnswer(type="integer"), "en")
    with deadline(10):
        refused = field.read([text], "en")  # refused at the field, the text kept as typed
    assert isinstance(refused, Refused)
    assert refused.text == text
    assert "limit is" in refused.problem
    assert field.read(["1e3"], "en") == 1000
    assert field.read(["12"], "en") == 12


@pytest.mark.parametrize(
    ("kind", "value", "said"),
    [
        ("percent", "50.00000000001%", "'50.00000000001%' has more than 6 decimal places"),
        ("percent", "1e-999999999%", "'1e-999999999%' has more than 6 decimal places"),
        ("percent", "1e999999999%", "more than 15 digits before the decimal point"),
        ("percent", Decimal("1e-999999999"), "more than 6 decimal places"),
        ("integer", "123456789012345678901234567", "more than 15 digits before the decimal"),
        ("integer", 10**20, "more than 15 digits before the decimal point"),
        ("number", Decimal("1e999999999"), "more than 15 digits before the decimal point"),
        ("number", "1e999999999", "more than 15 digits before the decimal point"),
    ],
)
def test_every_numeric_answer_holds_the_number_domain(kind: str, value: Any, said: str) -> None:
    from clusterbench.kinds.registry import answer_kind
    from clusterbench.models.answer_types import (
        AnswerValueError,
        IntegerAnswer,
        NumberAnswer,
        PercentAnswer,
    )

    answer = {
        "percent": PercentAnswer(type="percent"),
        "integer": IntegerAnswer(type="integer"),
        "number": NumberAnswer(type="number"),
    }[kind]
    with pytest.raises(AnswerValueError, match=said) as raised:
        answer_kind(answer).normalize(answer, value)
    assert raised.value.code == "CB115"
    assert answer_kind(answer).normalize(answer, "85%" if kind == "percent" else 85) == 85


def test_a_share_written_as_text_holds_the_number_domain() -> None:
    from clusterbench.models.common import Share

    adapter: TypeAdapter[Any] = TypeAdapter(Share)
    assert adapter.validate_python("80%") == Decimal("0.8")
    with pytest.raises(ValidationError, match="more than 6 decimal places"):
        adapter.validate_python("80.0000000000001%")


def _unbounded() -> Iterator[tuple[str, Any]]:
    """Every field the limits walker (loader.limits) leaves unchecked, with its type."""
    from clusterbench.loader import limits

    seen: set[int] = set()
    pending = [(limits._plan(model), model.__name__) for model in (Assessment, Criteria, Cohort)]
    while pending:
        plan, where = pending.pop()
        if id(plan) in seen:
            continue
        seen.add(id(plan))
        if plan.kind == "model" and plan.model is not None:
            hints = typing.get_type_hints(plan.model, include_extras=True)
            for name, field in limits._fields(plan).items():
                if name in hints and field.kind == "skip":
                    yield f"{plan.model.__name__}.{name}", hints[name]
                pending.append((field, f"{where}.{name}"))
        pending.extend((member, where) for member in plan.members)


def _holds_no_text(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return True
    if origin is typing.Annotated:
        return _holds_no_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return all(_holds_no_text(a) for a in typing.get_args(annotation) if a is not type(None))
    return annotation in (int, bool, Decimal, dt.date)


def test_every_field_that_can_hold_text_is_bounded() -> None:
    """A field whose type the limits walker does not know is skipped: it must hold no text
    (numbers, dates, booleans, fixed words), or a file could carry megabytes in it."""
    skipped = dict(_unbounded())
    assert "Organisation.founded" in skipped  # the walk reaches the nested models
    assert "Decision.date" in skipped
    assert {name: t for name, t in skipped.items() if not _holds_no_text(t)} == {}
