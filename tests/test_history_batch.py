"""compare, history and batch: one organisation over time, and many assessments at once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from benchmarks.generate import generate

from clusterbench import NotFoundError, compare_files, history_of, load_criteria
from clusterbench.batch import MANIFEST, BatchOptions, planning, run_batch, runner
from clusterbench.batch.planning import environment_hash
from clusterbench.cli import main
from clusterbench.pipeline.cohort import build_cohort_from, write_cohort

from .conftest import FIXTURES, ROOT

EXAMPLES = ROOT / "examples"


def test_compare_lists_changes_with_values_and_improvement_areas() -> None:
    comparison = compare_files(
        EXAMPLES / "fjordhelse" / "2017-bronze.yaml", EXAMPLES / "fjordhelse" / "2019-silver.yaml"
    )
    data = comparison.to_dict()
    assert data["old"]["level"] == "bronze"
    assert data["new"]["level"] == "silver"
    assert data["months"] == 23
    assert data["same_criteria"] is True
    b16 = next(c for c in data["changes"] if c["id"] == "B16")
    assert (b16["change"], b16["before"], b16["after"]) == ("improved", False, True)
    areas = {a["indicator"]: a for a in data["improvement_areas"]}
    assert areas["B25"]["verified"] is True
    assert areas["B25"]["counts"] is True
    # The Bronze of 2017 answered the version before the restructuring of November 2019:
    # 33 indicators have a counterpart and are compared, the others are named.
    assert len(data["improved"]) + len(data["declined"]) + len(data["unchanged"]) == 33
    comparison2019 = comparison.new.result.comparison
    assert comparison2019 is not None
    assert comparison2019.previous_version == "pre-2019"
    assert comparison2019.not_compared_before == ("B24", "B29", "B35")
    assert comparison2019.not_compared_now == ("B37", "B38", "B39")


def test_compare_refuses_the_files_in_the_wrong_order(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "compare",
            str(EXAMPLES / "fjordhelse" / "2019-silver.yaml"),
            str(EXAMPLES / "fjordhelse" / "2017-bronze.yaml"),
        ]
    )
    assert code == 2  # the command line names the files in the wrong order
    assert "give the older file first" in capsys.readouterr().err


def test_compare_text(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "compare",
            str(EXAMPLES / "fjordhelse" / "2019-silver.yaml"),
            str(EXAMPLES / "fjordhelse" / "2021-gold.yaml"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "then: 2019-11-19  esca-bronze 2019  silver" in out
    assert "now : 2021-11-09  esca-gold 2019  gold" in out
    assert "different criteria" in out


def test_history_of_an_organisation(tmp_path: Path) -> None:
    history = history_of([EXAMPLES], "FJORDHELSE CLUSTER")
    assert [(e.date.isoformat(), e.criteria, e.level) for e in history.entries] == [
        ("2014-06-10", "no-innovation-clusters", "arena"),
        ("2017-05-16", "no-innovation-clusters", "arena"),
        ("2017-11-28", "esca-bronze", "bronze"),
        ("2019-06-04", "no-innovation-clusters", "arena_pro"),
        ("2019-11-19", "esca-bronze", "silver"),
        ("2021-11-09", "esca-gold", "gold"),
        ("2022-03-15", "no-innovation-clusters", "arena_pro"),  # the review: NCE
        ("2023-10-24", "esca-gold", None),  # the renewal attempt
    ]
    assert history.gaps == ()  # the Silver was still valid when the Gold came
    # Assessed two months after the Silver expired, the Gold leaves a gap.
    folder = tmp_path / "fjordhelse"
    shutil.copytree(EXAMPLES / "fjordhelse", folder)
    programme = ("2014-arena", "2017-arena-extension", "2019-arena-pro", "2022-arena-pro-review")
    for name in (*programme, "2023-gold-renewal"):
        (folder / f"{name}.yaml").unlink()  # the labels alone, without the programme's
    gold = folder / "2021-gold.yaml"
    text = gold.read_text(encoding="utf-8")
    gold.write_text(
        text.replace("  date: 2021-11-09\n", "  date: 2022-01-19\n").replace(
            "  date: 2021-11-30\n", "  date: 2022-02-01\n"
        ),
        encoding="utf-8",
    )
    late = history_of([folder], "Fjordhelse Cluster")
    assert [(a.isoformat(), b.isoformat()) for a, b in late.gaps] == [("2021-11-19", "2022-01-18")]
    upcoming = history.next_renewal
    assert upcoming is not None
    assert upcoming.level == "arena_pro"  # on the day of the latest decision (2023-11-21)
    assert upcoming.valid_until is not None
    assert upcoming.valid_until.isoformat() == "2024-06-03"
    with pytest.raises(NotFoundError, match="did you mean 'Fjordhelse Cluster'"):
        history_of([EXAMPLES], "Fjordhelse Klynge")


def test_history_renewals_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "renewals"
    folder.mkdir()
    base = (FIXTURES / "scoring" / "bronze-2019.yaml").read_text(encoding="utf-8")
    base = base.replace("file: threshold.yaml", f"file: {FIXTURES / 'scoring' / 'threshold.yaml'}")
    (folder / "a.yaml").write_text(base)
    renewed = base.replace("date: 2019-11-15", "date: 2022-06-01") + "previous: {file: a.yaml}\n"
    (folder / "b.yaml").write_text(renewed)
    assert (
        main(
            [
                "history",
                str(folder),
                "--organisation",
                "Fjordtech Cluster",
                "--format",
                "json",
                "--as-of",
                "2023-01-01",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert [e["renewal"] for e in data["entries"]] == [False, True]
    assert data["entries"][1]["valid_until"] == "2024-11-14"  # 2021-11-14 + 36 months
    assert data["gaps"] == [{"from": "2021-11-15", "to": "2022-05-31"}]
    assert data["next_renewal"]["renew_by"] == "2025-11-14"


def test_history_tells_organisations_of_one_name_apart_by_country(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (EXAMPLES / "fjordhelse" / "2017-bronze.yaml").read_text(encoding="utf-8")
    (tmp_path / "nor.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "swe.yaml").write_text(
        text.replace("country: NOR", "country: SWE"), encoding="utf-8"
    )
    assert main(["history", str(tmp_path), "--organisation", "Fjordhelse Cluster"]) == 2
    assert "names organisations in NOR, SWE; say which with --country" in capsys.readouterr().err
    code = main(
        [
            "history",
            str(tmp_path),
            "--organisation",
            "Fjordhelse Cluster",
            "--country",
            "SWE",
            "--format",
            "json",
        ]
    )
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert code == 0
    assert [Path(e["file"]).name for e in entries] == ["swe.yaml"]


# --------------------------------------------------------------------- batch
@pytest.fixture
def assessments(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    generate(load_criteria("esca-gold"), 8, folder, seed=11)
    return folder


def test_batch_json_manifest_and_incremental_runs(assessments: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    options = BatchOptions(out_dir=out, form="json", jobs=2)
    first = run_batch(assessments, options)
    assert [i.status for i in first] == ["rendered"] * 8
    manifest = json.loads((out / MANIFEST).read_text())
    assert len(manifest["items"]) == 8
    entry = manifest["items"][0]
    assert {
        "input",
        "output",
        "level",
        "points",
        "criteria_hash",
        "fingerprint",
        "status",
        "error",
    } <= set(entry)
    assert json.loads(Path(entry["output"]).read_text())["level"] == entry["level"]

    second = run_batch(assessments, options)
    assert [i.status for i in second] == ["unchanged"] * 8
    assert [i.level for i in second] == [i.level for i in first]

    changed = sorted(assessments.glob("*.yaml"))[3]
    changed.write_text(
        changed.read_text().replace("members:", "members: 1\n  # members were:"), encoding="utf-8"
    )
    third = run_batch(assessments, options)
    assert sum(i.status == "rendered" for i in third) == 1

    (out / Path(first[0].output).name).unlink()
    fourth = run_batch(assessments, options)
    assert sum(i.status == "rendered" for i in fourth) == 1  # a missing output is made again

    forced = run_batch(assessments, BatchOptions(out_dir=out, form="json", jobs=2, force=True))
    assert [i.status for i in forced] == ["rendered"] * 8


def test_batch_with_a_cohort_records_the_peers_and_follows_the_cohort(
    assessments: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = tmp_path / "cohort.json"
    write_cohort(build_cohort_from([assessments], min_size=1).cohort, cohort)
    out = tmp_path / "out"
    options = BatchOptions(out_dir=out, form="json", jobs=1, cohort=cohort)
    first = run_batch(assessments, options)
    assert all(i.peers is not None and i.note is None for i in first)
    assert json.loads(Path(first[0].output).read_text())["peers"]["group"] == first[0].peers
    assert {i.status for i in run_batch(assessments, options)} == {"unchanged"}

    # Another cohort, here one of other criteria: everything is made again, with a note.
    write_cohort(build_cohort_from([EXAMPLES / "young-fashion"], min_size=1).cohort, cohort)
    code = main(
        ["batch", str(assessments), "-o", str(out), "--format", "json", "--cohort", str(cohort)]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert "8 rendered" in captured.out
    assert "8 without a peer comparison" in captured.err
    entries = json.loads((out / MANIFEST).read_text())["items"]
    assert all(e["peers"] is None for e in entries)
    assert entries[0]["note"].startswith("the cohort has no assessments of esca-gold")


def test_a_bad_file_never_stops_the_others(
    assessments: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (assessments / "broken.yaml").write_text(
        "kind: assessment\nformat: 1\norganisation: {name: X}\n"
    )
    code = main(
        ["batch", str(assessments), "-o", str(tmp_path / "out"), "--format", "json", "--jobs", "2"]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert "9 assessments" in captured.out
    assert "8 rendered" in captured.out
    assert "1 failed" in captured.out
    assert (
        "broken.yaml:3:15: organisation.country: missing required key 'country' [CB103]"
        in captured.err
    )
    assert "[9/9]" in captured.err  # plain progress lines when stderr is not a terminal


def test_batch_renders_pdfs_with_recycled_workers(assessments: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    items = run_batch(
        assessments, BatchOptions(out_dir=out, form="pdf", jobs=2, recycle=1, audience="summary")
    )
    assert [i.status for i in items] == ["rendered"] * 8
    for item in items:
        assert len(pypdf.PdfReader(item.output).pages) in (2, 3)


def test_an_interrupted_batch_keeps_finished_files_and_no_partial_ones(
    assessments: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # A temporary left by a writer that was killed (its process id is long gone).
    (out / ".assessment-00005.json.4999999.abcdefgh.part").write_text("half")
    real = runner._run

    def interrupted(todo: list[runner.Item], *args):  # type: ignore[no-untyped-def]
        for index, item in enumerate(real(todo, *args)):
            yield item
            if index == 2:
                raise KeyboardInterrupt

    monkeypatch.setattr(runner, "_run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch(assessments, BatchOptions(out_dir=out, form="json", jobs=1))
    assert not list(out.glob(".*.part"))
    manifest = json.loads((out / MANIFEST).read_text())
    # Exactly what was finished: at least the three seen, and every output on disk.
    assert len(manifest["items"]) >= 3
    assert {Path(i["output"]).name for i in manifest["items"]} == {
        p.name for p in out.glob("*.json") if p.name != MANIFEST
    }


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_stopping_a_real_batch(assessments: Path, tmp_path: Path, how: str) -> None:
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "clusterbench",
            "batch",
            str(assessments),
            "-o",
            str(out),
            "--jobs",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob("*.pdf")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(out.glob("*.pdf")), "no PDF was written in time"
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    else:
        process.terminate()  # as a CI timeout or a service stop does: the batch process only
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted" in err
    assert not list(out.rglob(".*.part"))
    for pdf in out.glob("*.pdf"):
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
        pypdf.PdfReader(pdf)
    listed = {Path(i["output"]).name for i in json.loads((out / MANIFEST).read_text())["items"]}
    assert listed == {p.name for p in out.glob("*.pdf")}


def test_wrong_options_stop_the_batch_before_any_work(
    assessments: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    broken = tmp_path / "cohort.json"
    broken.write_text('{"kind": "cohort"}', encoding="utf-8")
    assert main(["batch", str(assessments), "-o", str(out), "--cohort", str(broken)]) == 1
    assert f"{broken}:1:1: by: missing required key 'by' [CB103]" in capsys.readouterr().err
    missing = tmp_path / "nowhere.json"
    assert main(["batch", str(assessments), "-o", str(out), "--cohort", str(missing)]) == 2
    assert f"argument --cohort: {missing}: no such file or directory" in capsys.readouterr().err
    assert main(["batch", str(assessments), "-o", str(out), "--lang", "xx"]) == 2
    assert "argument --lang: invalid choice: 'xx'" in capsys.readouterr().err
    assert main(["batch", str(assessments), "-o", str(out), "--templates", str(missing)]) == 2
    assert f"argument --templates: {missing}: no such file or directory" in capsys.readouterr().err
    assert main(["batch", str(assessments), "-o", str(out), "--templates", str(broken)]) == 1
    assert f"{broken}: no such templates folder" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_a_run_is_recognised_however_the_folders_are_written(
    assessments: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_batch(assessments, BatchOptions(out_dir=tmp_path / "out", form="json"))
    monkeypatch.chdir(tmp_path)
    again = run_batch(Path("in/../in"), BatchOptions(out_dir=Path("./out"), form="json"))
    assert {i.status for i in again} == {"unchanged"}


def test_inputs_that_would_share_an_output_keep_their_own(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    generate(load_criteria("esca-gold"), 1, folder, seed=5)
    (only,) = folder.glob("*.yaml")
    only.with_suffix(".yml").write_bytes(only.read_bytes())
    items = run_batch(folder, BatchOptions(out_dir=tmp_path / "out", form="json"))
    assert sorted(i.key for i in items) == [f"{only.stem}.json", f"{only.stem}.yml.json"]
    assert all(Path(i.output).is_file() for i in items)
    assert {
        i.status for i in run_batch(folder, BatchOptions(out_dir=tmp_path / "out", form="json"))
    } == {"unchanged"}


def test_the_fingerprint_follows_clusterbench_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    (package / "report" / "locale").mkdir(parents=True)
    (package / "scoring.py").write_text("A = 1\n")
    catalogue = package / "report" / "locale" / "nb.po"
    catalogue.write_text('msgid "Level"\nmsgstr "Nivå"\n')
    monkeypatch.setattr(planning, "_PACKAGE", package)
    options = BatchOptions(out_dir=tmp_path / "out")
    first = environment_hash(options)
    catalogue.write_text('msgid "Level"\nmsgstr "Nivået"\n')
    assert environment_hash(options) != first
    (package / "notes.txt").write_text("not code")
    second = environment_hash(options)
    assert environment_hash(options) == second


def test_a_broken_previous_assessment_is_reported_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for source in (EXAMPLES / "fjordhelse").glob("*.yaml"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    bronze = tmp_path / "2017-bronze.yaml"
    bronze.write_text(
        bronze.read_text(encoding="utf-8").replace("date: 2017-11-28", "date: 2017-13-28"),
        encoding="utf-8",
    )
    code = main(["score", str(tmp_path / "2021-gold.yaml")])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    text = bronze.read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, t in enumerate(text) if t.startswith("  date: 2017-13-28"))
    assert err[0].startswith(f"{bronze}:{line}:9: assessment.date:")
    # The link to the file to fix, and what to fix in it: not every link in between.
    assert err[1:] == [
        f"{tmp_path / '2021-gold.yaml'}:420:18: previous.file: 2019-silver.yaml is not a valid "
        "assessment; fix its errors first [CB309]",
        "clusterbench score: 2 errors",
    ]
