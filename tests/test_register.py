"""The register: statuses on every boundary day, decisions, organisations told apart,
the outputs; history on a day; certificates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from clusterbench import ReportError, history_of, score_file
from clusterbench.cli import main
from clusterbench.pipeline.register import build_register
from clusterbench.pipeline.validation import validate_paths
from clusterbench.report.certificate import render_certificate

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
D = dt.date.fromisoformat


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def row_of(on: str, organisation: str, criteria: str, folder: Path = EXAMPLES):
    register = build_register([folder], on=D(on))
    [row] = [
        r for r in register.rows if r.organisation == organisation and r.criteria.id == criteria
    ]
    return row


# ------------------------------------------------------------ boundary days
@pytest.mark.parametrize(
    ("on", "row_status", "status", "step", "by"),
    [
        # Assessed, the body has not decided yet: the Bronze is still the label in force.
        ("2024-06-25", "valid", "pending", "decide", None),
        ("2024-06-26", "valid", "valid", "renew", "2026-05-27"),  # the day of the decision
        ("2026-05-27", "valid", "valid", "renew", "2026-05-27"),  # the last day of validity
        ("2026-05-28", "renewal_window", "renewal_window", "renew_late", "2027-05-27"),  # after
        ("2027-05-27", "renewal_window", "renewal_window", "renew_late", "2027-05-27"),  # last
        ("2027-05-28", "expired", "expired", "reassess", None),  # the day after that
    ],
)
def test_every_boundary_day(
    on: str, row_status: str, status: str, step: str, by: str | None
) -> None:
    row = row_of(on, "Audums Fashion Cluster", "esca-bronze")
    standing = row.labels[-1].standing
    assert row.status == row_status
    assert standing.status == status
    assert standing.level == "silver"
    assert standing.next_step is not None
    assert standing.next_step.kind == step
    assert standing.deadline == (D(by) if by else None)


def test_a_later_approved_label_supersedes_the_earlier_one() -> None:
    row = row_of("2024-06-30", "Audums Fashion Cluster", "esca-bronze")
    first, second = row.labels
    assert first.standing.status == "superseded"
    assert first.standing.superseded_by is not None
    assert first.standing.superseded_by.since == D("2024-06-26")  # the Silver's approval
    assert second.standing.status == "valid"
    # Before the Silver decision (2024-06-26), the Bronze was still the label in force,
    # with the Silver pending beside it.
    row = row_of("2024-06-25", "Audums Fashion Cluster", "esca-bronze")
    assert [label.standing.status for label in row.labels] == ["valid", "pending"]
    assert row.status == "valid"
    assert row.current is not None
    assert row.current.standing.level == "bronze"
    assert row.pending is not None
    assert row.pending.standing.recommended == "silver"


def test_nothing_after_the_day_asked_about_is_known() -> None:
    register = build_register([EXAMPLES], on=D("2020-01-01"))
    assert sorted({r.organisation for r in register.rows}) == [
        "Fjordhelse Cluster",
        "Vevnad Fashion Cluster",
    ]
    [row] = [
        r
        for r in register.rows
        if r.organisation == "Fjordhelse Cluster" and r.criteria.id == "esca-bronze"
    ]
    assert [label.date.isoformat() for label in row.labels] == ["2017-11-28", "2019-11-19"]


def copy_examples(tmp_path: Path) -> Path:
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_without_a_decision_the_level_is_pending(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path)
    gold = folder / "fjordhelse" / "2021-gold.yaml"
    text = gold.read_text(encoding="utf-8")
    gold.write_text(text[: text.index("# The labelling body's decision")], encoding="utf-8")
    row = row_of("2022-01-01", "Fjordhelse Cluster", "esca-gold", folder)
    assert row.status == "pending"
    assert row.shown.standing.next_step is not None
    assert row.shown.standing.next_step.kind == "decide"
    assert row.shown.standing.valid_until is None


# ------------------------------------------------------------------- decisions
def decided(tmp_path: Path, decision: str) -> Path:
    folder = copy_examples(tmp_path)
    gold = folder / "fjordhelse" / "2021-gold.yaml"
    text = gold.read_text(encoding="utf-8")
    gold.write_text(text[: text.index("decision:")] + decision, encoding="utf-8")
    return gold


def test_a_decision_dated_before_the_assessment_is_an_error(tmp_path: Path) -> None:
    gold = decided(tmp_path, "decision: {status: approved, date: 2021-10-01}\n")
    report = validate_paths([gold])
    [issue] = report.files[0].issues
    assert issue.code == "CB315"
    assert issue.path == "decision.date"
    assert "before the assessment (2021-11-09)" in issue.message


def test_a_decision_for_an_unknown_level_is_an_error(tmp_path: Path) -> None:
    gold = decided(tmp_path, "decision: {status: approved, date: 2021-11-30, level: platinum}\n")
    [issue] = validate_paths([gold]).files[0].issues
    assert (issue.code, issue.path) == ("CB315", "decision.level")
    assert "esca-gold has no level 'platinum'" in issue.message


def test_a_decision_for_a_level_not_reached_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = decided(tmp_path, "decision: {status: approved, date: 2021-11-30}\n")
    text = gold.read_text(encoding="utf-8")
    gold.write_text(
        text.replace("  G05:\n    value: true", "  G05:\n    value: false"), encoding="utf-8"
    )
    [issue] = validate_paths([gold]).files[0].issues
    assert (issue.code, issue.path) == ("CB315", "decision.status")
    assert "the decision is for a label, but the assessment reaches no level" in issue.message
    assert score_file(gold).result.level is None  # still scored: the error is the decision's
    register = build_register([gold.parent], on=D("2022-01-01"))
    # The Gold is not counted (the renewal attempt of 2023 is not known on the day).
    assert [r.criteria.id for r in register.rows] == ["esca-bronze", "no-innovation-clusters"]
    assert any("reaches no level" in p.message for p in register.problems)
    code, _, err = run(["certificate", str(gold), "-o", str(tmp_path / "c.pdf")], capsys)
    assert code == 1
    assert "reaches no level" in err


def test_a_lower_level_awarded_keeps_the_renewal_rule_of_its_label(tmp_path: Path) -> None:
    # The Silver reached in May 2024 is awarded as a Bronze while the Bronze of September
    # 2022 (valid until 2024-09-19) is still held: a renewal of the same label, extended
    # 36 months from its end (DOMAIN.md), not a first Bronze of 24 months.
    folder = copy_examples(tmp_path)
    silver = folder / "young-fashion" / "2024-silver.yaml"
    text = silver.read_text(encoding="utf-8").replace(
        "  status: approved\n", "  status: approved\n  level: bronze\n"
    )
    silver.write_text(text, encoding="utf-8")
    row = row_of("2025-01-01", "Audums Fashion Cluster", "esca-bronze", folder)
    standing = row.shown.standing
    assert (standing.level, standing.recommended) == ("bronze", "silver")
    assert (standing.valid_from, standing.valid_until) == (D("2024-05-28"), D("2027-09-19"))
    assert standing.renew_by == D("2028-09-19")
    assert row.shown.renewal
    # The certificate says the same.
    from clusterbench.report.certificate import certificate_view

    view = certificate_view(score_file(silver), language="en")
    assert (view["level"], view["valid_until"]) == ("Bronze", "19 September 2027")


def test_a_lower_level_awarded_is_no_previous_label_of_the_level_reached(tmp_path: Path) -> None:
    # Reached Silver twice, awarded Bronze the first time: the second Silver is a first
    # Silver (24 months from its assessment), not a renewal of a Silver never awarded.
    folder = copy_examples(tmp_path)
    bronze = folder / "young-fashion" / "2022-bronze.yaml"
    silver = folder / "young-fashion" / "2024-silver.yaml"
    later = folder / "young-fashion" / "2026-silver.yaml"
    text = silver.read_text(encoding="utf-8")
    later.write_text(
        text.replace("date: 2024-05-28", "date: 2026-05-20")
        .replace("date: 2024-06-26", "date: 2026-06-10")
        .replace("previous: {file: 2022-bronze.yaml}", "previous: {file: 2024-silver.yaml}"),
        encoding="utf-8",
    )
    silver.write_text(
        text.replace("  status: approved\n", "  status: approved\n  level: bronze\n"),
        encoding="utf-8",
    )
    assert bronze.exists()
    row = row_of("2026-07-01", "Audums Fashion Cluster", "esca-bronze", folder)
    last = row.shown.standing
    assert (last.level, last.valid_from, last.valid_until) == (
        "silver",
        D("2026-05-20"),
        D("2028-05-19"),
    )


# ------------------------------------------------------------- organisations
def write(
    folder: Path, name: str, *, org_id: str | None, org_name: str = "Fjordhelse Cluster"
) -> None:
    text = (EXAMPLES / "fjordhelse" / "2017-bronze.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: Fjordhelse Cluster\n", f"  name: {org_name}\n")
    if org_id:
        text = text.replace("organisation:\n", f"organisation:\n  id: {org_id}\n")
    (folder / name).write_text(text, encoding="utf-8")


def test_organisations_match_by_id_and_ambiguity_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", org_id="NO-0001")
    write(tmp_path, "b.yaml", org_id="NO-0002")
    write(tmp_path, "c.yaml", org_id=None)  # which of the two?
    write(tmp_path, "d.yaml", org_id="NO-0001", org_name="Fjordhelse Health Cluster")  # renamed
    register = build_register([tmp_path], on=D("2018-01-01"))
    assert sorted((r.organisation_id, len(r.labels)) for r in register.rows) == [
        ("NO-0001", 2),
        ("NO-0002", 1),
    ]
    [problem] = register.problems
    assert problem.file.endswith("c.yaml")
    assert "several organisations of that name: NO-0001, NO-0002" in problem.message


def test_an_id_less_file_joins_the_only_id_of_its_name(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", org_id="NO-0001")
    write(tmp_path, "c.yaml", org_id=None)
    register = build_register([tmp_path], on=D("2018-01-01"))
    [row] = register.rows
    assert (row.organisation_id, len(row.labels), register.problems) == ("NO-0001", 2, ())


def test_a_broken_file_is_reported_and_the_rest_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_examples(tmp_path)
    (folder / "broken.yaml").write_text(
        "kind: assessment\nformat: 1\norganisation: [\n", encoding="utf-8"
    )
    code, out, err = run(["register", str(folder), "--as-of", "2026-12-01"], capsys)
    assert code == 1
    assert "broken.yaml" in err
    assert "Audums Fashion Cluster" in out


# -------------------------------------------------------------------- outputs
def test_register_text_on_two_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["register", str(EXAMPLES), "--as-of", "2022-06-01"], capsys)
    assert code == 0
    assert "Register on 2022-06-01: 6 entries" in out
    assert "Fjordhelse Cluster      esca-gold" in out
    assert "Gold           valid              until 2023-11-08" in out
    code, out, _ = run(["register", str(EXAMPLES), "--as-of", "2026-12-01"], capsys)
    assert "Register on 2026-12-01: 8 entries" in out
    assert "in renewal window  until 2026-05-27  next: renew by 2027-05-27" in out


def test_filters_and_due_within(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["register", str(EXAMPLES), "--as-of", "2026-03-01", "--format", "json"]
    entries = lambda extra: json.loads(run(args + extra, capsys)[1])["entries"]  # noqa: E731
    assert [e["organisation"] for e in entries(["--country", "lva"])] == ["Audums Fashion Cluster"]
    assert [e["level"] for e in entries(["--level", "gold"])] == ["gold"]
    assert {e["status"] for e in entries(["--status", "expired"])} == {"expired"}
    assert [e["organisation"] for e in entries(["--due-within", "6m"])] == [
        "Audums Fashion Cluster"
    ]
    assert entries(["--due-within", "2m"]) == []
    code, _, err = run([*args, "--due-within", "soon"], capsys)
    assert code == 2
    assert "write a period such as 90d, 6w, 6m or 1y" in err


def test_csv_json_and_html_say_the_same(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ["register", str(EXAMPLES), "--as-of", "2026-12-01"]
    rows = list(csv.DictReader(io.StringIO(run([*args, "--format", "csv"], capsys)[1])))
    data = json.loads(run([*args, "--format", "json"], capsys)[1])
    assert [(r["organisation"], r["status"]) for r in rows] == [
        (e["organisation"], e["status"]) for e in data["entries"]
    ]
    page = tmp_path / "register.html"
    assert run([*args, "--format", "html", "--all", "-o", str(page)], capsys)[0] == 0
    html = page.read_text(encoding="utf-8")
    for entry in data["entries"]:
        assert entry["organisation"] in html
    assert '<h2 id="country-LVA">' in html
    assert "in renewal window" in html
    for personal in ("Renate Oberhuber", "Petra Sandhagen", "lead assessor", "ledende ekspert"):
        assert personal not in html  # no people, no notes


def test_since_lists_the_decisions_of_a_period(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        [
            "register",
            str(EXAMPLES),
            "--as-of",
            "2024-12-31",
            "--since",
            "2022-01-01",
            "--format",
            "json",
        ],
        capsys,
    )
    assert code == 0
    decisions = json.loads(out)["decisions"]
    assert [(d["decided"], d["organisation"], d["level"]) for d in decisions] == [
        ("2022-03-30", "Fjordhelse Cluster", "arena_pro"),  # the review: Arena Pro NCE
        ("2022-10-26", "Audums Fashion Cluster", "bronze"),
        ("2023-11-21", "Fjordhelse Cluster", None),  # the Gold renewal rejected
        ("2024-06-26", "Audums Fashion Cluster", "silver"),
    ]


# -------------------------------------------------------------------- history
def test_history_says_where_the_labels_stand_on_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    history = history_of([EXAMPLES], "Fjordhelse Cluster", on=D("2026-12-01"))
    assert [e.standing.status for e in history.entries] == [
        "superseded",  # Arena 2014
        "superseded",  # Arena, extended in 2017
        "superseded",  # Bronze 2017
        "superseded",  # Arena Pro 2019, reviewed in 2022
        "superseded",  # Silver, by the Gold
        "expired",  # Gold
        "expired",  # the review of 2022: Arena Pro (NCE) until 2024-06-03
        "no_label",  # the renewal attempt of 2023
    ]
    assert history.next_renewal is None  # nothing in force any more
    code, out, _ = run(
        ["history", str(EXAMPLES), "--organisation", "Fjordhelse Cluster", "--as-of", "2026-12-01"],
        capsys,
    )
    assert code == 0
    assert "esca-gold: gold ended on 2023-11-08; a new assessment is needed" in out
    assert "Next renewal" not in out
    code, out, _ = run(
        ["history", str(EXAMPLES), "--organisation", "Fjordhelse Cluster", "--as-of", "2022-06-01"],
        capsys,
    )
    assert "esca-gold: gold valid until 2023-11-08" in out


# ---------------------------------------------------------------- certificates
def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_certificate_of_an_approved_label(tmp_path: Path) -> None:
    scored = score_file(EXAMPLES / "fjordhelse" / "2021-gold.yaml")
    first = render_certificate(scored, tmp_path / "a.pdf", language="nb")
    again = render_certificate(scored, tmp_path / "b.pdf", language="nb")
    assert first.read_bytes() == again.read_bytes()  # deterministic
    assert len(PdfReader(first).pages) == 1
    text = " ".join(pdftotext(first).split())
    for expected in (
        "Gull",
        "tildelt",
        "Fjordhelse Cluster",
        "Norge",
        "Gullmerket for fremragende klyngeledelse",
        "esca-gold 2019",
        "Gyldig fra 9. november 2021 til 8. november 2023",
        "NOR112021GLD0002",
        "EUCLES-GO-2021-0017",
        "EUCLES – European Clusters Labelling Excellence Structure",
    ):
        assert expected in text, expected
    assert "awarded" not in text  # no English on a Norwegian certificate


def test_no_certificate_without_approval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = decided(tmp_path, "decision: {status: recommended}\n")
    code, _, err = run(["certificate", str(gold), "-o", str(tmp_path / "c.pdf")], capsys)
    assert code == 1
    assert "the level is not approved (recommended)" in err
    assert not (tmp_path / "c.pdf").exists()
    code, _, _ = run(["certificate", str(gold), "-o", str(tmp_path / "c.pdf"), "--draft"], capsys)
    assert code == 0
    assert "A draft: the labelling body has not approved this level." in " ".join(
        pdftotext(tmp_path / "c.pdf").split()
    )
    with pytest.raises(ReportError, match="reaches no level"):
        render_certificate(
            score_file(EXAMPLES / "missed-minimum" / "gold-attempt.yaml"), tmp_path / "x.pdf"
        )


# ------------------------------------------------------------ worker processes
def test_workers_give_the_same_register(monkeypatch: pytest.MonkeyPatch) -> None:
    from clusterbench.pipeline import judging

    serial = build_register([EXAMPLES], on=D("2026-12-01"), jobs=1)
    monkeypatch.setattr(judging, "_PARALLEL_FROM", 0)
    parallel = build_register([EXAMPLES], on=D("2026-12-01"), jobs=2)
    shown = lambda reg: [  # noqa: E731
        (r.organisation, r.criteria.id, r.status, [lb.standing for lb in r.labels])
        for r in reg.rows
    ]
    assert shown(parallel) == shown(serial)
    assert parallel.problems == serial.problems


def test_a_worker_that_dies_is_an_error_not_a_short_register(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    from clusterbench import ClusterbenchError
    from clusterbench.pipeline import judging

    monkeypatch.setattr(judging, "_PARALLEL_FROM", 0)
    monkeypatch.setattr(judging, "_work", lambda *args: os._exit(7))
    with pytest.raises(ClusterbenchError, match=r"a worker process stopped \(exit 7\)"):
        build_register([EXAMPLES], on=D("2026-12-01"), jobs=2)


# ------------------------------------------------------------ the cost of a large register
def test_judging_leaves_the_collector_as_it_found_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from clusterbench.pipeline import judging

    # Judging freezes what each folder leaves (so full collections skip it); the records
    # must be collectable again afterwards, also after a failure.
    assert gc.get_freeze_count() == 0
    build_register([EXAMPLES], on=D("2026-12-01"), jobs=1)
    assert gc.get_freeze_count() == 0
    with pytest.raises(ZeroDivisionError):
        build_register([EXAMPLES], on=D("2026-12-01"), jobs=1, select=lambda org: 1 / 0 > 0)
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(judging, "_PARALLEL_FROM", 0)  # the parent's share, a worker's received
    build_register([EXAMPLES], on=D("2026-12-01"), jobs=2)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_bundled_set_is_found_without_listing_the_folder_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clusterbench.loader import library as library_module
    from clusterbench.loader.library import CriteriaLibrary

    library = CriteriaLibrary()
    first = library.get("esca-bronze", "2019")
    current = library.get("esca-gold")
    assert library.get("esca-gold", current.version) is current  # as assessments name it

    def listed() -> None:
        raise AssertionError("the bundled folder listed again for a set already read")

    monkeypatch.setattr(library_module, "bundled_criteria", listed)
    monkeypatch.setattr(library_module, "bundled_versions", listed)
    assert library.get("esca-bronze", "2019") is first
    assert library.get("esca-gold") is current
    assert library.get("esca-gold", current.version) is current
