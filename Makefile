# HRSS One-Network Platform — the single entry point.
#   make demo   set up, load a synthetic city, serve on http://127.0.0.1:8000
#   make test   set up, run the checks and the whole test suite
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
HRSS := $(PY) -m hrss
export HRSS_VAR_DIR ?= $(CURDIR)/var

.PHONY: lock setup assets browser-deps bench-deps check lint typecheck imports migrations-check test test-fast demo serve bench clean openapi

setup: $(VENV)/.installed assets

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Front-end assets come from the npm registry at build time (pinned in frontend/package-lock.json)
# and are served by the platform itself: never a CDN at run time.
VENDOR := hrss/web/static/vendor
assets: $(VENDOR)/.installed

$(VENDOR)/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --silent
	mkdir -p $(VENDOR)
	cp frontend/node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js
	cp frontend/node_modules/echarts/dist/echarts.min.js $(VENDOR)/echarts.min.js
	touch $@

$(VENV)/.installed: requirements.lock pyproject.toml | $(UV)
	test -x $(PY) || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	VIRTUAL_ENV=$(VENV) $(UV) pip sync --quiet requirements.lock
	VIRTUAL_ENV=$(VENV) $(UV) pip install --quiet --no-deps -e .
	mkdir -p $(HRSS_VAR_DIR)
	touch $@

lock: | $(UV)  ## re-resolve pinned versions after editing pyproject.toml
	$(UV) pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes --universal -q -o requirements.lock

lint: setup
	$(VENV)/bin/ruff check hrss tests bench conftest.py
	$(VENV)/bin/ruff format --check hrss tests bench conftest.py

typecheck: setup
	$(VENV)/bin/mypy hrss

imports: setup
	$(VENV)/bin/lint-imports

migrations-check: setup
	HRSS_INSECURE_DEV_KEYS=1 $(HRSS) makemigrations --check --dry-run

check: lint typecheck imports migrations-check

# Browser tests drive Debian's Chromium (Playwright's own download does not work here);
# Noto CJK renders Chinese pages and is embedded in the PDFs the platform issues.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/noto ]; then \
	  echo "installing chromium and fonts-noto-cjk (Debian packages)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

test: check browser-deps
	$(VENV)/bin/pytest --create-db -q

test-fast: setup
	$(VENV)/bin/pytest -q -x

DEMO_PERSONS ?= 20000
DEMO_CITY := $(HRSS_VAR_DIR)/demo-city
# The synthetic city ends with the last complete month (the importers refuse future dates).
DEMO_AS_OF := $(shell date -d "$$(date +%Y-%m-01) -1 day" +%F)

demo: setup
	HRSS_INSECURE_DEV_KEYS=1 $(HRSS) migrate --no-input
	@if [ ! -f $(DEMO_CITY)/.loaded ]; then \
	  HRSS_INSECURE_DEV_KEYS=1 $(HRSS) synth --persons $(DEMO_PERSONS) --seed 2026 --as-of $(DEMO_AS_OF) --out $(DEMO_CITY) && \
	  HRSS_INSECURE_DEV_KEYS=1 $(HRSS) load_province $(DEMO_CITY) && touch $(DEMO_CITY)/.loaded; \
	fi
	HRSS_INSECURE_DEV_KEYS=1 $(HRSS) demo_seed
	HRSS_INSECURE_DEV_KEYS=1 $(HRSS) collectstatic --no-input -v 0
	HRSS_INSECURE_DEV_KEYS=1 HRSS_SECURE_COOKIES=0 $(HRSS) serve_demo

openapi: setup  ## regenerate the committed OpenAPI documents
	HRSS_INSECURE_DEV_KEYS=1 $(HRSS) openapi

bench-deps:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }

bench: setup bench-deps
	HRSS_INSECURE_DEV_KEYS=1 $(PY) -m bench

clean:
	rm -rf $(VENV) $(TOOLS) var
