"""What the assessor wrote: texts per language, `validate --lang`, lists split at a comma."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterbench import load_assessment
from clusterbench.cli import main
from clusterbench.pipeline.validation import validate_paths

from .conftest import FIXTURES, ROOT

THRESHOLD = FIXTURES / "scoring" / "threshold.yaml"

ASSESSMENT = f"""\
kind: assessment
format: 1
organisation:
  name: Fjordtech Cluster
  country: NOR
  portfolio: ict
  facts:
    Offices: {{en: Oslo and Bergen, nb: Oslo og Bergen}}
    Staff: 4
assessment:
  date: 2023-11-06
  assessors:
    - {{name: A. Assessor, role: {{en: lead assessor, nb: ledende vurderer}}}}
  method: two days on site
criteria: {{id: threshold, version: "1", file: {THRESHOLD}}}
answers:
  A: {{value: true, comment: {{en: Adopted in 2021., nb: Vedtatt i 2021.}}}}
  B:
    value: 15
    evidence:
      - en: Member register, 1 November 2023
        nb: Medlemsregister per 1. november 2023
      - en: Statutes
  C: 1
  D: true
  E: 50
strengths:
  - {{en: A strong board, nb: Et sterkt styre}}
"""


def write(tmp_path: Path, text: str = ASSESSMENT) -> Path:
    path = tmp_path / "assessment.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_texts_may_be_one_string_or_one_per_language(tmp_path: Path) -> None:
    assessment = load_assessment(write(tmp_path))
    assert assessment.language == "en"
    answer = assessment.answers["A"]
    assert answer.comment is not None
    assert answer.comment.in_language("nb") == "Vedtatt i 2021."
    facts = {f.label.in_language("en"): f for f in assessment.organisation.facts}
    assert facts["Offices"].values[0].in_language("nb") == "Oslo og Bergen"
    assert facts["Staff"].values[0].in_language("nb") == "4"  # a number is written as text
    assert assessment.assessment.assessors[0].role is not None


def test_validate_lang_warns_about_every_text_without_that_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == "1 file checked: all valid\n"
    assert main(["validate", "--lang", "nb", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 1)[1] for line in lines[:-1]] == [
        "warning: organisation.facts.Offices: the label 'Offices' is written in en only; for a "
        "report in nb, write the facts as a list of {label: {en: ..., nb: ...}, value: ...} [CB311]",
        "warning: organisation.facts.Staff: the label 'Staff' is written in en only; for a "
        "report in nb, write the facts as a list of {label: {en: ..., nb: ...}, value: ...} [CB311]",
        "warning: organisation.facts.Staff: this text is written in en only; for a report in nb, "
        "write it as {en: ..., nb: ...} [CB311]",
        "warning: assessment.method: this text is written in en only; for a report in nb, "
        "write it as {en: ..., nb: ...} [CB311]",
        "warning: criteria: the criteria threshold are written in en: a report in nb cannot be "
        "made [CB311]",
        "warning: answers.B.evidence[1]: missing the nb text (it has en) [CB311]",
    ]
    assert lines[-1] == "1 file checked: all valid; 6 warnings"


def test_warnings_point_at_the_text(tmp_path: Path) -> None:
    report = validate_paths([write(tmp_path)], languages=["nb"])
    where = [(i.path, i.line, i.column) for f in report.files for i in f.issues]
    assert where == [
        ("organisation.facts.Offices", 8, 5),  # a label written as a key: at the key
        ("organisation.facts.Staff", 9, 5),
        ("organisation.facts.Staff", 9, 12),
        ("assessment.method", 14, 11),
        ("criteria", 15, 11),
        ("answers.B.evidence[1]", 23, 9),
    ]


def test_strict_makes_a_missing_translation_an_error(tmp_path: Path) -> None:
    report = validate_paths([write(tmp_path)], strict=True, languages=["nb"])
    assert not report.valid
    assert {i.code for f in report.files for i in f.issues} == {"CB311"}


def test_the_bundled_examples_are_wholly_norwegian() -> None:
    report = validate_paths([ROOT / "examples"], strict=True, languages=["nb"])
    assert [str(i) for f in report.files for i in f.issues] == []


def test_a_bracketed_list_split_at_a_comma_is_a_warning_a_quoted_one_is_not(
    tmp_path: Path,
) -> None:
    text = ASSESSMENT.replace(
        "  D: true\n",
        '  D: {value: true, evidence: [Strategy 2021–2025, adopted 12 March 2021, "Plan, 2022"]}\n',
    )
    report = validate_paths([write(tmp_path, text)])
    split = [i for f in report.files for i in f.issues if i.code == "CB312"]
    assert [(i.path, i.message.split(":")[0]) for i in split] == [
        (
            "answers.D.evidence[1]",
            "'adopted 12 March 2021' looks like the rest of 'Strategy 2021–2025'",
        )
    ]


def test_the_workbench_edits_a_text_in_its_page_language_only() -> None:
    from clusterbench.serve.edits import Containers, set_value

    data = {"comment": {"en": "Old.", "nb": "Gammel."}, "evidence": [{"en": "A", "nb": "A-nb"}]}
    nb = Containers(language="nb")
    set_value(data, ["comment"], "Gammel.", nb)  # unchanged: nothing written
    assert data["comment"] == {"en": "Old.", "nb": "Gammel."}
    set_value(data, ["comment"], "Ny.", nb)
    assert data["comment"] == {"en": "Old.", "nb": "Ny."}
    set_value(data, ["evidence"], ["A-nb", "B"], nb)
    assert data["evidence"] == [{"en": "A", "nb": "A-nb"}, "B"]
