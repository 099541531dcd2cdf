"""JSON Schemas (draft 2020-12) generated from the models, for editors and other validators."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

__all__ = ["SCHEMA_NAMES", "json_schema"]

SCHEMA_NAMES = ("criteria",)
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _model(name: str) -> type[BaseModel]:
    if name == "criteria":
        from .criteria import Criteria

        return Criteria
    raise KeyError(name)


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a file kind: one of :data:`SCHEMA_NAMES`."""
    model = _model(name)
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": _DRAFT,
        "title": f"clusterbench {name} file",
        **{k: v for k, v in schema.items() if k != "title"},
    }
