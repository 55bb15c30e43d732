# posreturns — the two Quickstart commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench venv translations screenshots oms clean

venv: $(STAMP)

$(STAMP): pyproject.toml drivers/pyproject.toml tools/make_venv.py
	$(PYTHON) tools/make_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ./drivers -e '.[test]'
	touch $@

run: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/posreturns demo --if-missing
	QT_QPA_PLATFORM= $(BIN)/posreturns gui

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
