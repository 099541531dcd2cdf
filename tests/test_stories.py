"""The two stories clusterbench was made from, as the shipped examples tell them.

A Norwegian health cluster: Arena 2014 (extended in 2017, "up to five"), Arena Pro in
June 2019 while it held a Bronze label, Silver in November 2019, Gold in November 2021
at 95 % on 31 indicators, and with it NCE beside Arena Pro until the Gold ends; then a
renewal attempt that misses a minimum requirement.  A Norwegian fashion cluster: Arena
2014 with 12 members and about 5 partners, Bronze benchmarkings along the way, and five
years later 52 members, 25 partners and exports up 11 %.  Every level, designation and
date is pinned here.
"""

from __future__ import annotations

import datetime as dt
import shlex
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from clusterbench import history_of, score_file
from clusterbench.cli import main
from clusterbench.pipeline.register import build_register

from .conftest import ROOT

HEALTH = ROOT / "examples" / "fjordhelse"
FASHION = ROOT / "examples" / "vevnad"
D = dt.date.fromisoformat


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def label(path: Path) -> tuple[str, str, str | None, str | None, str | None, bool]:
    """(criteria version, date, level, valid from, valid until, renewal) of one file."""
    result = score_file(path).result
    valid = result.validity
    return (
        f"{result.criteria.id}@{result.criteria.version}",
        result.assessment.date.isoformat(),
        result.level,
        valid.valid_from.isoformat() if valid else None,
        valid.valid_until.isoformat() if valid else None,
        bool(valid and valid.renewal),
    )


# ------------------------------------------------------------------ the health cluster
HEALTH_LABELS = {
    "2014-arena.yaml": (
        "no-innovation-clusters@2014",
        "2014-06-10",
        "arena",
        "2014-06-10",
        "2017-06-09",
        False,
    ),
    "2017-arena-extension.yaml": (
        "no-innovation-clusters@2014",
        "2017-05-16",
        "arena",
        "2017-05-16",
        "2019-06-09",
        True,
    ),
    "2017-bronze.yaml": (
        "esca-bronze@pre-2019",
        "2017-11-28",
        "bronze",
        "2017-11-28",
        "2019-11-27",
        False,
    ),
    "2019-arena-pro.yaml": (
        "no-innovation-clusters@2019",
        "2019-06-04",
        "arena_pro",
        "2019-06-04",
        "2024-06-03",
        False,
    ),
    "2019-silver.yaml": (
        "esca-bronze@2019",
        "2019-11-19",
        "silver",
        "2019-11-19",
        "2021-11-18",
        False,
    ),
    "2021-gold.yaml": ("esca-gold@2019", "2021-11-09", "gold", "2021-11-09", "2023-11-08", False),
    # The review keeps the Arena Pro period of 2019: no new five years.
    "2022-arena-pro-review.yaml": (
        "no-innovation-clusters@2019",
        "2022-03-15",
        "arena_pro",
        "2019-06-04",
        "2024-06-03",
        False,
    ),
    "2023-gold-renewal.yaml": ("esca-gold@2019", "2023-10-24", None, None, None, False),
}


@pytest.mark.parametrize(("name", "expected"), sorted(HEALTH_LABELS.items()))
def test_each_step_of_the_health_cluster(name: str, expected: tuple[object, ...]) -> None:
    assert label(HEALTH / name) == expected


def test_the_health_clusters_gold_is_95_percent_on_31_indicators_and_needs_80() -> None:
    result = score_file(HEALTH / "2021-gold.yaml").result
    assert len(result.indicators) == 31
    assert (result.score.points, result.score.max_points) == (Decimal("142.5"), Decimal(150))
    assert result.score.share == Decimal("0.95")
    assert result.score.needed == Decimal("0.8")


