# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test lint install

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# The charts' library (package.json, pinned by package-lock.json), served from static/vendor/.
static/vendor/dsfr-chart/DSFRChart.js: package.json package-lock.json scripts/vendor-static
	./scripts/vendor-static

install: $(VENV)/.installed static/vendor/dsfr-chart/DSFRChart.js

## The platform on the embedded default: SQLite, a folder as broker, demo data, reminders on.
run: install
	./scripts/run-local

## The whole test suite (PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set).
test: install
	$(PY) -m pytest

## ruff, migrations in step with the models, and the layers between apps (import-linter).
lint: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
