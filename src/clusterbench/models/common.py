"""The shared model vocabulary of every file format, in one import.

The model base (:mod:`.base`), the value types (:mod:`.values`) and human texts
(:mod:`.text`) live in their own modules; the models and the rest of clusterbench
import them from here.
"""

from .base import Model, assemble, construct
from .text import Text
from .values import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    Bound,
    Date,
    Id,
    Language,
    Number,
    Points,
    Scalar,
    Share,
    checked_date,
    to_json_number,
)

__all__ = [
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "Bound",
    "Date",
    "Id",
    "Language",
    "Model",
    "Number",
    "Points",
    "Scalar",
    "Share",
    "Text",
    "assemble",
    "checked_date",
    "construct",
    "to_json_number",
]
