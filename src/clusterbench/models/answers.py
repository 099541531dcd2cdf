"""An answer to one indicator, as an assessor records it (and as golden examples do)."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import Field, GetJsonSchemaHandler, PlainValidator, WithJsonSchema, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from .common import Model, Text, checked_date

__all__ = ["Answer", "AnswerValue"]


def _value(value: Any) -> Any:
    scalar = (bool, int, float, Decimal, str, dt.date)
    if isinstance(value, dt.date):
        return checked_date(value)
    if value is None or isinstance(value, scalar):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, scalar) for v in value):
        return tuple(checked_date(v) if isinstance(v, dt.date) else v for v in value)
    raise PydanticCustomError(
        "answer_value",
        "an answer value is a number, a text, a date, true/false or a list of option ids",
        {},
    )


_VALUE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": ["boolean", "number", "string", "null"]},
        {"type": "array", "items": {"type": ["boolean", "number", "string"]}},
    ]
}

AnswerValue = Annotated[Any, PlainValidator(_value), WithJsonSchema(_VALUE_SCHEMA)]


class Answer(Model):
    """A value, or `status: not_applicable` with a reason; evidence and a comment.

    In YAML a bare value is short for `{value: ...}`: `G01: true`.
    """

    value: AnswerValue = Field(
        default=None, description="The answer; its type follows the indicator."
    )
    status: Literal["not_applicable"] | None = Field(
        default=None, description="`not_applicable` where the criteria allow it."
    )
    reason: Text | None = Field(default=None, description="Why the indicator does not apply.")
    evidence: tuple[Text, ...] = Field(default=(), description="Documents or data checked.")
    comment: Text | None = Field(default=None, description="The assessor's comment.")

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # A bare value is an answer too: `G01: true` as well as `G01: {value: true}`.
        record = handler.resolve_ref_schema(handler(schema))
        return {"anyOf": [*_VALUE_SCHEMA["anyOf"], record]}

    @model_validator(mode="before")
    @classmethod
    def _bare_value(cls, data: Any) -> Any:
        return data if isinstance(data, dict) else {"value": data}

    @model_validator(mode="after")
    def _value_or_status(self) -> Self:
        if self.status == "not_applicable" and self.value is not None:
            raise ValueError("give either a value or `status: not_applicable`, not both")
        return self

    @property
    def not_applicable(self) -> bool:
        """True when the assessor marked the indicator not applicable."""
        return self.status == "not_applicable"

    @property
    def is_answered(self) -> bool:
        """True when a value is given."""
        return self.value is not None
