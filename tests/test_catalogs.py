"""The catalogs: every message in every language, the same placeholders, nothing stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from tools.messages import LOCALE, extract

from clusterbench.report.i18n import translations
from clusterbench.report.options import LANGUAGES

from .conftest import ROOT

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]  # English is the source
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%%")


def catalog(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "clusterbench.po").open("rb") as handle:
        return read_po(handle, locale=language)


def messages(found: Catalog) -> list[Message]:
    return [m for m in found if m.id]


def test_there_are_three_languages_and_a_catalog_for_each_but_english() -> None:
    assert LANGUAGES == ("en", "nb", "de")
    assert sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/clusterbench.po")) == (
        sorted(TRANSLATED)
    )


def test_the_template_holds_every_text_of_the_code_and_templates() -> None:
    with (LOCALE / "clusterbench.pot").open("rb") as handle:
        template = read_po(handle)
    fresh = extract()
    assert {m.id for m in messages(template)} == {m.id for m in messages(fresh)}, (
        "run `make messages` and translate the new texts"
    )
    assert len(messages(template)) > 300


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    with (LOCALE / "clusterbench.pot").open("rb") as handle:
        template = read_po(handle)
    found = catalog(language)
    wanted = {m.id for m in messages(template)}
    assert {m.id for m in messages(found)} == wanted
    for message in messages(found):
        assert not message.fuzzy, message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"{language}: {ids[0]!r} is not translated"
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) <= expected | set(PLACEHOLDER.findall(ids[0])), (
                f"{language}: {ids[0]!r} has a placeholder the English has not: {text!r}"
            )
            # Every number and name the English says, the translation says too.
            if not isinstance(message.id, tuple):
                assert set(PLACEHOLDER.findall(text)) == expected, (language, ids[0], text)
        if isinstance(message.id, tuple):
            assert len(strings) == found.num_plurals, (language, ids[0])


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_forms_follow_cldr(language: str) -> None:
    found = catalog(language)
    assert found.plural_expr == "(n != 1)"  # en, nb and de: one and other, as CLDR says
    words = translations(language)
    assert words.ngettext("%(num)d indicator met", "%(num)d indicators met", 1) != words.ngettext(
        "%(num)d indicator met", "%(num)d indicators met", 2
    )


def test_no_code_hides_a_text_from_the_extractor() -> None:
    """An alias of ngettext, or a text inside an f-string, is not extracted: it would stay English."""
    offenders = []
    for path in sorted((ROOT / "src" / "clusterbench" / "report").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(say|self)\.ngettext\b(?!\s*[(:])|\bf[\"'][^\"']*\{[^}]*\b_\(", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_glossary_names_every_language() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for term in ("assessor", "minimum requirement", "awarding body", "margin", "gap"):
        assert f"| {term} |" in glossary, term


def test_translations_are_read_as_packaged(tmp_path: Path) -> None:
    assert translations("nb").gettext("Summary") == "Sammendrag"
    assert translations("de").gettext("Summary") == "Zusammenfassung"
    assert translations("en").gettext("Summary") == "Summary"
