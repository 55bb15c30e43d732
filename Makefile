# posreturns — the two Quickstart commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench oms oms-down venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml drivers/pyproject.toml tools/make_venv.py
	$(PYTHON) tools/make_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ./drivers -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/posreturns demo --if-missing
	$(BIN)/posreturns gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

oms: $(STAMP)
	$(BIN)/python oms/harness.py up

oms-down: $(STAMP)
	$(BIN)/python oms/harness.py down

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
