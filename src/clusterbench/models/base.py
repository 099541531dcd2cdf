"""The base of every file model, and records built without validation.

Every model of a criteria, assessment or cohort file is a :class:`Model`: unknown keys
are errors and instances are immutable.  :func:`construct` builds records the scoring
core computes from input that is already checked (thousands per batch).
"""

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

__all__ = ["Model", "assemble", "construct"]


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        coerce_numbers_to_str=True,
        use_enum_values=False,
        defer_build=True,  # build each schema on first use: validate starts faster
    )


M = TypeVar("M", bound=BaseModel)


_TEMPLATES: dict[type, tuple[dict[str, Any], tuple[tuple[str, Any], ...]]] = {}


def construct(cls: type[M], **values: Any) -> M:
    """Build a model from values that are already of their types, without validation.

    For records the scoring core produces from validated input (thousands per batch):
    validation would only check what the code just computed.  Missing fields get their
    defaults, and fields keep their declared order (the serializer writes __dict__
    order).  Tests round-trip every such record through validation.
    """
    found = _TEMPLATES.get(cls)
    if found is None:
        fields = cls.__pydantic_fields__
        template = {name: f.get_default(call_default_factory=False) for name, f in fields.items()}
        factories = tuple((name, f) for name, f in fields.items() if f.default_factory is not None)
        found = _TEMPLATES[cls] = (template, factories)
    template, factories = found
    ordered = dict(template)
    ordered.update(values)
    for name, field in factories:
        if name not in values:  # a fresh dict or list for each record
            ordered[name] = field.get_default(call_default_factory=True)
    return assemble(cls, ordered, set(values))


_set = object.__setattr__


def assemble(cls: type[M], ordered: dict[str, Any], given: set[str]) -> M:
    """A model from a complete dict of its fields in declared order (see :func:`construct`)."""
    model = cls.__new__(cls)
    _set(model, "__dict__", ordered)
    _set(model, "__pydantic_fields_set__", given)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
