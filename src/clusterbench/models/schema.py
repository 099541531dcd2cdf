"""JSON Schemas (draft 2020-12) generated from the models, for editors and other validators."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

__all__ = ["SCHEMA_NAMES", "json_schema"]

SCHEMA_NAMES = ("assessment", "cohort", "criteria", "result")
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _model(name: str) -> type[BaseModel]:
    if name == "criteria":
        from .criteria import Criteria

        return Criteria
    if name == "assessment":
        from .assessment import Assessment

        return Assessment
    if name == "result":
        from .result import Result

        return Result
    if name == "cohort":
        from .cohort import Cohort

        return Cohort
    raise KeyError(name)


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a file kind: one of :data:`SCHEMA_NAMES`."""
    model = _model(name)
    # Files are read (validation); a Result is written (serialization).
    mode: Literal["validation", "serialization"] = (
        "serialization" if name == "result" else "validation"
    )
    schema = model.model_json_schema(by_alias=True, mode=mode)
    return {
        "$schema": _DRAFT,
        "title": f"clusterbench {name} file",
        **{k: v for k, v in schema.items() if k != "title"},
    }
