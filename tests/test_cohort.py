"""Cohorts: anonymous statistics, peer comparison, peer-relative bands, the cohort command."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from benchmarks.generate import generate

from clusterbench import CohortError, Result, load_criteria, score, score_file
from clusterbench.cli import main
from clusterbench.models.schema import json_schema
from clusterbench.pipeline.cohort import build_cohort_from, load_cohort, write_cohort
from clusterbench.report import render_html
from clusterbench.scoring.cohort import ALL, DECILES_FROM, build_cohort, rank, stats
from clusterbench.scoring.peers import peer_band, why_no_peers

from .conftest import FIXTURES, ROOT

D = Decimal


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cohort")
    generate(load_criteria("esca-gold"), 60, folder, seed=3)
    return folder


@pytest.fixture(scope="module")
def cohort_file(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = build_cohort_from([generated], by="portfolio", min_size=5)
    assert built.skipped == ()
    path = tmp_path_factory.mktemp("cohort-file") / "cohort.json"
    write_cohort(built.cohort, path)
    return path


def test_stats_of_a_small_group() -> None:
    found = stats([D(1), D(2), D(3), D(4), D(10)])
    assert found is not None
    assert (found.n, found.mean, found.median, found.q1, found.q3) == (
        5,
        D("4.0000"),
        D(3),
        D(2),
        D(4),
    )
    assert found.deciles == ()  # deciles only from DECILES_FROM values
    assert len(stats([D(v) for v in range(DECILES_FROM)]).deciles) == 9  # type: ignore[union-attr]
    assert stats([]) is None
    single = stats([D(7)])
    assert single is not None
    assert single.median == single.q1 == single.q3 == D(7)


def test_rank_counts_the_peers_below_and_level_with_a_value() -> None:
    found = stats([D(v) for v in (3, 1, 4, 1, 5)])
    assert found is not None
    assert found.sorted == (1, 1, 3, 4, 5)
    assert rank(D(0), found) == (0, 0)
    assert rank(D(1), found) == (0, 2)
    assert rank(D("4.5"), found) == (4, 0)  # 4 of 5 lower: a real rank, not a quartile's guess
    assert rank(D(9), found) == (5, 0)
    flat = stats([D(3)] * 10)
    assert flat is not None
    assert rank(D(3), flat) == (0, 10)
    assert rank(D(3), flat.model_copy(update={"sorted": ()})) is None  # an older cohort file


def test_peer_bands_follow_the_direction() -> None:
    found = stats([D(v) for v in range(1, 101)])
    assert found is not None
    assert [peer_band("higher", D(v), found) for v in (80, 40, 10)] == ["green", "yellow", "red"]
    assert [peer_band("lower", D(v), found) for v in (10, 60, 90)] == ["green", "yellow", "red"]


def test_cohort_holds_no_names_and_no_small_groups(cohort_file: Path, generated: Path) -> None:
    text = cohort_file.read_text(encoding="utf-8")
    names = {
        json.dumps(p.read_text().split("name: ")[1].split("\n")[0])
        for p in generated.glob("*.yaml")
    }
    assert not any(name.strip('"') in text for name in names)
    cohort = load_cohort(cohort_file)
    section = cohort.criteria["esca-gold"]
    assert cohort.organisations == 60
    assert section.groups[ALL].n == 60
    assert all(group.n >= 5 for group in section.groups.values())
    hidden = 60 - sum(g.n for name, g in section.groups.items() if name != ALL)
    assert hidden == 0 or hidden >= 5
    jsonschema.validate(json.loads(text), json_schema("cohort"))


def test_too_few_hidden_organisations_hide_another_group(generated: Path) -> None:
    # Groups of 6, 6 and 1: `all` minus the two published groups would be the one
    # cluster of group c, so one group of 6 is hidden with it.
    base = [score_file(p).result for p in sorted(generated.glob("*.yaml"))[:13]]
    results = [
        r.model_copy(
            update={
                "organisation": r.organisation.model_copy(
                    update={
                        "name": f"Org {i}",
                        "portfolio": "a" if i < 6 else "b" if i < 12 else "c",
                    }
                )
            }
        )
        for i, r in enumerate(base)
    ]
    section = build_cohort(results, by="portfolio", min_size=5).criteria["esca-gold"]
    assert set(section.groups) == {ALL, "b"}
    assert section.suppressed == 2
    assert section.groups[ALL].n - section.groups["b"].n == 7
    unhidden = build_cohort(results[:12], by="portfolio", min_size=5).criteria["esca-gold"]
    assert set(unhidden.groups) == {ALL, "a", "b"}


def test_each_organisation_counts_once_with_its_latest_assessment() -> None:
    old = score_file(FIXTURES / "scoring" / "bronze-2019.yaml").result
    new = score_file(FIXTURES / "scoring" / "silver-2021.yaml").result
    cohort = build_cohort([old, new], by="country", min_size=1)
    group = cohort.criteria["threshold"].groups["NOR"]
    assert group.n == 1
    assert group.levels == {"silver": 1}
    assert cohort.assessments == 2


def test_score_with_a_cohort_compares_with_peers(cohort_file: Path) -> None:
    cohort = load_cohort(cohort_file)
    scored = score_file(ROOT / "examples" / "fjordhelse" / "2021-gold.yaml", cohort=cohort)
    peers = scored.result.peers
    assert peers is not None
    assert peers.by == "portfolio"
    assert peers.group in ("health", ALL)
    assert peers.n >= 5
    assert peers.score_share == D("0.95")
    assert peers.score_mean is not None
    assert len(peers.indicators) == 31
    g01 = peers.indicators[0]
    assert (g01.id, g01.value) == ("G01", 254)
    assert (g01.lower, g01.equal) == (g01.n, 0), g01  # 254 members: more than any peer
    jsonschema.validate(json.loads(scored.result.model_dump_json()), json_schema("result"))
    text = scored.result.model_dump_json()
    assert Result.model_validate_json(text).model_dump_json() == text


def test_peer_bands_colour_against_the_group(tmp_path: Path) -> None:
    text = (FIXTURES / "scoring" / "threshold.yaml").read_text(encoding="utf-8")
    peered = text.replace(
        "      red: {below: 10}\n", "      red: {below: 10}\n    peer_bands: higher\n"
    )
    path = tmp_path / "threshold.yaml"
    path.write_text(peered, encoding="utf-8")
    peer_criteria = load_criteria(path)
    base = score_file(FIXTURES / "scoring" / "gold-2023.yaml").assessment
    eligibility = {"esca-eligibility": load_criteria("esca-eligibility")}
    peers = [
        score(
            peer_criteria,
            base.model_copy(
                update={
                    "answers": {
                        **base.answers,
                        "B": base.answers["B"].model_copy(update={"value": v}),
                    },
                    "organisation": base.organisation.model_copy(update={"name": f"Peer {v}"}),
                }
            ),
            dependencies=eligibility,
        )
        for v in (20, 30, 40, 50, 60)
    ]
    cohort = build_cohort(peers, by="country", min_size=5)
    result = score(peer_criteria, base, cohort=cohort, dependencies=eligibility)
    b = result.indicator("B")
    assert b is not None
    assert b.value == 15  # met by its own rule (≥ 15) ...
    assert (b.band, b.band_basis) == ("red", "peers")  # ... but below every peer
    plain = score(peer_criteria, base, dependencies=eligibility)
    assert plain.indicator("B").band == "green"  # type: ignore[union-attr]
    # Only the colour shown (and so what to work on) differs: level, gaps, margin and
    # progress are the same.
    assert "B" in result.weak
    assert "B" not in plain.weak
    assert (
        result.model_copy(
            update={"indicators": plain.indicators, "weak": plain.weak, "peers": None}
        )
        == plain
    )


def test_peer_bands_need_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIXTURES / "scoring" / "threshold.yaml").read_text(encoding="utf-8")
    path = tmp_path / "bad.yaml"
    path.write_text(
        text.replace(
            "    minimum_requirement: true\n",
            "    minimum_requirement: true\n    peer_bands: higher\n",
            1,
        )
    )
    assert main(["validate", str(path)]) == 1
    assert (
        "peer_bands compare numbers; a boolean answer has none to compare [CB205]"
        in capsys.readouterr().out
    )


def test_report_with_a_cohort_has_a_peer_section(cohort_file: Path) -> None:
    scored = score_file(
        ROOT / "examples" / "fjordhelse" / "2021-gold.yaml", cohort=load_cohort(cohort_file)
    )
    html = render_html(scored, language="nb")
    assert "Sammenlignet med andre klynger" in html
    assert '<section class="peers">' in html
    assert "n=" in html


def test_cli_cohort_build_and_score(
    generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.json"
    bad = tmp_path / "in"
    bad.mkdir()
    for path in list(generated.glob("*.yaml"))[:12]:
        (bad / path.name).write_bytes(path.read_bytes())
    (bad / "broken.yaml").write_text("kind: assessment\nformat: 1\n")
    code = main(["cohort", "build", str(bad), "-o", str(out), "--by", "country", "--min-size", "2"])
    captured = capsys.readouterr()
    assert code == 1  # one file skipped
    assert "skipped" in captured.err
    assert "broken.yaml" in captured.err
    assert (
        f"wrote {out}: 12 assessments, 12 organisations, grouped by country" in captured.out
    )  # the skipped one not among them
    code = main(
        [
            "score",
            str(ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"),
            "--cohort",
            str(out),
            "--format",
            "json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["peers"]["by"] == "country"


def test_a_broken_cohort_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.json"
    path.write_text('{"kind": "cohort", "by": "colour"}')
    with pytest.raises(CohortError):
        load_cohort(path)
    assert (
        main(
            [
                "score",
                str(ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"),
                "--cohort",
                str(path),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert f"{path}:1:26: by: must be one of portfolio, country, size, got 'colour'" in err
    assert "Traceback" not in err


def test_a_cohort_of_other_criteria_content_is_not_used(
    cohort_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "esca-gold.yaml"
    text = (ROOT / "criteria" / "esca-gold.yaml").read_text(encoding="utf-8")
    edited.write_text(text.replace('version: "2019"', 'version: "2027"'), encoding="utf-8")
    assessment = ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"
    cohort = load_cohort(cohort_file)
    result = score_file(assessment, criteria=edited, cohort=cohort).result
    assert result.peers is None
    assert score_file(assessment, cohort=cohort).result.peers is not None
    code = main(["score", str(assessment), "--criteria", str(edited), "--cohort", str(cohort_file)])
    err = capsys.readouterr().err
    assert code == 0
    assert "note: no peer comparison: the cohort was built from another version of esca-gold" in err
    assert "(2019, content " in err
    assert "not 2027" in err


def test_why_no_peers_names_the_missing_group(generated: Path) -> None:
    results = [score_file(p).result for p in sorted(generated.glob("*.yaml"))[:6]]
    cohort = build_cohort(results, by="country", min_size=7)
    assert why_no_peers(results[0], cohort) == (
        f"the cohort has no group of at least 7 for {results[0].organisation.country!r} "
        "and no group of all"
    )
    other = build_cohort([score_file(FIXTURES / "scoring" / "bronze-2019.yaml").result], min_size=1)
    assert "has no assessments of esca-gold (it has: threshold)" in str(
        why_no_peers(results[0], other)
    )


def _renamed(results: list[Result], **changes: object) -> list[Result]:
    """Copies of `results` as other organisations (names Org 0, Org 1, ...)."""
    return [
        r.model_copy(
            update={
                "organisation": r.organisation.model_copy(
                    update={
                        "name": f"Org {i}",
                        **{k: v(i) if callable(v) else v for k, v in changes.items()},
                    }
                )
            }
        )
        for i, r in enumerate(results)
    ]


def test_small_distributions_are_not_published(generated: Path) -> None:
    results = [score_file(p).result for p in sorted(generated.glob("*.yaml"))[:12]]
    # G01 not applicable for all but three of them: too few to show their answers.
    changed = [
        r.model_copy(
            update={
                "indicators": tuple(
                    o.model_copy(update={"status": "not_applicable"})
                    if o.id == "G01" and i >= 3
                    else o
                    for o in r.indicators
                )
            }
        )
        for i, r in enumerate(results)
    ]
    section = build_cohort(_renamed(changed), by="country", min_size=5).criteria["esca-gold"]
    g01 = section.groups[ALL].indicators["G01"]
    assert g01.n == 3
    assert (g01.met_share, g01.points, g01.values) == (None, None, None)
    assert section.groups[ALL].indicators["G02"].met_share is not None


def test_the_group_of_all_does_not_give_away_an_indicator_by_subtraction(generated: Path) -> None:
    results = [score_file(p).result for p in sorted(generated.glob("*.yaml"))[:11]]
    # Groups a (6) and b (5) are both shown, but in b G01 applies to only four: `all`
    # minus a would show those four answers, so `all` does not show G01.
    changed = [
        r.model_copy(
            update={
                "indicators": tuple(
                    o.model_copy(update={"status": "not_applicable"})
                    if o.id == "G01" and i == 10
                    else o
                    for o in r.indicators
                )
            }
        )
        for i, r in enumerate(results)
    ]
    renamed = _renamed(changed, portfolio=lambda i: "a" if i < 6 else "b")
    section = build_cohort(renamed, by="portfolio", min_size=5).criteria["esca-gold"]
    assert set(section.groups) == {ALL, "a", "b"}
    assert section.groups["b"].indicators["G01"].met_share is None  # 4 answers: hidden
    assert section.groups["a"].indicators["G01"].met_share is not None
    assert section.groups[ALL].indicators["G01"].met_share is None  # 10 - 6 = the hidden 4
    assert section.groups[ALL].indicators["G02"].met_share is not None


def test_a_portfolio_called_all_keeps_its_own_group(generated: Path) -> None:
    results = [score_file(p).result for p in sorted(generated.glob("*.yaml"))[:10]]
    renamed = _renamed(results, portfolio=lambda i: "All" if i < 5 else "food")
    section = build_cohort(renamed, by="portfolio", min_size=5).criteria["esca-gold"]
    assert section.groups[ALL].n == 10
    assert section.groups["All (portfolio)"].n == 5


def test_a_cohort_holds_one_version_of_each_criteria_set(generated: Path, tmp_path: Path) -> None:
    edited = tmp_path / "criteria" / "esca-gold.yaml"
    edited.parent.mkdir()
    text = (ROOT / "criteria" / "esca-gold.yaml").read_text(encoding="utf-8")
    edited.write_text(text.replace('version: "2019"', 'version: "2027"'), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(generated.glob("*.yaml"))[:7]:
        (folder / path.name).write_bytes(path.read_bytes())
    other = sorted(generated.glob("*.yaml"))[7]
    (folder / "other.yaml").write_text(
        other.read_text(encoding="utf-8").replace(
            "  version: '2019'", "  version: '2027'\n  file: ../criteria/esca-gold.yaml"
        ),
        encoding="utf-8",
    )
    built = build_cohort_from([folder], min_size=1)
    assert [path for path, _ in built.skipped] == [str(folder / "other.yaml")]
    assert "another version of esca-gold (2027" in built.skipped[0][1]
    assert built.cohort.criteria["esca-gold"].groups[ALL].n == 7
    assert built.cohort.criteria["esca-gold"].version == "2019"


def test_score_text_shows_the_peers(cohort_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "score",
            str(ROOT / "examples" / "fjordhelse" / "2021-gold.yaml"),
            "--cohort",
            str(cohort_file),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    peers = out.split("\nCompared with ")[-1].split("\n\n")[0]
    assert " clusters " in peers.splitlines()[0]
    assert "score 95.0% against their mean " in peers
    assert " clusters lower" in peers  # a real rank: so many of the n peers below
    assert "levels: " in peers


def test_skipped_files_are_not_counted_as_assessments(tmp_path: Path) -> None:
    """`cohort build` once counted an invalid assessment among the cohort's assessments."""
    from .hostile import assessment

    (tmp_path / "a.yaml").write_text(assessment(), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(assessment(name="Other Cluster"), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(
        assessment(name="Broken Cluster").replace("B: 15", "B: not a number"), encoding="utf-8"
    )
    built = build_cohort_from([tmp_path], by="country", min_size=1)
    assert [Path(name).name for name, _ in built.skipped] == ["broken.yaml"]
    assert built.cohort.assessments == 2
    assert built.cohort.organisations == 2
