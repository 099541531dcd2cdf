# clusterbench — `make demo` renders an example, `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test system system-reports lint typecheck layers pytest bench schemas messages golden clean

# System libraries and programs (Pango, HarfBuzz subset, poppler-utils, qpdf): checked on
# every run (a few milliseconds), installed with apt-get when missing.
system:
	@tools/setup-system.sh

system-reports:
	@tools/setup-system.sh --reports

# pip -q -q: errors only (a machine's pip configuration may warn about every index it reads).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

DEMO := examples/fjordhelse/2021-gold.yaml

demo: system-reports $(STAMP)
	$(BIN)/clusterbench validate --strict criteria/ examples/
	$(BIN)/clusterbench score $(DEMO)
	mkdir -p out
	$(BIN)/clusterbench report $(DEMO) -o out/report-en.pdf --lang en
	$(BIN)/clusterbench report $(DEMO) -o out/report-nb.pdf --lang nb
	$(BIN)/clusterbench report $(DEMO) -o out/report-de.pdf --lang de
	$(BIN)/clusterbench report $(DEMO) -o out/summary-nb.pdf --lang nb --audience summary
	@echo
	@echo "The reports are in $(CURDIR)/out/: report-en.pdf, report-nb.pdf, report-de.pdf, summary-nb.pdf"
	@echo "clusterbench is installed in $(VENV)/: run it as $(BIN)/clusterbench --help,"
	@echo "or first 'source $(BIN)/activate' and then just: clusterbench --help"

test: system lint typecheck layers pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH)

# Regenerate the committed JSON Schemas after changing a model.
schemas: $(STAMP)
	for name in $$($(BIN)/python -c "from clusterbench.models.schema import SCHEMA_NAMES; print(*SCHEMA_NAMES)"); do \
		$(BIN)/clusterbench schema $$name > schemas/$$name.json; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis

# Regenerate the golden HTML reports after a deliberate change to the report.
golden: $(STAMP)
	$(BIN)/python tools/regenerate_golden.py

# Extract the report's texts and merge them into the catalogs (then translate the new ones).
messages: $(STAMP)
	$(BIN)/python tools/messages.py
