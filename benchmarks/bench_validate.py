"""`clusterbench validate criteria/` as a whole process, beside check-jsonschema on the same files."""

from __future__ import annotations

import statistics

from .common import BIN, ROOT, line, time_command


def main() -> None:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "criteria").glob("*.yaml"))
    ours = time_command([str(BIN / "clusterbench"), "validate", "criteria/"])
    theirs = time_command(
        [str(BIN / "check-jsonschema"), "--schemafile", "schemas/criteria.json", *files]
    )
    print(f"validate: {len(files)} criteria files")
    print(line("clusterbench validate criteria/ (schema + semantics)", ours))
    print(line("check-jsonschema --schemafile schemas/criteria.json (schema)", theirs))
    ratio = statistics.median(theirs) / statistics.median(ours)
    print(f"{'check-jsonschema / clusterbench (median)':<58} {ratio:.2f}x")


if __name__ == "__main__":
    main()
