"""An answer to one indicator, as an assessor records it (and as golden examples do)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from .common import Model

__all__ = ["Answer", "AnswerValue"]


def _value(value: Any) -> Any:
    scalar = (bool, int, float, Decimal, str, dt.date)
    if value is None or isinstance(value, scalar):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, scalar) for v in value):
        return tuple(value)
    raise PydanticCustomError(
        "answer_value",
        "an answer value is a number, a text, a date, true/false or a list of option ids",
        {},
    )


AnswerValue = Annotated[
    Any,
    PlainValidator(_value),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": ["boolean", "number", "string", "null"]},
                {"type": "array", "items": {"type": ["boolean", "number", "string"]}},
            ]
        }
    ),
]


class Answer(Model):
    """A value, or ``status: not_applicable`` with a reason; evidence and a comment.

    In YAML a bare value is short for ``{value: ...}``: ``G01: true``.
    """

    value: AnswerValue = Field(
        default=None, description="The answer; its type follows the indicator."
    )
    status: Literal["not_applicable"] | None = Field(
        default=None, description="`not_applicable` where the criteria allow it."
    )
    reason: str | None = Field(default=None, description="Why the indicator does not apply.")
    evidence: tuple[str, ...] = Field(default=(), description="Documents or data checked.")
    comment: str | None = Field(default=None, description="The assessor's comment.")

    @model_validator(mode="before")
    @classmethod
    def _bare_value(cls, data: Any) -> Any:
        return data if isinstance(data, dict) else {"value": data}

    @model_validator(mode="after")
    def _value_or_status(self) -> Answer:
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
