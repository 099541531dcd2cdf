"""Batches that keep every output: runs in two languages and for two audiences into one
folder, names from a template, one manifest entry per output across runs, inputs gone,
files that now fail, branding options, certificates, and a batch that never writes over
a file it did not make."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from clusterbench import ReportError
from clusterbench.batch import MANIFEST, BatchOptions, check_name, run_batch
from clusterbench.batch import manifest as manifest_module
from clusterbench.cli import main

from .conftest import ROOT

EXAMPLES = ROOT / "examples"


def copy(tmp_path: Path, *folders: str) -> Path:
    source = tmp_path / "in"
    for folder in folders:
        shutil.copytree(EXAMPLES / folder, source / folder)
    return source


def manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_two_languages_and_two_audiences_into_one_folder_keep_every_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = copy(tmp_path, "young-fashion"), tmp_path / "out"
    base = ["batch", str(source), "-o", str(out), "--format", "html", "--jobs", "2"]
    for extra in (["--lang", "en"], ["--lang", "nb"], ["--lang", "nb", "--audience", "summary"]):
        assert run([*base, *extra], capsys)[0] == 0
    written = sorted(p.name for p in (out / "young-fashion").iterdir())
    assert written == [
        f"{stem}.{variant}.html"
        for stem in ("2022-bronze", "2024-silver")
        for variant in ("en.full", "nb.full", "nb.summary")
    ]
    assert '<html lang="nb"' in (out / "young-fashion" / "2024-silver.nb.full.html").read_text()
    items = manifest(out)["items"]
    assert len(items) == 6  # one entry per output, across the three runs
    assert {(i["options"]["lang"], i["options"]["audience"]) for i in items} == {
        ("en", "full"),
        ("nb", "full"),
        ("nb", "summary"),
    }
    assert {Path(i["output"]).name for i in items} == set(written)
    # Each run again: nothing to make, and still every entry.
    for extra in (["--lang", "en"], ["--lang", "nb"]):
        code, said, _ = run([*base, *extra], capsys)
        assert (code, "0 rendered, 2 unchanged" in said) == (0, True)
    assert len(manifest(out)["items"]) == 6


def test_names_from_a_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out = copy(tmp_path, "young-fashion"), tmp_path / "out"
    code, _, err = run(
        [
            "batch",
            str(source),
            "-o",
            str(out),
            "--format",
            "html",
            "--name",
            "{report_id} {organisation} ({lang})",
        ],
        capsys,
    )
    assert code == 0, err
    assert sorted(p.name for p in (out / "young-fashion").iterdir()) == [
        "LVA052024SLV0001 Audums Fashion Cluster (en).html",
        "LVA092022BRZ0002 Audums Fashion Cluster (en).html",
    ]
    # A template that gives two inputs one name: the second fails, the first is kept.
    code, _, err = run(
        [
            "batch",
            str(source),
            "-o",
            str(tmp_path / "o2"),
            "--format",
            "json",
            "--name",
            "{organisation}",
        ],
        capsys,
    )
    assert code == 1
    assert "is also the output of" in err
    assert [p.name for p in (tmp_path / "o2" / "young-fashion").iterdir()] == [
        "Audums Fashion Cluster.json"
    ]


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ("{stem}/{lang}", "may not hold a path separator"),
        ("..\\{stem}", "may not hold a path separator"),
        ("{stem}.{language}", "unknown field {language}"),
        ("{stem!r}", "unknown field {stem!r}"),
        ("{stem:>9}", "unknown field {stem:>9}"),
        ("{lang}", "add {stem}, {report_id} or {organisation}"),
        (".{stem}", "start with a dot"),
        ("{stem", "write fields as {stem}"),
    ],
)
def test_a_name_template_is_checked(template: str, said: str) -> None:
    with pytest.raises(ReportError, match=said.replace("{", r"\{").replace("(", r"\(")):
        check_name(template)


def test_an_organisation_name_never_leaves_its_folder(tmp_path: Path) -> None:
    source = copy(tmp_path, "young-fashion")
    for path in (source / "young-fashion").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("name: Audums Fashion Cluster", 'name: "../../A/B: C"'))
    out = tmp_path / "out"
    options = BatchOptions(out_dir=out, form="json", name="{organisation} {stem}")
    items = run_batch(source, options)
    assert {i.status for i in items} == {"rendered"}
    assert sorted(p.name for p in (out / "young-fashion").iterdir()) == [
        "-..-A-B- C 2022-bronze.json",
        "-..-A-B- C 2024-silver.json",
    ]


def test_an_input_gone_is_forgotten_and_its_output_kept_as_orphaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = copy(tmp_path, "young-fashion"), tmp_path / "out"
    args = ["batch", str(source), "-o", str(out), "--format", "json"]
    assert run(args, capsys)[0] == 0
    (source / "young-fashion" / "2024-silver.yaml").unlink()
    code, _, err = run(args, capsys)
    assert code == 0
    orphan = out / "young-fashion" / "2024-silver.json"
    assert f"orphaned: {orphan} (its input is gone)" in err
    assert orphan.exists()  # never removed: it may be the only record left
    data = manifest(out)
    assert [i["key"] for i in data["items"]] == ["young-fashion/2022-bronze.json"]
    assert [(o["key"], o["reason"]) for o in data["orphaned"]] == [
        ("young-fashion/2024-silver.json", "its input is gone")
    ]
    orphan.unlink()  # removed by hand: the next run drops it from the list
    assert run(args, capsys)[0] == 0
    assert manifest(out)["orphaned"] == []


def test_a_file_that_now_fails_keeps_its_earlier_output_marked_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = copy(tmp_path, "young-fashion"), tmp_path / "out"
    args = ["batch", str(source), "-o", str(out), "--format", "json"]
    assert run(args, capsys)[0] == 0
    silver = source / "young-fashion" / "2024-silver.yaml"
    silver.write_text(silver.read_text("utf-8").replace("date: 2024-05-28", "date: 2024-13-28"))
    code, _, err = run(args, capsys)
    assert code == 1
    assert "it is stale" in err
    [failed] = [i for i in manifest(out)["items"] if i["status"] == "failed"]
    assert (failed["key"], failed["stale"]) == ("young-fashion/2024-silver.json", True)
    assert "2024-13-28" in failed["error"]


def test_the_manifest_name_is_reserved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(EXAMPLES / "young-fashion" / "2022-bronze.yaml", source / "manifest.yaml")
    out = tmp_path / "out"
    code, _, err = run(["batch", str(source), "-o", str(out), "--format", "json"], capsys)
    assert code == 1
    assert "the output would be manifest.json, the batch's own record of its outputs" in err
    assert manifest(out)["format"] == 2  # the manifest is still the manifest


def test_a_batch_into_its_own_folder_never_writes_over_a_file_it_did_not_make(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bronze = (EXAMPLES / "young-fashion" / "2022-bronze.yaml").read_text("utf-8")
    (folder / "old.yaml").write_text(bronze, "utf-8")
    import yaml

    (folder / "old.json").write_text(json.dumps(yaml.safe_load(bronze), default=str), "utf-8")
    silver = (EXAMPLES / "young-fashion" / "2024-silver.yaml").read_text("utf-8")
    (folder / "new.yaml").write_text(silver.replace("file: 2022-bronze.yaml", "file: old.json"))
    kept = (folder / "old.json").read_bytes()
    code, _, err = run(["batch", str(folder), "-o", str(folder), "--format", "json"], capsys)
    assert code == 1
    assert "old.json exists and is not an output of a batch into this folder" in err
    assert (folder / "old.json").read_bytes() == kept
    assert json.loads((folder / "new.json").read_text())["level"] == "silver"
    assert not list(folder.glob(".*.part"))


def test_a_journal_that_cannot_be_written_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Full:
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

        def close(self) -> None:
            pass

    real = manifest_module.Journal.__init__

    def full(self: manifest_module.Journal, out_dir: Path) -> None:
        real(self, out_dir)
        self._stream.close()
        self._stream = Full()  # type: ignore[assignment]

    monkeypatch.setattr(manifest_module.Journal, "__init__", full)
    source, out = copy(tmp_path, "young-fashion"), tmp_path / "out"
    code, _, err = run(["batch", str(source), "-o", str(out), "--format", "json"], capsys)
    assert code == 1
    assert "cannot write the journal: No space left on device" in err
    assert "Traceback" not in err
    assert "internal error" not in err
    assert not list(out.rglob(".*.part"))


def test_standard_output_is_no_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["batch", str(EXAMPLES / "young-fashion"), "-o", "-"], capsys)
    assert code == 2
    assert "standard output (-) cannot hold" in err


def test_branding_options_shape_the_outputs_and_their_fingerprints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = copy(tmp_path, "young-fashion"), tmp_path / "out"
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    args = ["batch", str(source), "-o", str(out), "--format", "html", "--logo", str(logo)]
    assert run([*args, "--accent", "#AA0000"], capsys)[0] == 0
    page = (out / "young-fashion" / "2024-silver.en.full.html").read_text("utf-8")
    assert "#AA0000" in page
    assert "logo.svg" in page
    assert "0 rendered, 2 unchanged" in run([*args, "--accent", "#AA0000"], capsys)[1]
    assert "2 rendered" in run([*args, "--accent", "#00AA00"], capsys)[1]  # another accent
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"/>')
    assert "2 rendered" in run([*args, "--accent", "#00AA00"], capsys)[1]  # another logo
    [entry] = [i for i in manifest(out)["items"] if i["key"].endswith("2024-silver.en.full.html")]
    assert (entry["options"]["accent"], entry["options"]["logo"]) == ("#00AA00", str(logo))
    assert str(logo) in {s[0] for s in entry["sources"]}


def test_certificates_for_the_approved_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = copy(tmp_path, "fjordhelse"), tmp_path / "out"
    args = ["batch", str(source), "-o", str(out), "--format", "json", "--certificates"]
    code, said, err = run([*args, "--lang", "nb"], capsys)
    assert code == 0, err
    assert "certificates: 7 written, 0 unchanged, 1 without an approved label" in said
    made = sorted(p.name for p in (out / "fjordhelse").glob("*.certificate.pdf"))
    assert "2021-gold.nb.certificate.pdf" in made
    assert "2023-gold-renewal.nb.certificate.pdf" not in made  # reached no level, rejected
    reader = PdfReader(out / "fjordhelse" / "2021-gold.nb.certificate.pdf")
    assert len(reader.pages) == 1
    assert "Gull" in reader.pages[0].extract_text()
    [refused] = [i for i in manifest(out)["items"] if i["status"] == "not_awarded"]
    assert refused["id"] == "fjordhelse/2023-gold-renewal.yaml|certificate|nb"
    assert "reaches no level" in refused["note"]
    # The decision taken back: the certificate is no longer made, and its file is listed.
    gold = source / "fjordhelse" / "2021-gold.yaml"
    gold.write_text(gold.read_text("utf-8").replace("status: approved", "status: recommended"))
    code, _, err = run([*args, "--lang", "nb"], capsys)
    assert "2021-gold.nb.certificate.pdf (no longer made: the level is not approved" in err
    assert any(o["key"].endswith("2021-gold.nb.certificate.pdf") for o in manifest(out)["orphaned"])
