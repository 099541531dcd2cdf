"""The two example stories over time: `history` (the register on every day something
changed, designations decided on each), `criteria diff` and `migrate` across the Bronze
versions, and scoring across versions beside scoring within one."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from clusterbench import history_of, score_file
from clusterbench.loader.chain import AssessmentReader
from clusterbench.loader.library import CriteriaLibrary
from clusterbench.pipeline.migrate import migrate
from clusterbench.report.phrases import Phrases
from clusterbench.report.phrases.migration import MigrationNotes
from clusterbench.scoring.diff import diff_criteria

from .common import BIN, ROOT, line, time_call, time_command

HEALTH = ROOT / "examples" / "fjordhelse"
FASHION = ROOT / "examples" / "vevnad"


def main() -> None:
    on = dt.date(2024, 1, 1)
    print(
        line(
            "history_of: the health story (7 files)",
            time_call(lambda: history_of([HEALTH], "Fjordhelse Cluster", on=on), repeat=20),
            "ms",
        )
    )
    print(
        line(
            "history_of: the fashion story (5 files)",
            time_call(lambda: history_of([FASHION], "Vevnad Fashion Cluster", on=on), repeat=20),
            "ms",
        )
    )
    command = [
        str(BIN / "clusterbench"),
        "history",
        str(HEALTH),
        "--organisation",
        "Fjordhelse Cluster",
        "--as-of",
        "2024-01-01",
    ]
    print(line("clusterbench history: the health story (whole process)", time_command(command)))
    library = CriteriaLibrary()
    old, new = library.get("esca-bronze@pre-2019"), library.get("esca-bronze")
    steps = library.lineage(old, new)
    print(
        line(
            "diff_criteria: esca-bronze pre-2019 → 2019",
            time_call(lambda: diff_criteria(old, new, steps), repeat=200),
            "ms",
        )
    )
    checked = AssessmentReader(library).read(HEALTH / "2017-bronze.yaml")
    notes = MigrationNotes(Phrases("en", new))
    folder = Path(tempfile.gettempdir())
    print(
        line(
            "migrate: the 2017 Bronze onto 2019 (text, checked)",
            time_call(lambda: migrate(checked, new, library, notes, folder=folder), repeat=50),
            "ms",
        )
    )
    silver, gold = HEALTH / "2019-silver.yaml", HEALTH / "2021-gold.yaml"
    print(
        line(
            "score_file: Silver 2019 on its pre-2019 Bronze (mapped)",
            time_call(lambda: score_file(silver), repeat=20),
            "ms",
        )
    )
    print(
        line(
            "score_file: Gold 2021 (chain of three)",
            time_call(lambda: score_file(gold), repeat=20),
            "ms",
        )
    )


if __name__ == "__main__":
    main()
