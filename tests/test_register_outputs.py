"""The register as a secretariat uses it: a renewal pending beside the label in force,
organisations told apart, labels a higher one replaced, the board's list with every
filter and format, what was left out in every output, the public page, a total order,
the date domain, levels by title, withdrawals, and the history's words on decisions."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from clusterbench import history_of
from clusterbench.cli import main
from clusterbench.pipeline.judging import judge_files
from clusterbench.pipeline.register import build_register, register_of
from clusterbench.pipeline.register_view import records
from clusterbench.pipeline.validation import validate_paths

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
D = dt.date.fromisoformat
BASE = yaml.safe_load((EXAMPLES / "young-fashion" / "2022-bronze.yaml").read_text("utf-8"))


def approved(day: str, reference: str = "REF") -> dict[str, Any]:
    return {"status": "approved", "by": "EUCLES", "date": D(day), "reference": reference}


def make(
    path: Path,
    name: str,
    country: str,
    day: str,
    decision: dict[str, Any] | None = None,
    *,
    org_id: str | None = None,
    previous: str | None = None,
    website: str | None = None,
) -> Path:
    """A Bronze benchmarking of ``name`` (the Audums answers) on ``day``."""
    data = copy.deepcopy(BASE)
    data["organisation"]["name"] = name
    data["organisation"]["country"] = country
    if org_id:
        data["organisation"] = {"id": org_id, **data["organisation"]}
    if website is not None:
        data["organisation"]["website"] = website
    data["assessment"]["date"] = D(day)
    year = D(day).year  # no year of the file after the assessment's (CB317)
    data["assessment"]["data_years"] = [year - 1, year]
    data["organisation"]["founded"] = min(data["organisation"]["founded"], year - 1)
    data["assessment"]["report_id"] = f"{country}{day.replace('-', '')}X"
    data.pop("decision", None)
    if decision is not None:
        data["decision"] = decision
    if previous is not None:
        data["previous"] = {"file": previous}
        data["assessment"]["type"] = "renewal"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def entries(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    code, out, err = run([*args, "--format", "json"], capsys)
    assert code in (0, 1), err
    return json.loads(out)["entries"]  # type: ignore[no-any-return]


# --------------------------------------------------- a renewal pending beside its label
@pytest.fixture
def renewing(tmp_path: Path) -> Path:
    """A Bronze valid until 2022-01-14; its renewal assessed 2021-12-01, decided 2022-02-01."""
    make(tmp_path / "q" / "2020.yaml", "Qu Cluster", "LVA", "2020-01-15", approved("2020-01-31"))
    make(
        tmp_path / "q" / "2021.yaml",
        "Qu Cluster",
        "LVA",
        "2021-12-01",
        approved("2022-02-01"),
        previous="2020.yaml",
    )
    return tmp_path


def test_a_label_in_force_stays_in_the_register_while_its_renewal_is_pending(
    renewing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["register", str(renewing), "--as-of", "2022-01-10"]
    [entry] = entries(args, capsys)
    assert (entry["status"], entry["level"], entry["valid_until"]) == (
        "valid",
        "bronze",
        "2022-01-14",
    )
    assert (entry["pending_since"], entry["pending_level"]) == ("2021-12-01", "bronze")
    assert (entry["next_step"], entry["next_by"]) == ("decide", "2022-01-14")
    assert len(entries([*args, "--status", "valid"], capsys)) == 1
    assert len(entries([*args, "--due-within", "1m"], capsys)) == 1  # decide before it ends
    assert entries([*args, "--status", "pending"], capsys) == []
    out = run(args, capsys)[1]
    assert "valid" in out
    assert "the labelling body's decision on the renewal assessed on 2021-12-01" in out
    # In its renewal window, a pending renewal is due by the window's end.
    [late] = entries(["register", str(renewing), "--as-of", "2022-01-20"], capsys)
    assert (late["status"], late["next_step"], late["next_by"]) == (
        "renewal_window",
        "decide",
        "2023-01-14",
    )
    # History says the same.
    code, out, _ = run(
        ["history", str(renewing), "--organisation", "Qu Cluster", "--as-of", "2022-01-10"], capsys
    )
    assert code == 0
    assert (
        "esca-bronze: bronze valid until 2022-01-14; renew by 2022-01-14 to keep it without a "
        "gap (a renewal until 2023-01-14 still extends it from its end); renewal assessed on "
        "2021-12-01, pending the labelling body's decision"
    ) in out
    history = history_of([renewing], "Qu Cluster", on=D("2022-01-10"))
    [label] = history.to_dict()["labels"]
    assert (label["status"], label["pending_since"]) == ("valid", "2021-12-01")


def test_a_decision_awaited_with_no_label_in_force_is_due_now(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make(tmp_path / "d.yaml", "Delta Cluster", "EST", "2024-03-01")
    [entry] = entries(
        ["register", str(tmp_path), "--as-of", "2024-04-01", "--due-within", "1w"], capsys
    )
    assert (entry["status"], entry["next_step"], entry["next_by"]) == ("pending", "decide", None)


# ------------------------------------------------------------- organisations apart
def test_one_id_in_two_countries_is_two_organisations_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make(
        tmp_path / "e1.yaml",
        "Cross Cluster",
        "EST",
        "2022-03-01",
        approved("2022-03-10"),
        org_id="Y1",
    )
    make(
        tmp_path / "e2.yaml",
        "Cross Cluster",
        "LTU",
        "2022-04-01",
        approved("2022-04-10"),
        org_id="Y1",
    )
    register = build_register([tmp_path], on=D("2022-06-10"))
    assert [(r.country, r.status, len(r.labels)) for r in register.rows] == [
        ("EST", "valid", 1),
        ("LTU", "valid", 1),
    ]
    [problem] = register.problems
    assert "organisation.id Y1 is used in EST, LTU" in problem.message
    history = history_of([tmp_path], "Cross Cluster", country="EST", on=D("2022-06-10"))
    assert [e.standing.status for e in history.entries] == ["valid"]  # never "superseded"


def test_names_differing_only_in_white_space_or_case_are_one_organisation(
    tmp_path: Path,
) -> None:
    make(tmp_path / "d1.yaml", "Space Cluster", "EST", "2020-03-01", approved("2020-03-10"))
    make(tmp_path / "d2.yaml", "SPACE  cluster ", "EST", "2022-06-01", approved("2022-06-10"))
    register = build_register([tmp_path], on=D("2022-06-10"))
    [row] = register.rows
    assert [label.standing.status for label in row.labels] == ["superseded", "valid"]
    history = history_of([tmp_path], "space cluster", on=D("2022-06-10"))
    assert len(history.entries) == 2


def test_history_asks_which_of_two_ids_of_one_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make(
        tmp_path / "x1.yaml",
        "Twin Cluster",
        "EST",
        "2022-03-01",
        approved("2022-03-10"),
        org_id="X1",
    )
    make(
        tmp_path / "x2.yaml",
        "Twin Cluster",
        "EST",
        "2022-04-01",
        approved("2022-04-10"),
        org_id="X2",
    )
    base = ["history", str(tmp_path), "--organisation", "Twin Cluster", "--as-of", "2022-06-01"]
    code, _, err = run(base, capsys)
    assert code == 2
    assert "(organisation.id X1, X2); say which with --id" in err
    code, out, _ = run([*base, "--id", "X2"], capsys)
    assert code == 0
    assert "Twin Cluster: 1 assessments" in out or "Twin Cluster: 1 assessment" in out


# ------------------------------------------------------------ a higher label replaces
def test_a_gold_supersedes_the_silver_and_asks_for_no_renewal_of_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["register", str(EXAMPLES), "--as-of", "2022-06-01"]
    due = entries([*args, "--due-within", "6m"], capsys)
    assert [(e["organisation"], e["criteria"]) for e in due] == []  # no Silver to renew
    [silver] = entries([*args, "--status", "superseded"], capsys)
    assert (silver["criteria"], silver["level"], silver["superseded_by"]) == (
        "esca-bronze",
        "silver",
        "gold",
    )
    assert (silver["superseded_criteria"], silver["superseded_since"]) == (
        "esca-gold",
        "2021-11-30",
    )
    assert (silver["next_step"], silver["next_by"]) == (None, None)
    out = run(args, capsys)[1]
    assert "superseded by Gold (esca-gold) on 2021-11-30" in out
    # Before the Gold was awarded, the Silver was the one to renew.
    [before] = entries(
        [
            "register",
            str(EXAMPLES),
            "--as-of",
            "2021-11-29",
            "--country",
            "NOR",
            "--level",
            "silver",
        ],
        capsys,
    )
    assert before["status"] == "renewal_window"


def test_which_label_replaces_which_is_data_in_the_criteria(tmp_path: Path) -> None:
    # The same Gold from a criteria file that declares no `replaces`: the Silver stays.
    folder = tmp_path / "fjordhelse"
    folder.mkdir()
    for source in (EXAMPLES / "fjordhelse").glob("*.yaml"):
        (folder / source.name).write_text(source.read_text("utf-8"), encoding="utf-8")
    gold = (ROOT / "criteria" / "esca-gold.yaml").read_text("utf-8")
    assert "    replaces: [esca-bronze]\n" in gold
    (folder / "gold.yaml").write_text(gold.replace("    replaces: [esca-bronze]\n", ""), "utf-8")
    path = folder / "2021-gold.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace("criteria: {id: esca-gold,", "criteria: {file: gold.yaml, id: esca-gold,"),
        "utf-8",
    )
    assert "file: gold.yaml" in path.read_text("utf-8")
    register = build_register([folder], on=D("2022-06-01"))
    [bronze] = [r for r in register.rows if r.criteria.id == "esca-bronze"]
    assert bronze.status == "renewal_window"


# ------------------------------------------------------------------- the board's list
@pytest.fixture
def board(tmp_path: Path) -> Path:
    make(tmp_path / "a.yaml", "Alpha Cluster", "LVA", "2024-01-15", approved("2024-01-31", "A-1"))
    make(tmp_path / "b.yaml", "Beta Cluster", "EST", "2024-02-01", approved("2024-02-20", "B-1"))
    make(
        tmp_path / "f.yaml",
        "Phi Cluster",
        "EST",
        "2024-03-01",
        {"status": "rejected", "by": "EUCLES", "date": D("2024-03-20"), "reference": "R-F"},
    )
    return tmp_path


def test_since_follows_every_filter_and_format(
    board: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ["register", str(board), "--as-of", "2024-04-01", "--since", "2024-01-01"]

    def decisions(extra: list[str]) -> list[dict[str, Any]]:
        out = run([*args, *extra, "--format", "json"], capsys)[1]
        return json.loads(out)["decisions"]  # type: ignore[no-any-return]

    assert [d["organisation"] for d in decisions([])] == [
        "Alpha Cluster",
        "Beta Cluster",
        "Phi Cluster",
    ]
    assert [d["organisation"] for d in decisions(["--country", "est"])] == [
        "Beta Cluster",
        "Phi Cluster",
    ]
    assert [d["organisation"] for d in decisions(["--status", "rejected"])] == ["Phi Cluster"]
    assert [d["organisation"] for d in decisions(["--level", "Bronze", "--country", "LVA"])] == [
        "Alpha Cluster"
    ]
    first = decisions([])[0]
    assert (first["decision"], first["by"], first["reference"]) == ("approved", "EUCLES", "A-1")
    # An empty CSV still has its header.
    code, out, _ = run([*args, "--country", "DEU", "--format", "csv"], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("decided,decision,by,reference,country,organisation")
    assert len(out.splitlines()) == 1
    # HTML is a page, not text; the public page lists what was awarded, not refusals.
    page = tmp_path / "decisions.html"
    assert run([*args, "--format", "html", "-o", str(page)], capsys)[0] == 0
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Alpha Cluster" in html
    assert "Beta Cluster" in html
    assert "Phi Cluster" not in html
    assert run([*args, "--format", "html", "--all", "-o", str(page)], capsys)[0] == 0
    assert "Phi Cluster" in page.read_text("utf-8")


def test_since_after_the_register_day_is_refused(
    board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["register", str(board), "--as-of", "2024-04-01", "--since", "2024-06-01"], capsys
    )
    assert code == 2
    assert "--since 2024-06-01 is after the register's day 2024-04-01" in err


# ------------------------------------------------------------- what was left out
def test_every_output_says_which_files_were_left_out(
    board: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (board / "broken.yaml").write_text("kind: assessment\nformat: 1\norganisation: [\n", "utf-8")
    args = ["register", str(board), "--as-of", "2024-04-01"]
    code, out, _ = run([*args, "--format", "json"], capsys)
    assert code == 1
    [problem] = json.loads(out)["problems"]
    assert problem["file"].endswith("broken.yaml")
    rows = list(csv.DictReader(io.StringIO(run([*args, "--format", "csv"], capsys)[1])))
    [left] = [r for r in rows if r["status"] == "problem"]
    assert left["file"].endswith("broken.yaml")
    assert left["problem"]
    assert "broken.yaml" in run(args, capsys)[1]  # the text too, not only standard error
    since = json.loads(run([*args, "--since", "2024-01-01", "--format", "json"], capsys)[1])
    assert since["problems"][0]["file"].endswith("broken.yaml")
    page = tmp_path / "all.html"
    run([*args, "--format", "html", "--all", "-o", str(page)], capsys)
    assert "broken.yaml" in page.read_text("utf-8")
    run([*args, "--format", "html", "-o", str(page)], capsys)
    public = page.read_text("utf-8")
    assert "broken.yaml" not in public  # counted on the public page, not named
    assert "1 file has a problem: this list may be incomplete." in public


# ------------------------------------------------------------------ the public page
def test_the_public_page_lists_the_labels_in_force_and_no_failures(
    board: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    make(board / "n.yaml", "Nolabel Cluster", "EST", "2024-03-01", website="javascript:alert(1)")
    page = tmp_path / "register.html"
    assert (
        run(
            ["register", str(board), "--as-of", "2024-04-01", "--format", "html", "-o", str(page)],
            capsys,
        )[0]
        == 0
    )
    html = page.read_text("utf-8")
    assert "Alpha Cluster" in html
    assert "Beta Cluster" in html
    for failure in ("Phi Cluster", "Nolabel Cluster", ">rejected<", ">no label<"):
        assert failure not in html
    run(
        [
            "register",
            str(board),
            "--as-of",
            "2024-04-01",
            "--format",
            "html",
            "--all",
            "-o",
            str(page),
        ],
        capsys,
    )
    html = page.read_text("utf-8")
    assert "Phi Cluster" in html
    assert "Nolabel Cluster" in html
    assert "javascript:" not in html  # only web addresses are linked


def test_the_page_speaks_the_language_asked_for(
    board: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "register.html"
    args = ["register", str(board), "--as-of", "2024-04-01", "--format", "html", "--all"]
    run([*args, "--lang", "nb", "-o", str(page)], capsys)
    html = page.read_text("utf-8")
    for english in ("Register of labels", "in renewal window", "valid<", "entries", "Level<"):
        assert english not in html, english
    assert "Merkeregister" in html
    assert "gyldig" in html
    out = run(["register", str(board), "--as-of", "2024-04-01", "--lang", "de"], capsys)[1]
    assert "Register am 2024-04-01: 3 Einträge" in out


# -------------------------------------------------------------------- order, words
def test_the_order_is_total_however_the_files_were_shared(tmp_path: Path) -> None:
    for n in range(6):  # six organisations of one name, told apart by their ids
        make(
            tmp_path / f"t{n}.yaml",
            "Same Name Cluster",
            "EST",
            f"2022-0{n + 1}-01",
            approved(f"2022-0{n + 1}-20"),
            org_id=f"S{5 - n}",
        )
    judgement, files = judge_files([tmp_path])
    expected = [r.organisation_id for r in register_of(judgement, files, D("2022-12-01")).rows]
    assert expected == [f"S{n}" for n in range(6)]
    for seed in range(5):
        random.Random(seed).shuffle(judgement.judged)
        rows = register_of(judgement, files, D("2022-12-01")).rows
        assert [r.organisation_id for r in rows] == expected


def test_one_entry_is_one_entry(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(["register", str(board), "--as-of", "2024-04-01", "--country", "LVA"], capsys)[1]
    assert "Register on 2024-04-01: 1 entry (1 valid)" in out


@pytest.mark.parametrize("level", ["bronze", "Bronze", "BRONZE", "Bronse"])
def test_a_level_by_its_id_or_title(
    level: str, board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = entries(["register", str(board), "--as-of", "2024-04-01", "--level", level], capsys)
    assert [e["organisation"] for e in found] == ["Beta Cluster", "Alpha Cluster"]


def test_an_unknown_level_is_a_usage_error(board: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        ["register", str(board), "--as-of", "2024-04-01", "--level", "platinum"], capsys
    )
    assert code == 2
    assert "--level 'platinum': no criteria set found has that level" in err
    assert "bronze (Bronze)" in err


# ------------------------------------------------------------------ the date domain
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--as-of", "9999-12-31", "--due-within", "1d"], "lies outside the years 1000 to 2999"),
        (["--as-of", "2999-12-01", "--due-within", "9999y"], "ends after 2999-12-31"),
        (["--as-of", "2024-01-01", "--since", "0999-01-01"], "lies outside the years"),
    ],
)
def test_dates_outside_the_domain_are_usage_errors(
    args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["register", str(EXAMPLES / "young-fashion"), *args], capsys)
    assert code == 2
    assert said in err
    assert "internal error" not in err


# --------------------------------------------------------------- decisions in words
def test_history_says_who_awarded_what_and_when(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        ["history", str(EXAMPLES), "--organisation", "Fjordhelse Cluster", "--as-of", "2026-12-01"],
        capsys,
    )
    assert code == 0
    assert "awarded on 2021-11-30 by EUCLES" in out
    assert "rejected on 2023-11-21 by EUCLES" not in out  # the 2023 attempt reached no level
    history = history_of([EXAMPLES], "Fjordhelse Cluster", on=D("2026-12-01"))
    gold = next(e for e in history.to_dict()["entries"] if e["criteria"] == "esca-gold")
    assert (gold["decision"], gold["decided"], gold["by"], gold["reference"]) == (
        "approved",
        "2021-11-30",
        "EUCLES",
        "EUCLES-GO-2021-0017",
    )
    make(tmp_path / "p.yaml", "Pending Cluster", "EST", "2024-03-01")
    out = run(
        ["history", str(tmp_path), "--organisation", "Pending Cluster", "--as-of", "2024-04-01"],
        capsys,
    )[1]
    assert "recommended, pending the labelling body's decision" in out


def test_a_withdrawal_records_when_the_label_was_awarded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    withdrawn = {
        "status": "withdrawn",
        "by": "EUCLES",
        "awarded": D("2024-03-20"),
        "date": D("2024-09-01"),
        "reference": "W-1",
    }
    path = make(tmp_path / "w.yaml", "Wd Cluster", "LVA", "2024-03-01", withdrawn)
    assert validate_paths([path]).valid
    status = lambda day: build_register([tmp_path], on=D(day)).rows[0].status  # noqa: E731
    assert [status(d) for d in ("2024-03-10", "2024-03-20", "2024-08-31", "2024-09-01")] == [
        "pending",
        "valid",
        "valid",
        "withdrawn",
    ]
    _, out, _ = run(
        [
            "register",
            str(tmp_path),
            "--as-of",
            "2024-12-31",
            "--since",
            "2024-01-01",
            "--format",
            "json",
        ],
        capsys,
    )
    assert [(d["decided"], d["decision"]) for d in json.loads(out)["decisions"]] == [
        ("2024-03-20", "approved"),
        ("2024-09-01", "withdrawn"),
    ]


@pytest.mark.parametrize(
    ("decision", "path", "said"),
    [
        ({"status": "approved", "by": "EUCLES"}, "decision.status", "needs its date"),
        ({"status": "rejected"}, "decision.status", "needs its date"),
        (
            {"status": "approved", "date": D("2024-03-20"), "awarded": D("2024-03-10")},
            "decision.awarded",
            "is for a withdrawn label",
        ),
        (
            {"status": "withdrawn", "date": D("2024-03-20"), "awarded": D("2024-04-10")},
            "decision.awarded",
            "awarded after it was withdrawn",
        ),
        (
            {"status": "withdrawn", "date": D("2024-03-20"), "awarded": D("2024-02-10")},
            "decision.awarded",
            "awarded before the assessment",
        ),
    ],
)
def test_decisions_validate_their_dates(
    decision: dict[str, Any], path: str, said: str, tmp_path: Path
) -> None:
    file = make(tmp_path / "v.yaml", "V Cluster", "EST", "2024-03-01", decision)
    [issue] = validate_paths([file]).files[0].issues
    assert (issue.code, issue.path) == ("CB315", path)
    assert said in issue.message


@pytest.mark.parametrize(("status", "did"), [("rejected", "rejected"), ("withdrawn", "withdrew")])
def test_no_draft_certificate_for_a_refused_label(
    status: str, did: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = make(
        tmp_path / "r.yaml",
        "Rho Cluster",
        "LVA",
        "2024-03-01",
        {"status": status, "by": "EUCLES", "date": D("2024-03-20")},
    )
    code, _, err = run(["certificate", str(file), "-o", str(tmp_path / "c.pdf"), "--draft"], capsys)
    assert code == 1
    assert f"the labelling body {did} the level; there is no label to certify" in err
    assert not (tmp_path / "c.pdf").exists()


def test_records_and_history_agree(capsys: pytest.CaptureFixture[str]) -> None:
    register = build_register([EXAMPLES], on=D("2026-12-01"))
    for record in records(register):
        if record.organisation != "Fjordhelse Cluster":
            continue
        history = history_of([EXAMPLES], "Fjordhelse Cluster", on=D("2026-12-01"))
        [label] = [lb for lb in history.to_dict()["labels"] if lb["criteria"] == record.criteria]
        assert (label["status"], label["level"]) == (record.status, record.level)


def test_scoring_judges_a_label_withdrawn_later_as_the_register_does(tmp_path: Path) -> None:
    """A renewal assessed between the award and a later withdrawal renews a label that was
    held that day: scoring and the register read the decision by one rule."""
    from clusterbench import score_file
    from clusterbench.models.assessment import Decision
    from clusterbench.scoring.standing import decision_on

    withdrawn = Decision(
        status="withdrawn", by="EUCLES", awarded=D("2020-01-31"), date=D("2023-01-01")
    )
    assert decision_on(withdrawn, D("2020-01-10")) is None  # not awarded yet
    stood = decision_on(withdrawn, D("2021-06-01"))
    assert stood is not None
    assert (stood.status, stood.date) == ("approved", D("2020-01-31"))
    assert decision_on(withdrawn, D("2023-01-01")) == withdrawn
    decision = {
        "status": "withdrawn",
        "by": "EUCLES",
        "awarded": D("2020-01-31"),
        "date": D("2023-01-01"),
    }
    make(tmp_path / "q" / "2020.yaml", "Qu Cluster", "LVA", "2020-01-15", decision)
    renewal = make(
        tmp_path / "q" / "2021.yaml",
        "Qu Cluster",
        "LVA",
        "2021-12-01",
        approved("2022-02-01"),
        previous="2020.yaml",
    )
    validity = score_file(renewal).result.validity
    assert validity is not None
    assert validity.renewal  # the Bronze of 2020 was held on 2021-12-01
    assert build_register([tmp_path], on=D("2022-06-01")).rows[0].status == "valid"
