# Tailan: `make run` opens the app on the sample, `make test` runs the tests.
# Both set up everything first: Debian libraries, .venv, the project (editable).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench system-deps setup clean screenshots

run: setup
	$(BIN)/tailan-cli show "$$($(BIN)/python -c 'from core.sample import ensure_sample_database; print(ensure_sample_database())')"

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s -p no:cacheprovider -o python_files='bench_*.py' tests/benchmarks

setup: system-deps $(STAMP)

system-deps:
	@bash packaging/system-deps.sh

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info