def test_arena_is_three_years_extended_once_to_five(tmp_path: Path) -> None:
    extension = score_file(HEALTH / "2017-arena-extension.yaml").result
    assert extension.validity is not None
    assert (extension.validity.renewals, extension.validity.renew_by) == (1, None)
    # A second extension is no renewal: it starts a new three-year period.
    folder = tmp_path / "fjordhelse"
    shutil.copytree(HEALTH, folder)
    again = folder / "2019-arena-again.yaml"
    text = (HEALTH / "2017-arena-extension.yaml").read_text(encoding="utf-8")
    again.write_text(
        text.replace("  date: 2017-05-16\n", "  date: 2019-05-14\n")
        .replace("N21: 2017-01-19", "N21: 2019-01-21")  # a current implementation plan
        .replace("previous: {file: 2014-arena.yaml}", "previous: {file: 2017-arena-extension.yaml}")
        .replace("  date: 2017-06-02\n", "  date: 2019-05-28\n"),
        encoding="utf-8",
    )
    third = score_file(again).result
    assert third.level == "arena"
    assert third.validity is not None
    assert third.validity.renewal is False
    assert (third.validity.valid_from, third.validity.valid_until) == (
        D("2019-05-14"),
        D("2022-05-13"),
    )


def test_arena_pro_in_2019_is_not_nce_without_a_gold_label() -> None:
    result = score_file(HEALTH / "2019-arena-pro.yaml").result
    [nce] = result.designations
    assert (nce.id, nce.held, nce.level) == ("nce", False, "arena_pro")
    [gold] = nce.requirements
    assert (gold.kind, gold.criteria, gold.level, gold.held) == (
        "criteria",
        "esca-gold",
        "gold",
        False,
    )


def test_the_silver_compares_with_the_bronze_of_the_version_before() -> None:
    comparison = score_file(HEALTH / "2019-silver.yaml").result.comparison
    assert comparison is not None
    assert (comparison.previous_version, comparison.months) == ("pre-2019", 23)
    assert comparison.not_compared_before == ("B24", "B29", "B35")
    assert comparison.not_compared_now == ("B37", "B38", "B39")


def test_the_renewal_attempt_misses_a_minimum_requirement_and_is_rejected() -> None:
    scored = score_file(HEALTH / "2023-gold-renewal.yaml")
    gold = scored.result.level_result("gold")
    assert gold is not None
    assert gold.gap is not None
    assert gold.gap.minimums == ("G12",)
    assert scored.result.score.share is not None
    assert scored.result.score.share > Decimal("0.8")  # the points would do
    assert scored.assessment.decision is not None
    assert scored.assessment.decision.status == "rejected"


@pytest.mark.parametrize(
    ("on", "level", "designations", "until"),
    [
        ("2019-06-19", None, (), None),  # the Arena Pro decision is not taken yet
        ("2019-06-20", "arena_pro", (), None),  # Arena Pro, no Gold
        ("2021-11-29", "arena_pro", (), None),  # Gold assessed, the decision not yet taken
        ("2021-11-30", "arena_pro", ("nce",), "2023-11-08"),  # Gold approved: NCE
        ("2023-11-08", "arena_pro", ("nce",), "2023-11-08"),  # the Gold's last day
        ("2023-11-09", "arena_pro", (), None),  # the Gold ended, the renewal failed
        ("2024-06-03", "arena_pro", (), None),  # the last day of Arena Pro
    ],
)
def test_the_programme_label_and_nce_on_each_day(
    on: str, level: str | None, designations: tuple[str, ...], until: str | None
) -> None:
    register = build_register([HEALTH], on=D(on))
    [row] = [r for r in register.rows if r.criteria.id == "no-innovation-clusters"]
    held = row.held_designations
    if level is None:
        assert row.status == "pending"
        return
    assert (row.status, row.shown.standing.level) == ("valid", level)
    assert tuple(d.id for d in held) == designations
    assert (held[0].valid_until.isoformat() if held and held[0].valid_until else None) == until


