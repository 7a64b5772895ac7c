# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup screenshots samples bench bench-editor schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/parcours-designer resources/examples/dla-collectif-culture.parcours

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/python scripts/write_schema.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs/screenshots

bench-editor: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/bench_editor.py

bench: $(STAMP)
	$(BIN)/python scripts/bench_model.py
	$(BIN)/python scripts/bench_exports.py

samples: $(STAMP)
	$(BIN)/python scripts/samples.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
