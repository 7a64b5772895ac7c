# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup screenshots samples bench bench-editor schema clean dist icons

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

DIST_STAMP := $(VENV)/.dist-installed

$(DIST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test,dist]"
	touch $(DIST_STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/parcours-designer resources/examples/dla-collectif-culture.parcours

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/python scripts/write_schema.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshot_planning.py docs/screenshots

bench-editor: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/bench_editor.py

bench: $(STAMP)
	$(BIN)/python scripts/bench_model.py
	$(BIN)/python scripts/bench_exports.py
	$(BIN)/python scripts/bench_portfolio.py

samples: $(STAMP)
	$(BIN)/python scripts/samples.py

# A one-folder bundle that runs without Python (dist/parcours-designer), then
# its smoke test: --version, check, every export, the editor opening a file.
dist: $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/parcours-designer.spec
	$(BIN)/python packaging/smoke_test.py dist/parcours-designer
	@du -sh dist/parcours-designer

icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/make_icons.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
