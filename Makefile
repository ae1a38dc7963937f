# 客诉通 — two entry points that work on a fresh Debian machine with Python 3.11:
#   make serve   set up and serve the site on http://127.0.0.1:8000
#   make test    set up and run every test (installs Debian's chromium if missing)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check schema bench clean chromium vendor-mermaid

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv is missing: installing it with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.site-installed

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

chromium:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site-installed
	$(BIN)/python -m macros.check

schema: $(VENV)/.site-installed
	$(BIN)/python -m macros.schema

test: $(VENV)/.dev-installed chromium
	$(BIN)/python -m pytest

bench: $(VENV)/.dev-installed chromium
	$(BIN)/python bench/run.py
	$(BIN)/python bench/finder.py

clean:
	rm -rf site .pytest_cache

# Refresh the vendored Mermaid (Material would otherwise fetch it from a CDN). Needs npm.
MERMAID_VERSION ?= 11.17.2
vendor-mermaid:
	cd $$(mktemp -d) && npm pack -q mermaid@$(MERMAID_VERSION) && tar xzf mermaid-*.tgz && \
	  cp package/dist/mermaid.min.js $(CURDIR)/docs/assets/javascripts/vendor/mermaid.min.js && \
	  cp package/LICENSE $(CURDIR)/docs/assets/javascripts/vendor/mermaid.LICENSE.txt
