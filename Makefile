# Tailan: `make run` opens the app on the sample, `make test` runs the tests.
# Both set up everything first: Debian libraries, .venv, the project (editable).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-slow bench system-deps setup clean screenshots translations

run: setup
	@if [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
		echo "make run: there is no screen (neither DISPLAY nor WAYLAND_DISPLAY is set); try: xvfb-run -a make run"; exit 1; fi
	$(BIN)/tailan --sample

# The default run leaves out the tests marked slow (long layouts, kills, wall-clock typing,
# the whole hostile corpus, the X server) and runs on every core, its files in RAM where there
# is room (tests/conftest.py); `make test-slow` runs just the slow
# ones, one at a time (they measure time), and CI runs both.
test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow" -n auto

test-slow: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m slow

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s -p no:cacheprovider -o python_files='bench_*.py' tests/benchmarks

setup: system-deps $(STAMP) fonts-prepared

# The printout's fonts parsed once for this reportlab (core/pdf/font_cache.py), kept beside
# them in resources/fonts/*.rlcache (not in git); quick when they are up to date.
.PHONY: fonts-prepared
fonts-prepared: $(STAMP)
	@$(BIN)/python -c "from core.pdf.fonts import prepare_font_caches; prepare_font_caches()"

system-deps:
	@bash packaging/system-deps.sh

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# The window's Mongolian translations: update the .ts from the gui sources, compile the .qm.
translations: setup
	$(BIN)/pyside6-lupdate -locations none $$(find gui -name '*.py' | sort) -ts resources/translations/tailan_mn.ts
	$(BIN)/pyside6-lrelease resources/translations/tailan_mn.ts -qm resources/translations/tailan_mn.qm

# Screenshots of the real window under Xvfb, into docs/window-*.png.
screenshots: setup
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb $(BIN)/python docs/screenshots.py docs
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python docs/consolidation_screenshot.py docs
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb $(BIN)/python docs/receipt_screenshot.py docs
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb $(BIN)/python docs/make_start_screenshots.py docs
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb $(BIN)/python docs/evidence_screenshot.py docs
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb $(BIN)/python docs/year_screenshot.py docs

clean:
	rm -rf $(VENV) build dist *.egg-info

# The self-contained bundle dist/tailan/ (PyInstaller, packaging/tailan.spec), checked
# by packaging/check_bundle.sh (self-test, no system fonts, tailan-cli). The same spec
# builds it on Windows: packaging/build.ps1. `make package-check` prints its size.
.PHONY: package package-check
PACKAGE_STAMP := $(VENV)/.package-stamp

package: setup $(PACKAGE_STAMP)
	PYTHON=$(BIN)/python bash packaging/build.sh

package-check:
	$(BIN)/python packaging/bundle_size.py dist/tailan

$(PACKAGE_STAMP): pyproject.toml
	$(BIN)/python -m pip install -q -e '.[package]'
	touch $(PACKAGE_STAMP)

# Reliability, long runs: 500 SIGKILLs of the window's edit path, 10,000 fuzz examples per
# fuzz test, the hostile corpus, full disk and media; figures into build/reliability/*.json
# (the default `make test` runs the same tests short). See docs/reliability.md.
.PHONY: reliability
reliability: setup
	rm -rf build/reliability
	QT_QPA_PLATFORM=offscreen TAILAN_CRASH_KILLS=500 TAILAN_FUZZ_EXAMPLES=10000 TAILAN_WINDOW_KILLS=10 \
		TAILAN_FIGURES_DIR=build/reliability $(BIN)/python -m pytest -q -s -rxX -p no:cacheprovider tests/reliability
