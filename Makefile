# The README's two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The demo's passwords are published in the README: it listens on this machine only.
# To show it on a network on purpose: make demo DEMO_ADDRESS=0.0.0.0:8000
DEMO_ADDRESS ?= 127.0.0.1:8000

.PHONY: demo test install migrate lint bench clean-data

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/lock.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/lock.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate_schemas --noinput -v 0

## Set up (embedded PostgreSQL unless DATABASE_URL is set), load the demo network, serve it on 127.0.0.1:8000.
demo: migrate
	$(MANAGE) load_reference_data
	$(MANAGE) load_demo_network
	$(MANAGE) runserver $(DEMO_ADDRESS)

## The whole test suite, against real PostgreSQL.
test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .
	$(MANAGE) makemigrations --check --dry-run

bench: migrate
	$(BIN)/python bench/bench_cpts_create.py

## Stop and forget the embedded database (asks nothing: it deletes .data/).
clean-data:
	rm -rf .data media
