# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Development defaults; the environment overrides them (see README.md).
export DEBUG ?= 1
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ARTICLES ?= 120

.PHONY: run test lint format check migrate seed install clean bench bench-newsroom bench-floor \
	bench-restart audit cluster cluster-test

# The virtualenv is rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (set PYTHON=…)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput

# Demo content is loaded once: the marker file keeps later runs from reseeding.
var/.demo-loaded: | migrate
	$(PY) manage.py seed_demo --articles $(DEMO_ARTICLES)
	touch $@

seed: migrate
	$(PY) manage.py seed_demo --articles $(DEMO_ARTICLES)

run: migrate var/.demo-loaded
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	mkdir -p var
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') ALLOWED_HOSTS=example.org \
		REDIS_URL=redis://127.0.0.1:6379/0 \
		$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run

# Load test under production settings against PostgreSQL and Redis (see bench/run.py).
bench: install
	@command -v wrk >/dev/null || apt-get install -y -qq wrk
	DEBUG=0 $(PY) bench/run.py

# Only the "newsroom day" rows of `make bench`: readers while the newsroom works.
bench-newsroom: install
	@command -v wrk >/dev/null || apt-get install -y -qq wrk
	DEBUG=0 $(PY) bench/newsroom_day.py

# Only a cached article page against the floor, side by side (bench/hit_vs_floor.py).
bench-floor: install
	@command -v wrk >/dev/null || apt-get install -y -qq wrk
	DEBUG=0 $(PY) bench/hit_vs_floor.py

# PostgreSQL restarted under load: the site must recover by itself (bench/pg_restart.py).
bench-restart: install
	DEBUG=0 $(PY) bench/pg_restart.py

# Two app servers behind nginx on this machine, with PostgreSQL, Redis and a SeaweedFS bucket,
# run from the files in deploy/ (deploy/cluster.py); Ctrl-C stops it.
cluster: install
	@test -x /usr/sbin/nginx || apt-get install -y -qq nginx
	$(PY) deploy/cluster.py

# The cluster's proof: a picture uploaded through one node on the other's pages, no media on
# their disks, and a node killed under load with no failed request (deploy/cluster_test.py).
cluster-test: install
	@test -x /usr/sbin/nginx || apt-get install -y -qq nginx
	@command -v wrk >/dev/null || apt-get install -y -qq wrk
	$(PY) deploy/cluster_test.py

# Lighthouse (mobile) on the public pages under production settings: audit/run.py, audit/results.md.
audit: install
	DEBUG=0 $(PY) audit/run.py

clean:
	rm -rf $(VENV) var
