# The README's two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The demo's passwords are published in the README: it listens on this machine only.
# To show it on a network on purpose: make demo DEMO_ADDRESS=0.0.0.0:8000
DEMO_ADDRESS ?= 127.0.0.1:8000
# Links between the demo's hosts carry this port; they are written when the demo is first made.
DEMO_PORT = $(lastword $(subst :, ,$(DEMO_ADDRESS)))

.PHONY: demo test browser-tools test-operator install migrate lint bench clean-data

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
	PUBLIC_PORT=$(DEMO_PORT) $(MANAGE) load_demo_network
	# A demo made by an earlier version gets the network copies added since (a few seconds).
	PUBLIC_PORT=$(DEMO_PORT) $(MANAGE) check_public_copies --fix
	PUBLIC_PORT=$(DEMO_PORT) $(MANAGE) runserver $(DEMO_ADDRESS)

## The whole test suite, against real PostgreSQL, the browser tests included: two workers, each
## with its own test database (pytest-xdist), the reason of every skip and the 15 slowest tests.
PYTEST_WORKERS ?= 2
test: install browser-tools
	$(BIN)/python -m pytest -q -rs --durations=15 -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

## What tests/test_browser.py drives: Debian's Chromium (apt-get, as root) and axe-core (npm), as
## .ci/run installs them; on a machine where they cannot be installed, stops saying what to install.
AXE := .ci/axe/node_modules/axe-core/axe.min.js
NEEDS_CHROMIUM := Tests du navigateur : installez Chromium (apt-get install chromium), puis relancez \
	make test. / Browser tests: install Chromium (apt-get install chromium), then run make test again.
NEEDS_AXE := Tests du navigateur : installez Node.js et npm pour axe-core (npm install --prefix .ci/axe \
	axe-core@4), puis relancez make test. / Browser tests: install Node.js and npm for axe-core (npm \
	install --prefix .ci/axe axe-core@4), then run make test again.
browser-tools:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		{ DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null || \
		  { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }; }; } \
		|| { echo "$(NEEDS_CHROMIUM)" >&2; exit 1; }
	@test -f $(AXE) || { command -v npm >/dev/null 2>&1 && \
		npm install --silent --no-audit --no-fund --prefix .ci/axe axe-core@4 >/dev/null; } \
		|| { echo "$(NEEDS_AXE)" >&2; exit 1; }
	@# Lighthouse 12.2.3: the last release that runs on Node 20 (tests/cpts_network/test_lighthouse.py).
	@test -x .ci/lighthouse/node_modules/.bin/lighthouse || { command -v npm >/dev/null 2>&1 && \
		npm install --silent --no-audit --no-fund --prefix .ci/lighthouse lighthouse@12.2.3 >/dev/null; } \
		|| { echo "$(NEEDS_AXE) (lighthouse@12.2.3 dans .ci/lighthouse)" >&2; exit 1; }

## The operator's run: production settings, gunicorn, the task worker, Redis, PostgreSQL on
## 127.0.0.1:5432, in a virtualenv without the embedded PostgreSQL (tests/operator).
OPERATOR_VENV := .venv-operator
OPERATOR_DATABASE_SERVER ?= postgresql://postgres@127.0.0.1:5432
$(OPERATOR_VENV)/.installed: requirements/lock.txt
	$(PYTHON) -m venv $(OPERATOR_VENV)
	$(OPERATOR_VENV)/bin/pip install --quiet --upgrade pip
	grep -v '^pgserver==' requirements/lock.txt > $(OPERATOR_VENV)/requirements.txt
	$(OPERATOR_VENV)/bin/pip install --quiet -r $(OPERATOR_VENV)/requirements.txt
	touch $@

test-operator: $(OPERATOR_VENV)/.installed
	OPERATOR_DATABASE_SERVER=$(OPERATOR_DATABASE_SERVER) DATABASE_URL=$(OPERATOR_DATABASE_SERVER)/postgres \
		$(OPERATOR_VENV)/bin/python -m pytest -q -m operator tests/operator
	# The README's « Use it in your own Wagtail project », from `wagtail start`, in this same
	# virtualenv without the embedded PostgreSQL (-m "": every test of the file).
	DATABASE_URL=$(OPERATOR_DATABASE_SERVER)/postgres \
		$(OPERATOR_VENV)/bin/python -m pytest -q -m "" tests/test_integration.py

lint: install
	$(BIN)/ruff check .
	$(MANAGE) makemigrations --check --dry-run

bench: migrate
	$(BIN)/python bench/bench_cpts_create.py

## Stop and forget the embedded database (asks nothing: it deletes .data/).
clean-data:
	rm -rf .data media

## The documentation site, built strictly into site/ (MkDocs with Material, in a virtualenv of
## its own so that requirements/lock.txt stays the app's; see docs/index.md).
DOCS_VENV := .venv-docs
.PHONY: docs
$(DOCS_VENV)/.installed: requirements/docs.txt
	$(PYTHON) -m venv $(DOCS_VENV)
	$(DOCS_VENV)/bin/pip install --quiet --upgrade pip
	$(DOCS_VENV)/bin/pip install --quiet -r requirements/docs.txt
	touch $@

docs: $(DOCS_VENV)/.installed
	NO_MKDOCS_2_WARNING=1 $(DOCS_VENV)/bin/mkdocs build --strict -d site/
