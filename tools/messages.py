"""Extract the texts of the reports and the workbench and merge them into the catalogs: `make messages`.

Writes `locale/clusterbench.pot` and updates each `locale/<lang>/LC_MESSAGES/clusterbench.po`:
existing translations are kept, new texts are added untranslated, texts no longer used
are dropped.  No dates are written, so an unchanged catalog stays byte-for-byte unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "clusterbench" / "report" / "locale"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
METHODS = [
    ("src/clusterbench/report/**.py", "python"),
    ("src/clusterbench/kinds/text.py", "python"),  # the month window, said once
    ("templates/**.html", "jinja2.ext:babel_extract"),
    ("src/clusterbench/serve/**.py", "python"),
    ("src/clusterbench/serve/templates/**.html", "jinja2.ext:babel_extract"),
]
_JINJA = {"extensions": "jinja2.ext.i18n", "trimmed": "true"}
OPTIONS = {"templates/**.html": _JINJA, "src/clusterbench/serve/templates/**.html": _JINJA}
HEADER = "Project-Id-Version: clusterbench\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n"


def extract() -> Catalog:
    """Every text of the report's Python code and templates."""
    catalog = Catalog(project="clusterbench", fuzzy=False)
    found = extract_from_dir(
        ROOT,
        method_map=METHODS,
        options_map=OPTIONS,
        keywords=KEYWORDS,
        directory_filter=lambda path: not Path(path).name.startswith("."),  # skips .venv, .git
    )
    for _filename, _line, message, _comments, context in found:
        catalog.add(message, context=context)
    return catalog


def _write(path: Path, catalog: Catalog, header_comment: str) -> None:
    catalog.header_comment = header_comment
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, no_location=True, sort_output=True, width=100)
    # Babel writes clock dates and placeholders into the header: keep only stable fields.
    text = path.read_text(encoding="utf-8")
    body = text[text.index('\nmsgid "', text.index('msgstr ""')) + 1 :]
    language = catalog.locale_identifier
    fields = HEADER + (
        f"Language: {language}\nPlural-Forms: {catalog.plural_forms}\n" if language else ""
    )
    header = (
        "\n".join(f"# {line}" if line else "#" for line in header_comment.splitlines())
        + '\nmsgid ""\nmsgstr ""\n'
    )
    header += "".join(f'"{line}\\n"\n' for line in fields.splitlines()) + "\n"
    path.write_text(header + body, encoding="utf-8")


def update() -> list[str]:
    """Write the template and update every catalog; return the texts still untranslated."""
    template = extract()
    _write(
        LOCALE / "clusterbench.pot",
        template,
        "Texts of clusterbench for readers: reports, the terminal summary, criteria show, new (generated; do not edit).",
    )
    untranslated = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/clusterbench.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        language = po.parents[1].name
        _write(
            po,
            catalog,
            f"The {language} texts of clusterbench: reports, the terminal summary, criteria show, new.\nUpdate with `make messages`; every text must be translated (a test checks).",
        )
        untranslated += [f"{language}: {m.id}" for m in catalog if m.id and not m.string]
    return untranslated


if __name__ == "__main__":
    missing = update()
    for line in missing:
        print(f"untranslated {line}")
    sys.exit(1 if missing else 0)
