"""``clusterbench schema NAME``"""

from __future__ import annotations

import argparse
import json
import sys

from ..models.schema import json_schema
from .status import EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a file kind."""
    json.dump(json_schema(args.name), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK
