"""``clusterbench schema NAME``"""

from __future__ import annotations

import argparse
import json

from ..models.schema import json_schema
from .console import emit
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a file kind."""
    emit(json.dumps(json_schema(args.name), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK
