"""Criteria that change over time: versions in the library, assessments scored on the
version they name, indicator maps, comparisons across versions, `criteria diff` and
`migrate`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from clusterbench import NotFoundError, score_file
from clusterbench.cli import main
from clusterbench.kinds.facts import Outcome, improved
from clusterbench.loader.criteria import find_criteria, load_criteria
from clusterbench.loader.library import CriteriaLibrary
from clusterbench.pipeline.history import compare_files
from clusterbench.pipeline.validation import validate_paths

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
BRONZE_2017 = EXAMPLES / "fjordhelse" / "2017-bronze.yaml"
SILVER_2019 = EXAMPLES / "fjordhelse" / "2019-silver.yaml"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --------------------------------------------------------------------- the library
def test_the_library_holds_several_versions_of_one_set() -> None:
    library = CriteriaLibrary()
    assert library.get("esca-bronze").version == "2019"  # the current one
    assert library.get("esca-bronze", "pre-2019").version == "pre-2019"
    assert library.get("esca-bronze@pre-2019").version == "pre-2019"
    assert library.versions("esca-bronze") == ["2019", "pre-2019"]
    with pytest.raises(
        NotFoundError,
        match=r"no version '2018' of esca-bronze; did you mean '2019'\? \(known: 2019, pre-2019\)",
    ):
        library.get("esca-bronze@2018")
    assert find_criteria("esca-bronze@pre-2019").name == "esca-bronze@pre-2019.yaml"
    with pytest.raises(NotFoundError, match="no version 'pre-2091' of esca-bronze; did you mean"):
        find_criteria("esca-bronze@pre-2091")


def test_the_newer_version_declares_what_it_supersedes() -> None:
    old, new = load_criteria("esca-bronze@pre-2019"), load_criteria("esca-bronze")
    assert new.supersedes is not None
    assert new.supersedes.version == old.version
    assert dict(new.supersedes.indicators) == {"B24": None, "B29": None, "B35": None}
    assert new.supersedes.new == ("B37", "B38", "B39")
    # 36 indicators in six areas in each (the public count of the current benchmarking).
    assert len(old.indicators) == len(new.indicators) == 36
    assert len(old.categories) == len(new.categories) == 6
    # Eligibility (public since 15 November 2019) is required by the new version only.
    assert [r.kind for r in old.level("bronze").requires] == ["answered"]  # type: ignore[union-attr]
    assert [r.kind for r in new.level("bronze").requires] == ["criteria", "answered"]  # type: ignore[union-attr]
    assert old.in_force is not None
    assert new.in_force is not None
    assert (old.in_force.until, new.in_force.from_) == (
        dt.date(2019, 11, 14),
        dt.date(2019, 11, 15),
    )


def test_an_assessment_is_scored_on_the_version_it_names() -> None:
    assert score_file(BRONZE_2017).result.criteria.version == "pre-2019"
    assert score_file(SILVER_2019).result.criteria.version == "2019"


def test_an_assessment_made_before_its_version_was_in_force_is_named(tmp_path: Path) -> None:
    text = BRONZE_2017.read_text(encoding="utf-8").replace("version: pre-2019}", 'version: "2019"}')
    anachronism = tmp_path / "2017-bronze.yaml"
    anachronism.write_text(text, encoding="utf-8")
    [report] = validate_paths([anachronism]).files
    found = {(i.code, i.path): i.message for i in report.issues}
    assert found[("CB316", "criteria.version")] == (
        "esca-bronze 2019 is in force from 2019-11-15, but the assessment is dated 2017-11-28; "
        "score it with version pre-2019, in force then"
    )
    # What the restructuring dropped is no indicator of the 2019 version.
    assert ("CB301", "answers.B24") in found
    assert ("CB306", "answers.B37") in found  # nor was the megatrend question asked


# ------------------------------------------------------------- checks between files
def versioned(folder: Path, version: str, supersedes: str | None, *, ids: str = "A B") -> Path:
    indicators = "\n".join(
        f"  - {{id: {i}, category: c, title: {i}, answer: {{type: boolean}}, pass: {{is_true: true}}}}"
        for i in ids.split()
    )
    lines = [
        "kind: criteria",
        "format: 1",
        "id: fixture-versions",
        f'version: "{version}"',
        "title: Versions",
        "provenance: {status: example}",
        *([f'supersedes: {{version: "{supersedes}"}}'] if supersedes else []),
        "categories: [{id: c, title: C}]",
        "indicators:",
        indicators,
        "levels: [{id: met, title: Met, requires: [{kind: indicators_met, at_least: 1}]}]",
        "examples: [{name: all, start: all_met, expect: {level: met}}]",
    ]
    path = folder / f"v{version}-{len(list(folder.iterdir()))}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_versions_superseding_each_other_in_a_circle_are_an_error(tmp_path: Path) -> None:
    one = versioned(tmp_path, "1", "2")
    two = versioned(tmp_path, "2", "1")
    report = validate_paths([tmp_path])
    found = {f.file: [(i.code, i.path, i.message) for i in f.issues] for f in report.files}
    assert found[str(one)] == [
        ("CB225", "supersedes.version", "versions supersede each other in a circle: 1 → 2 → 1")
    ]
    assert found[str(two)] == [
        ("CB225", "supersedes.version", "versions supersede each other in a circle: 2 → 1 → 2")
    ]


def test_two_files_claiming_one_version_are_an_error(tmp_path: Path) -> None:
    first = versioned(tmp_path, "1", None)
    second = versioned(tmp_path, "1", None)
    report = validate_paths([tmp_path])
    found = {f.file: [(i.code, i.line, i.message) for i in f.issues] for f in report.files}
    assert found[str(first)] == []
    assert found[str(second)] == [
        (
            "CB226",
            4,
            f"fixture-versions version 1 is also defined in {first}:4; give each version one file",
        )
    ]


def test_a_complete_map_between_two_files_is_clean(tmp_path: Path) -> None:
    versioned(tmp_path, "1", None, ids="A B C")
    newer = versioned(tmp_path, "2", "1", ids="A B D")
    text = newer.read_text(encoding="utf-8").replace(
        'supersedes: {version: "1"}', 'supersedes: {version: "1", indicators: {C: D}}'
    )
    newer.write_text(text, encoding="utf-8")
    assert [str(i) for f in validate_paths([tmp_path], strict=True).files for i in f.issues] == []


# ------------------------------------------------------------ comparisons across versions
def test_silver_compares_with_the_bronze_of_the_version_before_through_the_map() -> None:
    result = score_file(SILVER_2019).result
    comparison = result.comparison
    assert comparison is not None
    assert (comparison.previous_criteria, comparison.previous_version) == (
        "esca-bronze",
        "pre-2019",
    )
    assert comparison.mapped is True
    assert comparison.renamed == {}
    assert comparison.not_compared_before == ("B24", "B29", "B35")
    assert comparison.not_compared_now == ("B37", "B38", "B39")
    compared = {c.id for c in comparison.changes}
    assert compared.isdisjoint({"B24", "B29", "B35", "B37", "B38", "B39"})
    assert len(compared) == 33
    # B16, the financing plan, was answered `false` in 2017 and `true` in 2019.
    assert "B16" in comparison.improved
    assert result.level == "silver"


def test_renamed_indicators_are_compared_with_their_counterpart(tmp_path: Path) -> None:
    folder = tmp_path / "renamed"
    folder.mkdir()
    older = versioned(folder, "1", None, ids="A B C")
    newer = versioned(folder, "2", "1", ids="A B D")
    newer.write_text(
        newer.read_text(encoding="utf-8").replace(
            'supersedes: {version: "1"}', 'supersedes: {version: "1", indicators: {C: D}}'
        ),
        encoding="utf-8",
    )
    head = "kind: assessment\nformat: 1\norganisation: {name: Renamed, country: NOR}\n"
    (folder / "a1.yaml").write_text(
        head + "assessment: {date: 2020-01-10}\n"
        f"criteria: {{id: fixture-versions, version: '1', file: {older.name}}}\n"
        "answers: {A: false, B: true, C: false}\n",
        encoding="utf-8",
    )
    (folder / "a2.yaml").write_text(
        head + "assessment: {date: 2022-01-10}\n"
        f"criteria: {{id: fixture-versions, version: '2', file: {newer.name}}}\n"
        "answers: {A: true, B: true, D: true}\nprevious: {file: a1.yaml}\n",
        encoding="utf-8",
    )
    comparison = score_file(folder / "a2.yaml").result.comparison
    assert comparison is not None
    assert comparison.renamed == {"D": "C"}
    assert comparison.improved == ("A", "D")  # D against the C of version 1
    assert (comparison.not_compared_before, comparison.not_compared_now) == ((), ())


def test_versions_no_supersession_links_compare_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "unlinked"
    folder.mkdir()
    old = versioned(folder, "1", None, ids="A B")
    new = versioned(folder, "2", None, ids="A B")
    head = "kind: assessment\nformat: 1\norganisation: {name: Unlinked, country: NOR}\n"
    (folder / "a1.yaml").write_text(
        head
        + f"assessment: {{date: 2020-01-10}}\ncriteria: {{id: fixture-versions, file: {old.name}}}\n"
        "answers: {A: false, B: true}\n",
        encoding="utf-8",
    )
    (folder / "a2.yaml").write_text(
        head
        + f"assessment: {{date: 2022-01-10}}\ncriteria: {{id: fixture-versions, file: {new.name}}}\n"
        "answers: {A: true, B: true}\nprevious: {file: a1.yaml}\n",
        encoding="utf-8",
    )
    comparison = score_file(folder / "a2.yaml").result.comparison
    assert comparison is not None
    assert comparison.mapped is False
    assert comparison.changes == ()
    assert comparison.not_compared_before == ("A", "B")
    assert comparison.not_compared_now == ("A", "B")


def test_compare_names_what_is_not_compared(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(BRONZE_2017), str(SILVER_2019)], capsys)
    assert code == 0
    assert "  then: 2017-11-28  esca-bronze pre-2019  bronze" in out
    assert "  Not compared, only in pre-2019: B24, B29, B35" in out
    assert "  Not compared, new in 2019: B37, B38, B39" in out
    data = compare_files(BRONZE_2017, SILVER_2019).to_dict()
    assert len(data["improved"]) + len(data["declined"]) + len(data["unchanged"]) == 33


def test_counterparts_with_other_points_compare_their_shares() -> None:
    then = Outcome(
        "X",
        "c",
        "met",
        __import__("decimal").Decimal(2),
        __import__("decimal").Decimal(2),
        "green",
        False,
    )
    now = Outcome(
        "X",
        "c",
        "partly_met",
        __import__("decimal").Decimal(2),
        __import__("decimal").Decimal(3),
        "yellow",
        False,
    )
    assert not improved(now, then)  # 2 of 3 is less than 2 of 2
    assert improved(then, now)


# ------------------------------------------------------------------- criteria diff
def test_criteria_diff_of_the_two_bronze_versions_reads_well(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["criteria", "diff", "esca-bronze@pre-2019", "esca-bronze"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "esca-bronze pre-2019 → esca-bronze 2019"
    assert "  2019 supersedes pre-2019" in lines
    assert "  in force: until 14 November 2019 → from 15 November 2019" in lines
    assert "Indicators: 36 → 36 (3 added, 3 removed, 0 renamed, 5 changed, 28 unchanged)" in lines
    expected_block = [
        "  Added",
        "    B37    Services for the digital transition (Services of the cluster management)",
        "    B38    Services for the green transition (Services of the cluster management)",
        "    B39    The social economy (Contacts and interaction within the cluster)",
        "  Removed",
        "    B24    Feedback on services — folded into B19",  # data in the map, not a comment
        "    B29    Information to members",
        "    B35    Annual activity report",
        "  Changed",
        "    B01    Committed members",
        "           bands: green at least 50 members → at least 60 members; "
        "yellow 15 to 49 members → 15 to 59 members",
        "    B04    Member types",
        "           answer: option civil_society (civil society) added",
        "    B07    Dedicated management staff",
        "           minimum requirement: no → yes",
        "           reworded: guidance",
    ]
    start = lines.index("  Added")
    assert lines[start : start + len(expected_block)] == expected_block
    assert (
        "    B19    Documented service portfolio → Documented and evaluated service portfolio"
        in lines
    )
    level = lines.index("  bronze: Bronze")
    assert lines[level + 1] == (
        "    + now requires: Eligibility for the cluster management excellence labels: any of "
        "its levels"
    )
    # Silver reads as before, but asks more: two more minimum requirements, and Bronze's.
    silver = lines.index("  silver: Silver")
    assert lines[silver + 1 : silver + 4] == [
        "    everything Bronze requires, which changed (above)",
        "    every minimum requirement: now 7 instead of 5",
        "      + B07, B16",
    ]
    b19 = lines.index(
        "    B19    Documented service portfolio → Documented and evaluated service portfolio"
    )
    assert "           question changed: an earlier answer is to be checked again" in lines[b19:]
    code, out, _ = run(
        ["criteria", "diff", "esca-bronze@pre-2019", "esca-bronze", "--lang", "nb"], capsys
    )
    assert "    B38    Tjenester for den grønne omstillingen (Klyngeledelsens tjenester)" in out
    assert "Indikatorer: 36 → 36 (3 nye, 3 utgått, 0 med ny id, 5 endret, 28 uendret)" in out
    assert "           minstekrav: nei → ja" in out


def test_criteria_diff_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["criteria", "diff", "esca-bronze@pre-2019", "esca-bronze", "--format", "json"], capsys
    )
    assert code == 0
    data = json.loads(out)
    assert data["counts"] == {"added": 3, "removed": 3, "renamed": 0, "changed": 5, "unchanged": 28}
    assert data["paired_by_id"] is False
    b16 = next(d for d in data["indicators"] if d["new"] == "B16")
    assert {"field": "minimum_requirement", "before": False, "after": True} in b16["changes"]
    bronze = next(p for p in data["levels"] if p["id"] == "bronze")
    [added] = bronze["requirements_added"]
    assert (added["kind"], added["criteria"]) == ("criteria", "esca-eligibility")
    silver = next(p for p in data["levels"] if p["id"] == "silver")
    assert silver["kind"] == "changed"
    assert silver["changes"] == [
        {"field": "level", "before": "bronze", "after": "bronze"},
        {
            "field": "minimums",
            "before": ["B08", "B09", "B10", "B19", "B25"],
            "after": ["B07", "B08", "B09", "B10", "B16", "B19", "B25"],
        },
    ]
    assert data["supersedes"]["version"] == "pre-2019"
    assert data["supersedes"]["note"]["en"].startswith("Questions on megatrends")
    assert (data["supersedes"]["folded"], data["supersedes"]["recheck"]) == (
        {"B24": "B19"},
        ["B19"],
    )


def test_criteria_diff_of_unlinked_sets_pairs_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["criteria", "diff", "esca-gold", "esca-bronze"], capsys)
    assert code == 0
    assert "does not supersede esca-gold@2019: indicators are paired by their ids" in out


# --------------------------------------------------------------------------- migrate
def test_migrate_moves_an_assessment_onto_the_newer_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "next" / "2019-bronze.yaml"
    target.parent.mkdir()
    code, out, _ = run(
        ["migrate", str(BRONZE_2017), "--to", "esca-bronze@2019", "-o", str(target)], capsys
    )
    assert code == 0
    assert out.splitlines() == [
        f"wrote {target}: esca-bronze@pre-2019 → esca-bronze@2019, 33 answers carried over",
        "  dropped (kept as comments): B24, B29, B35",
        "  left to answer: B37, B38, B39",
        "  also required now, under `related`: esca-eligibility",
        "  to check again (carried over, the question changed): B19",  # B24 folded into it
        *(
            f"  warning: answers.{key}: {key} ({title}) is not answered; the assessment is "
            "incomplete [CB306]"
            for key, title in (
                ("B37", "Services for the digital transition"),
                ("B38", "Services for the green transition"),
                ("B39", "The social economy"),
            )
        ),
        "  warning: criteria.version: esca-bronze 2019 is in force from 2019-11-15, but the "
        "assessment is dated 2017-11-28; score it with version pre-2019, in force then [CB316]",
        "  set assessment.date to the day of the new assessment, on or after 2019-11-15 "
        "(esca-bronze@2019 is in force from then)",
    ]
    text = target.read_text(encoding="utf-8")
    original = BRONZE_2017.read_text(encoding="utf-8")
    assert 'criteria: {id: esca-bronze, version: "2019"}' in text
    assert (
        "# Moved from esca-bronze@pre-2019 to esca-bronze@2019 by `clusterbench migrate`." in text
    )
    assert "# Carried over, to check again (the question changed): B19.\n" in text
    assert "# Set `assessment.date` to the new assessment's day: on or after 2019-11-15.\n" in text
    # Nothing is lost: the dropped answers are comments, every other line is as written.
    assert "  # B29: monthly" in text
    assert "  # -- Structure of the cluster" in text
    for line in original.splitlines():
        if line.startswith("  B") and line[3:5] not in ("24", "29", "35"):
            assert line in text
    assert "  # B37: {value: , evidence: [], comment: }" in text
    assert "  #   How does the cluster management help members with the digital transition" in text
    # The file validates on the new version: warnings say what is left to do.
    [report] = validate_paths([target]).files
    assert report.valid
    codes = sorted({i.code for i in report.issues})
    assert codes == ["CB306", "CB316"]  # questions left, and a date before the version


def test_migrate_keeps_links_and_never_writes_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fjordhelse"
    shutil.copytree(EXAMPLES / "fjordhelse", folder)
    moved = tmp_path / "elsewhere" / "silver.yaml"
    moved.parent.mkdir()
    code, _, err = run(
        ["migrate", str(folder / "2019-silver.yaml"), "--to", "esca-bronze@2019", "-o", str(moved)],
        capsys,
    )
    assert code == 1
    assert "already answers esca-bronze@2019" in err
    code, _, _ = run(
        ["migrate", str(folder / "2017-bronze.yaml"), "--to", "esca-bronze", "-o", str(moved)],
        capsys,
    )
    assert code == 0
    code, _, err = run(
        ["migrate", str(folder / "2017-bronze.yaml"), "--to", "esca-bronze", "-o", str(moved)],
        capsys,
    )
    assert code == 2
    assert "exists; use --force" in err
    code, _, err = run(
        [
            "migrate",
            str(folder / "2017-bronze.yaml"),
            "--to",
            "esca-bronze",
            "-o",
            str(folder / "2017-bronze.yaml"),
            "--force",
        ],
        capsys,
    )
    assert code == 1
    assert "input" in err
    assert (folder / "2017-bronze.yaml").read_text(encoding="utf-8") == BRONZE_2017.read_text(
        encoding="utf-8"
    )


def test_migrate_refuses_to_go_back_and_rewrites_paths_from_where_it_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "history"
    shutil.copytree(EXAMPLES / "fjordhelse", folder)
    silver = folder / "2019-silver.yaml"
    code, _, err = run(
        ["migrate", str(silver), "--to", "esca-bronze@pre-2019", "-o", str(tmp_path / "x.yaml")],
        capsys,
    )
    assert code == 1
    assert "esca-bronze@pre-2019 does not descend from esca-bronze@2019" in err
    # A Silver written on the old version, moved into a sub-folder: its previous file
    # is still found from there.
    old = silver.read_text(encoding="utf-8").replace('version: "2019"}', "version: pre-2019}")
    for key in ("B37", "B38", "B39"):
        start = old.index(f"  {key}:\n")
        end = old.index("\n  B", start + 1) if key != "B39" else old.index("\nrelated:")
        old = old[:start] + old[end + 1 :]
    silver.write_text(old, encoding="utf-8")
    target = folder / "moved" / "silver.yaml"
    target.parent.mkdir()
    code, _, _ = run(["migrate", str(silver), "--to", "esca-bronze", "-o", str(target)], capsys)
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert "previous: {file: ../2017-bronze.yaml}" in text
    assert "decision:" in text
    assert "# The decision below was taken on esca-bronze@pre-2019" in text
    assert validate_paths([target]).valid
    code, out, err = run(["migrate", str(silver), "--to", "esca-bronze", "-o", "-"], capsys)
    assert code == 0
    assert out.startswith("# yaml-language-server")
    assert "previous: {file: 2017-bronze.yaml}" in out  # beside the original
    assert err.startswith("wrote standard output:")


def test_an_improved_requirement_counts_counterparts_across_versions(tmp_path: Path) -> None:
    """Silver-style "improved since the previous assessment", with a renamed indicator."""
    folder = tmp_path / "improved"
    folder.mkdir()
    older = versioned(folder, "1", None, ids="A B C")
    newer = versioned(folder, "2", "1", ids="A B D")
    for path, extra in ((older, ""), (newer, ", indicators: {C: D}")):
        text = path.read_text(encoding="utf-8").replace(
            'supersedes: {version: "1"}', f'supersedes: {{version: "1"{extra}}}'
        )
        text = text.replace(
            "levels: [{id: met, title: Met, requires: [{kind: indicators_met, at_least: 1}]}]",
            "levels:\n  - {id: met, title: Met, requires: [{kind: indicators_met, at_least: 1}]}\n"
            "  - {id: better, title: Better, requires: [{kind: level, level: met}, "
            "{kind: improved, at_least: 2}]}",
        )
        path.write_text(text, encoding="utf-8")
    head = "kind: assessment\nformat: 1\norganisation: {name: Better, country: NOR}\n"
    (folder / "a1.yaml").write_text(
        head + "assessment: {date: 2020-01-10}\n"
        f"criteria: {{id: fixture-versions, version: '1', file: {older.name}}}\n"
        "answers: {A: false, B: true, C: false}\n",
        encoding="utf-8",
    )
    (folder / "a2.yaml").write_text(
        head + "assessment: {date: 2022-01-10}\n"
        f"criteria: {{id: fixture-versions, version: '2', file: {newer.name}}}\n"
        "answers: {A: true, B: true, D: true}\nprevious: {file: a1.yaml}\n",
        encoding="utf-8",
    )
    result = score_file(folder / "a2.yaml").result
    assert result.level == "better"  # A, and D against the C it replaces
    better = result.level_result("better")
    assert better is not None
    improved = next(r for r in better.requirements if r.kind == "improved")
    assert (improved.actual, improved.indicators) == (2, ("A", "D"))


# ------------------------------------------------- a renamed indicator across versions
def renamed_bronze(folder: Path) -> tuple[Path, Path]:
    """The two bundled Bronze versions as a set of their own (`xb`) whose newer version
    renames B19 to B40, and the health cluster's Bronze and Silver moved onto them."""
    criteria = ROOT / "criteria"
    old = (criteria / "esca-bronze@pre-2019.yaml").read_text(encoding="utf-8")
    new = (criteria / "esca-bronze.yaml").read_text(encoding="utf-8")
    (folder / "xb-old.yaml").write_text(
        old.replace("id: esca-bronze\n", "id: xb\n"), encoding="utf-8"
    )
    new = new.replace("id: esca-bronze\n", "id: xb\n").replace("  - id: B19\n", "  - id: B40\n")
    new = new.replace("    B29: null", "    B19: B40\n    B29: null", 1)
    new = new.replace("folded: {B24: B19}", "folded: {B24: B40}", 1)
    (folder / "xb-new.yaml").write_text(new, encoding="utf-8")
    bronze = BRONZE_2017.read_text(encoding="utf-8").replace(
        "criteria: {id: esca-bronze, version: pre-2019}",
        "criteria: {id: xb, version: pre-2019, file: xb-old.yaml}",
    )
    bronze = bronze.replace("  B19:\n    value: true", "  B19:\n    value: false")  # improved
    silver = SILVER_2019.read_text(encoding="utf-8").replace(
        'criteria: {id: esca-bronze, version: "2019"}',
        'criteria: {id: xb, version: "2019", file: xb-new.yaml}',
    )
    silver = silver.replace("\n  B19:", "\n  B40:")
    (folder / "2017-bronze.yaml").write_text(bronze, encoding="utf-8")
    (folder / "2019-silver.yaml").write_text(silver, encoding="utf-8")
    return folder / "2017-bronze.yaml", folder / "2019-silver.yaml"


