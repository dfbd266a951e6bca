# werkpad: `make run` serves the demo, `make test` runs lint and the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
export DJANGO_SETTINGS_MODULE := werkpad.settings

.PHONY: install install-dev run test lint format bench messages clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "werkpad needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@bash tools/pdf_packages.sh
	@touch $@

install-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

run: install
	$(BIN)/werkpad migrate --noinput
	$(BIN)/werkpad demo --if-empty
	@# The demo logs staff in without the second step; production keeps WERKPAD_STAFF_2FA on.
	@# The worker (background tasks, sweeps) runs beside the server and stops with it.
	WERKPAD_STAFF_2FA=$${WERKPAD_STAFF_2FA:-false} $(BIN)/werkpad serve --host 127.0.0.1 --port 8000 --with-worker

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/werkpad makemigrations --check --dry-run --noinput
	$(BIN)/werkpad check

test: lint
	$(BIN)/pytest $(PYTEST_ARGS)

format: install-dev
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: install-dev
	$(BIN)/python -m bench.joblist $(BENCH_ARGS)
	$(BIN)/python -m bench.matching $(MATCHING_BENCH_ARGS)

messages: install-dev
	cd src/werkpad && ../../$(BIN)/werkpad makemessages -l nl --no-location --no-obsolete \
		&& ../../$(BIN)/werkpad compilemessages

clean:
	rm -rf $(VENV) var build src/*.egg-info