def test_the_health_history_in_one_command(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["history", str(HEALTH), "--organisation", "Fjordhelse Cluster", "--as-of", "2024-01-01"]
    code, out = run(args, capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Fjordhelse Cluster: 8 assessments, as of 2024-01-01"
    expected = [
        "2014-06-10  no-innovation-clusters arena       69.0 %  superseded",
        "2017-05-16  no-innovation-clusters arena       76.0 %  superseded",
        "2017-11-28  esca-bronze            bronze              superseded",
        "2019-06-04  no-innovation-clusters arena_pro   90.0 %  superseded",
        "2019-11-19  esca-bronze            silver              superseded",  # by the Gold
        "2021-11-09  esca-gold              gold        95.0 %  expired",  # 95 % on 31 indicators
        "2022-03-15  no-innovation-clusters arena_pro   96.0 %  valid              valid 2019-06-04",
        "2023-10-24  esca-gold              -           96.0 %  no label",  # a minimum missed
    ]
    for line, start in zip(lines[1:9], expected, strict=True):
        assert line.strip().startswith(start), line
    assert "  nce beside arena_pro (no-innovation-clusters): 2021-11-30 to 2023-11-08" in lines
    assert "  change from 2014-06-10 to 2023-10-24: members +166 (+173 %)" in out
    history = history_of([HEALTH], "Fjordhelse Cluster", on=D("2022-01-01"))
    [period] = history.designations
    assert (period.designation, period.level, period.start, period.end) == (
        "nce",
        "arena_pro",
        D("2021-11-30"),
        D("2023-11-08"),  # known on 2022-01-01: the Gold's end
    )


def test_the_register_says_arena_pro_nce(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["register", str(HEALTH), "--as-of", "2022-06-01"], capsys)
    assert code == 0
    [line] = [line for line in out.splitlines() if "no-innovation-clusters" in line]
    assert "Arena Pro NCE  valid              until 2024-06-03" in line
    assert line.endswith("; NCE until 2023-11-08")  # NCE ends with the Gold, before the level


@pytest.mark.parametrize(
    ("language", "cover"),
    [
        ("en", "4 June 2019 to 3 June 2024 (NCE until 8 November 2023)"),
        ("nb", "4. juni 2019 til 3. juni 2024 (NCE til 8. november 2023)"),
        ("de", "4. Juni 2019 bis 3. Juni 2024 (NCE bis 8. November 2023)"),
    ],
)
def test_the_review_of_2022_reads_arena_pro_nce_with_its_own_end(language: str, cover: str) -> None:
    """A shipped example shows "Arena Pro NCE": the programme's review of March 2022, with
    the Gold of November 2021.  The cover gives the Arena Pro period and where NCE ends."""
    from clusterbench.report import render_html

    from .test_report_reader import read

    scored = score_file(HEALTH / "2022-arena-pro-review.yaml")
    [nce] = scored.result.designations
    assert (nce.held, nce.valid_until) == (True, D("2023-11-08"))
    pages = read(render_html(scored, language=language))
    text = pages["cover"].replace("\xa0", " ")
    assert "Arena Pro NCE" in text
    assert cover in text


def test_a_review_outside_the_period_starts_one(tmp_path: Path) -> None:
    """A review needs the previous label's period: after its end it is scored as a first
    assessment (a new period from its date)."""
    folder = tmp_path / "fjordhelse"
    shutil.copytree(HEALTH, folder)
    late = folder / "2022-arena-pro-review.yaml"
    late.write_text(
        late.read_text(encoding="utf-8")
        .replace("  date: 2022-03-15\n", "  date: 2024-06-04\n")
        .replace("  date: 2022-03-30\n", "  date: 2024-06-20\n")
        .replace("N21: 2022-01-20", "N21: 2024-01-20"),  # a current plan
        encoding="utf-8",
    )
    valid = score_file(late).result.validity
    assert valid is not None
    assert (valid.valid_from, valid.valid_until) == (D("2024-06-04"), D("2029-06-03"))


# ----------------------------------------------------------------- the fashion cluster
FASHION_LABELS = {
    "2014-arena.yaml": (
        "no-innovation-clusters@2014",
        "2014-06-10",
        "arena",
        "2014-06-10",
        "2017-06-09",
        False,
    ),
    "2015-bronze.yaml": (
        "esca-bronze@pre-2019",
        "2015-09-15",
        "bronze",
        "2015-09-15",
        "2017-09-14",
        False,
    ),
    "2017-arena-extension.yaml": (
        "no-innovation-clusters@2014",
        "2017-05-16",
        "arena",
        "2017-05-16",
        "2019-06-09",
        True,
    ),
    "2017-bronze.yaml": (
        "esca-bronze@pre-2019",
        "2017-10-10",
        "bronze",
        "2017-10-10",
        "2020-09-14",
        True,
    ),
    "2019-bronze.yaml": (
        "esca-bronze@2019",
        "2019-12-03",
        "bronze",
        "2019-12-03",
        "2023-09-14",
        True,
    ),
}


@pytest.mark.parametrize(("name", "expected"), sorted(FASHION_LABELS.items()))
def test_each_step_of_the_fashion_cluster(name: str, expected: tuple[object, ...]) -> None:
    assert label(FASHION / name) == expected


def test_the_fashion_cluster_grew_as_the_record_says() -> None:
    history = history_of([FASHION], "Vevnad Fashion Cluster", on=D("2020-01-01"))
    development = history.development
    assert development is not None
    series = {s.figure.key: s for s in development.series}
    members, partners = series["members"], series["partners"]
    assert (members.first, members.last, members.since) == (12, 52, D("2014-06-10"))
    assert (partners.first, partners.last) == (5, 25)
    assert members.relative == Decimal(40) / Decimal(12)
    [(day, growth)] = series["export_growth"].values
    assert (day, growth.percent, growth.since) == (D("2019-12-03"), Decimal(11), 2014)
    assert history.designations == ()  # no Arena Pro, no NCE


def test_the_fashion_history_in_one_command(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "history",
        str(FASHION),
        "--organisation",
        "Vevnad Fashion Cluster",
        "--as-of",
        "2020-01-01",
    ]
    code, out = run(args, capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Vevnad Fashion Cluster: 5 assessments, as of 2020-01-01"
    assert "esca-bronze: bronze valid until 2023-09-14" in out
    assert "no-innovation-clusters: arena ended on 2019-06-09; a new assessment is needed" in out
    table = lines[lines.index("Development over time (key figures at each assessment)") + 1 :]
    assert table[0].split() == [
        "date",
        "members",
        "partners",
        "staff",
        "(FTE)",
        "budget",
        "private",
        "share",
        "exports",
    ]
    assert table[1].split()[:3] == ["2014-06-10", "12", "5"]
    assert table[-2].split() == [
        "2019-12-03",
        "52",
        "25",
        "2.5",
        "NOK",
        "3,900,000",
        "41",
        "%",
        "+11",
        "%",
        "since",
        "2014",
    ]
    assert table[-1].startswith(
        "  change from 2014-06-10 to 2019-12-03: members +40 (+333 %), partners +20 (+400 %)"
    )


@pytest.mark.parametrize(
    "command",
    [
        'history examples/fjordhelse --organisation "Fjordhelse Cluster" --as-of 2024-01-01',
        'history examples/vevnad --organisation "Vevnad Fashion Cluster" --as-of 2020-01-01',
    ],
)
def test_the_readme_shows_each_story_as_the_command_prints_it(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(f"$ clusterbench {command}\n") + len(f"$ clusterbench {command}\n")
    shown = readme[start : readme.index("```", start)]
    monkeypatch.chdir(ROOT)
    code, out = run(shlex.split(command), capsys)
    assert code == 0
    assert out == shown


def test_silvers_month_window_is_compared_to_the_day() -> None:
    """Vevnad's second Bronze came 24 months and 25 days after the first: too late for a
    Silver, though it is 24 whole months."""
    from clusterbench.models.dates import within_months

    assert within_months(D("2015-09-15"), D("2017-09-15"), 18, 24)
    assert not within_months(D("2015-09-15"), D("2017-09-16"), 18, 24)
    assert not within_months(D("2015-09-15"), D("2017-03-14"), 18, 24)
    assert within_months(D("2015-09-15"), D("2017-03-15"), 18, 24)
    result = score_file(FASHION / "2017-bronze.yaml").result
    silver = result.level_result("silver")
    assert silver is not None
    window = next(r for r in silver.requirements if r.kind == "previous_level")
    assert window.previous is not None
    assert (window.held, window.previous.months) == (False, 24)
    assert (
        "a Bronze assessment 18 to 24 months earlier "
        "(previous: Bronze on 15 September 2015, more than 24 months earlier)"
    ) in (_score_text(FASHION / "2017-bronze.yaml"))


def _score_text(path: Path) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["score", str(path)]) == 0
    return out.getvalue()


def test_messages_show_numbers_as_a_file_writes_them(tmp_path: Path) -> None:
    """A figure of 5.5 partners is refused as `5.5`, never as Python's `Decimal('5.5')`."""
    from clusterbench.errors import quote
    from clusterbench.pipeline.validation import validate_paths

    text = (FASHION / "2014-arena.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "2014-arena.yaml"
    wrong.write_text(
        text.replace("    partners: 5\n", "    partners: 5.5\n").replace(
            "    private_share: 20\n", "    private_share: 1.2e2\n"
        ),
        encoding="utf-8",
    )
    [report] = validate_paths([wrong]).files
    messages = {i.path: i.message for i in report.issues}
    assert messages["organisation.figures.partners"] == "must be a whole number, got the number 5.5"
    assert messages["organisation.figures.private_share"] == "a share is at most 100 %, got 120"
    assert all("Decimal(" not in m for m in messages.values())
    assert quote([Decimal("1.50"), D("2021-11-06"), True]) == "[1.5, 2021-11-06, true]"
    assert quote(Decimal("1e999999999")) == "1E+999999999"  # never expanded


def test_a_year_after_the_assessment_is_refused(tmp_path: Path) -> None:
    """Exports up 11 % "since 2030" on an assessment of 2019 is a typing error, refused."""
    from clusterbench.pipeline.validation import validate_paths

    text = (FASHION / "2019-bronze.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "2019-bronze.yaml"
    wrong.write_text(
        text.replace("{percent: 11, since: 2014}", "{percent: 11, since: 2030}")
        .replace("  founded: 2013\n", "  founded: 2020\n")
        .replace("data_years: [2018, 2019]", "data_years: [2018, 2029]"),
        encoding="utf-8",
    )
    [report] = validate_paths([wrong]).files
    found = [(i.code, i.path, i.message) for i in report.issues if i.code == "CB317"]
    assert found == [
        (
            "CB317",
            "organisation.founded",
            "founded 2020, after the assessment (2019-12-03): give a year no later than 2019",
        ),
        (
            "CB317",
            "organisation.figures.export_growth.since",
            "the export growth is counted from 2030, after the assessment (2019-12-03): give a "
            "year no later than 2019",
        ),
        (
            "CB317",
            "assessment.data_years[1]",
            "data checked in 2029, after the assessment (2019-12-03): give a year no later "
            "than 2019",
        ),
    ]
    assert not report.valid


# ------------------------------------------------------- the examples read as a whole
EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
EUR_NOK = {
    2013: Decimal("7.8067"),
    2014: Decimal("8.3544"),
    2016: Decimal("9.2906"),
    2018: Decimal("9.5975"),
}
"""Yearly average rates (Norges Bank), for the budgets the Bronze benchmarking asks in euros."""
SAME = {
    # criteria: (figure, indicator) pairs that state one fact twice
    "no-innovation-clusters": [("members", "N01"), ("staff", "N04"), ("private_share", "N05")],
    "esca-gold": [("members", "G01"), ("staff", "G26"), ("private_share", "G13")],
    "esca-bronze": [("members", "B01"), ("staff", "B07"), ("private_share", "B14")],
    "esca-eligibility": [("members", "E3"), ("staff", "E2")],
}


def _facts(path: Path) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    scored = score_file(path)
    organisation = scored.assessment.organisation
    figures = organisation.figures
    stated: dict[str, object] = {"members": organisation.members}
    if figures is not None:
        stated.update(staff=figures.staff, private_share=figures.private_share)
    answers = {scored.criteria.id: {k: a.value for k, a in scored.assessment.answers.items()}}
    for key, related in scored.assessment.related.items():
        answers[key] = {k: a.value for k, a in related.answers.items()}
    return stated, answers


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_example_states_each_fact_once(path: Path) -> None:
    """The key figures and the answers that ask for the same fact agree."""
    stated, answers = _facts(path)
    for criteria_id, found in answers.items():
        for figure, indicator in SAME.get(criteria_id, []):
            if stated.get(figure) is not None and found.get(indicator) is not None:
                assert Decimal(str(found[indicator])) == Decimal(str(stated[figure])), (
                    f"{indicator} {found[indicator]} vs {figure} {stated[figure]}"
                )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_example_computes_what_it_says(path: Path) -> None:
    """Counts and conversions written in the comments add up: members joined and left
    since the previous assessment, SMEs among the business members, a budget in euros."""
    import re

    import yaml

    scored = score_file(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {"two": 2, "three": 3}
    previous = scored.previous
    for key, entry in data.get("answers", {}).items():
        comment = entry.get("comment", {}).get("en", "") if isinstance(entry, dict) else ""
        value = entry["value"] if isinstance(entry, dict) else entry
        moved = re.search(
            r"(\d+) (?:new members|members joined).*?(\d+|two|three) (?:left)", comment
        )
        if moved and previous is not None:
            joined, left = int(moved.group(1)), words.get(moved.group(2)) or int(moved.group(2))
            assert previous.assessment.organisation.members + joined - left == value, key
        smes = re.search(r"(\d+) of the (\d+) business members are SMEs", comment)
        if smes:
            assert round(100 * int(smes.group(1)) / int(smes.group(2))) == value, key
        budget = re.search(r"NOK (\d+(?:\.\d)?) million.*?(\d{4}) average rate", comment)
        if budget:
            nok, year = Decimal(budget.group(1)) * 1_000_000, int(budget.group(2))
            assert abs(nok / EUR_NOK[year] / 1000 - Decimal(str(value))) < 1, key
            figures = scored.assessment.organisation.figures
            assert figures is not None
            assert figures.budget is not None
            assert figures.budget.amount == nok, key  # the accounts the comment converts


def test_the_renewal_attempt_reads_as_one_text() -> None:
    """Every strength and the appreciation agree with the answers: the strategy not
    reviewed for over three years is no strength but a recommendation."""
    scored = score_file(HEALTH / "2023-gold-renewal.yaml")
    g06 = scored.result.indicator("G06")
    assert g06 is not None
    assert g06.status == "not_met"
    strengths = " ".join(s.in_language("en") for s in scored.assessment.strengths)
    assert "strategy" not in strengths.casefold()
    recommendations = [r.in_language("en") for r in scored.assessment.recommendations]
    assert any(r.startswith("Review the strategy") for r in recommendations)
    appreciation = scored.assessment.appreciation
    assert appreciation is not None
    assert "not been reviewed for more than three years" in appreciation.in_language("en")
    for path in EXAMPLES:
        assert "noe som er sjelden " not in path.read_text(encoding="utf-8"), path  # sjeldent


def test_criteria_show_and_list_name_nce_and_the_arena_extension(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The programme's overview shows the Arena renewal (three years, extended once by
    two) and the NCE designation beside Arena Pro, not only the levels."""
    code, out = run(["criteria", "show", "no-innovation-clusters"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert (
        "  arena: Arena, valid 36 months, renewed before the end for 24 months more "
        "(at most once in a row)"
    ) in lines
    start = lines.index("Designations")
    assert lines[start + 1 : start + 3] == [
        "  nce: NCE, beside Arena Pro, while every requirement holds",
        "    - Gold label for cluster management excellence: Gold, valid on the assessment date",
    ]
    code, out = run(["criteria", "list"], capsys)
    [line] = [x for x in out.splitlines() if x.startswith("no-innovation-clusters ")]
    assert line.endswith("arena < arena_pro < gce (+ nce)")
    code, out = run(["criteria", "list", "--format", "json"], capsys)
    import json

    [row] = [r for r in json.loads(out) if r["reference"] == "no-innovation-clusters"]
    assert row["designations"] == ["nce"]