def test_compare_pairs_a_renamed_indicator_with_its_counterpart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bronze, silver = renamed_bronze(tmp_path)
    assert validate_paths([tmp_path], strict=False).valid
    comparison = compare_files(bronze, silver)
    [b40] = [c for c in comparison.changes if c.id == "B40"]
    assert (b40.was, b40.change, b40.before, b40.after) == ("B19", "improved", False, True)
    code, out, err = run(["compare", str(bronze), str(silver)], capsys)
    assert (code, err) == (0, "")
    assert "  B40 was B19 in pre-2019" in out
    assert "  B40    Documented and evaluated service p (was B19) no → yes" in out


def test_compare_as_json_says_what_the_text_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bronze, silver = renamed_bronze(tmp_path)
    code, out, _ = run(["compare", str(bronze), str(silver), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    # A benchmarking awards no points: null, not 0 of 0.
    assert data["old"] == {
        "date": "2017-11-28",
        "criteria": "xb",
        "version": "pre-2019",
        "level": "bronze",
        "points": None,
        "max_points": None,
    }
    assert data["new"]["version"] == "2019"
    assert data["versions"] == {
        "previous": "pre-2019",
        "mapped": True,
        "renamed": {"B40": "B19"},
        "not_compared_before": ["B24", "B29", "B35"],
        "not_compared_now": ["B37", "B38", "B39"],
    }
    b40 = next(c for c in data["changes"] if c["id"] == "B40")
    assert (b40["was"], b40["change"], b40["before"], b40["after"]) == (
        "B19",
        "improved",
        False,
        True,
    )
    gold = EXAMPLES / "fjordhelse"
    code, out, _ = run(
        [
            "compare",
            str(gold / "2021-gold.yaml"),
            str(gold / "2023-gold-renewal.yaml"),
            "--format",
            "json",
        ],
        capsys,
    )
    data = json.loads(out)
    assert (data["old"]["points"], data["old"]["max_points"]) == (142.5, 150)


# ------------------------------------------------ Gold before and after eligibility
def test_gold_before_november_2019_needs_no_eligibility(tmp_path: Path) -> None:
    """Eligibility exists since 15 November 2019: a Gold of 2018 is scored on the 2013
    version, which does not ask for it; from that day the 2019 version does."""
    library = CriteriaLibrary()
    old, new = library.get("esca-gold@2013"), library.get("esca-gold")
    assert (old.in_force and old.in_force.until, new.in_force and new.in_force.from_) == (
        dt.date(2019, 11, 14),
        dt.date(2019, 11, 15),
    )
    assert new.version == "2019"
    assert new.supersedes is not None
    assert (new.supersedes.version, dict(new.supersedes.indicators)) == ("2013", {})
    assert [i.id for i in old.indicators] == [i.id for i in new.indicators]
    assert [r.kind for r in old.level("gold").requires] == ["score", "minimums"]  # type: ignore[union-attr]
    assert [r.kind for r in new.level("gold").requires] == ["criteria", "score", "minimums"]  # type: ignore[union-attr]
    text = (EXAMPLES / "fjordhelse" / "2021-gold.yaml").read_text(encoding="utf-8")
    start, end = text.index("related:\n"), text.index("previous: {file: 2019-silver.yaml}\n")
    earlier = (
        text[:start]
        .replace("  date: 2021-11-09\n", "  date: 2018-11-06\n")
        .replace(
            'criteria: {id: esca-gold, version: "2019"}',
            'criteria: {id: esca-gold, version: "2013"}',
        )
        .replace("  date: 2021-11-30\n", "  date: 2018-11-27\n")
        .replace("G18:\n    value: 2021-03-26", "G18:\n    value: 2018-03-26")
        .replace("G06:\n    value: 2020-06-16", "G06:\n    value: 2017-06-16")
        .replace("data_years: [2020, 2021]", "data_years: [2017, 2018]")
    )
    gold_2018 = tmp_path / "2018-gold.yaml"
    gold_2018.write_text(
        earlier + text[end:].replace("previous: {file: 2019-silver.yaml}\n", ""), encoding="utf-8"
    )
    [report] = validate_paths([gold_2018]).files
    assert [str(i) for i in report.issues] == []
    result = score_file(gold_2018).result
    assert (result.criteria.version, result.level) == ("2013", "gold")
    assert result.score.share is not None
    assert result.score.share > Decimal("0.8")
    # The demo of November 2021 scores exactly as before, on the 2019 version.
    demo = score_file(EXAMPLES / "fjordhelse" / "2021-gold.yaml").result
    assert (demo.criteria.version, demo.level, demo.score.points) == ("2019", "gold", 142.5)


def test_migrate_to_a_version_in_a_users_own_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--to` takes a path as well as ID@VERSION; the new file names that criteria file,
    lists the answers whose question changed, and says what validate warns about."""
    bronze, _ = renamed_bronze(tmp_path)
    out_file = tmp_path / "next" / "2019-start.yaml"
    out_file.parent.mkdir()
    code, out, _ = run(
        ["migrate", str(bronze), "--to", str(tmp_path / "xb-new.yaml"), "-o", str(out_file)],
        capsys,
    )
    assert code == 0, out
    lines = out.splitlines()
    assert "  renamed: B19 → B40" in lines
    assert "  to check again (carried over, the question changed): B40" in lines
    assert any(
        line.startswith("  warning: criteria.version:") and "[CB316]" in line for line in lines
    )
    assert (
        "  set assessment.date to the day of the new assessment, on or after 2019-11-15 "
        "(xb@2019 is in force from then)"
    ) in lines
    text = out_file.read_text(encoding="utf-8")
    assert 'criteria: {id: xb, version: "2019", file: ../xb-new.yaml}' in text
    [report] = validate_paths([out_file]).files
    assert report.valid
    # Through the API alike: the file kept, the answers to re-check named.
    from clusterbench.loader.chain import AssessmentReader
    from clusterbench.pipeline.migrate import migrate
    from clusterbench.report.phrases import Phrases
    from clusterbench.report.phrases.migration import MigrationNotes

    reader = AssessmentReader()
    target = reader.library.file(tmp_path / "xb-new.yaml")
    moved = migrate(
        reader.read(bronze), target, reader.library, MigrationNotes(Phrases("en", target))
    )
    assert 'criteria: {id: xb, version: "2019", file: xb-new.yaml}' in moved.text
    assert moved.recheck == ("B40",)


def test_a_fold_into_an_unknown_indicator_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "criteria" / "esca-bronze.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "esca-bronze.yaml"
    wrong.write_text(
        text.replace("id: esca-bronze\n", "id: xb\n").replace(
            "folded: {B24: B19}", "folded: {B24: B91, B29: B20}\n  recheck: [B37]"
        ),
        encoding="utf-8",
    )
    [report] = validate_paths([wrong]).files
    found = sorted((i.code, i.path) for i in report.issues if i.code == "CB223")
    assert found == [
        ("CB223", "supersedes.folded.B24"),  # B91 is no indicator (B29 into B20 is fine)
        ("CB223", "supersedes.recheck[0]"),  # B37 is new: nothing carries over to it
    ], found
