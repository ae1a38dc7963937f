# 客诉通 — two entry points that work on a fresh Debian machine with Python 3.11:
#   make serve   set up and serve the site on http://127.0.0.1:8000
#   make test    set up and run every test (installs Debian's chromium if missing)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline scorm test check schema bench bench-lighthouse clean chromium vendor-mermaid vendor-iframe-worker diagram-sizes

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

# Debian's chromium for the browser tests, and the Chinese font the diagram sizes were measured with
# (without a CJK font Chinese draws as boxes, and every drawing has another size); poppler-utils reads
# the PDFs the print tests make.
chromium:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	@fc-list 2>/dev/null | grep -q "Noto Sans CJK SC" || { \
	  echo "Installing Debian's fonts-noto-cjk (Chinese text in the browser tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-noto-cjk; }
	@command -v pdftotext >/dev/null 2>&1 || { \
	  echo "Installing Debian's poppler-utils (the print tests read the printed PDFs with pdftotext)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq poppler-utils; }

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

# The variant that opens from disk (file://), zipped for a USB stick or a share: dist/kesutong-offline.zip
offline: $(VENV)/.site-installed
	$(BIN)/python -m tools.offline_bundle

# The SCORM 1.2 package for a learning-management system (Moodle …): dist/kesutong-scorm12.zip
scorm: $(VENV)/.site-installed
	$(BIN)/python -m tools.scorm_package

check: $(VENV)/.site-installed
	$(BIN)/python -m tools.check

schema: $(VENV)/.site-installed
	$(BIN)/python -m tools.schema

# The SCORM 1.2 run-time (scorm-again) the SCORM tests use as the LMS, and the SCORM 1.2 schemas with a
# validator for imsmanifest.xml: npm packages pinned by tests/scorm_lms/package-lock.json.
SCORM_LMS := tests/scorm_lms/node_modules/.package-lock.json
$(SCORM_LMS): tests/scorm_lms/package.json tests/scorm_lms/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's npm (the SCORM tests run a SCORM run-time from the npm registry)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; }
	cd tests/scorm_lms && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Lint first (ruff, pinned in requirements-dev.txt; rules in pyproject.toml): a finding fails the run before the tests.
# One worker a core (pytest-xdist): the browser tests mostly wait on Chromium, which renders a page on one core.
test: $(VENV)/.dev-installed chromium $(SCORM_LMS)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest --numprocesses auto --dist worksteal

bench: $(VENV)/.dev-installed chromium
	$(BIN)/python bench/run.py
	$(BIN)/python bench/build_scale.py
	$(BIN)/python bench/finder.py
	$(BIN)/python bench/lighthouse.py

# Lighthouse scores of seven page types (needs npm: installs bench/lighthouse/node_modules on first run).
bench-lighthouse: $(VENV)/.dev-installed chromium
	$(BIN)/python bench/lighthouse.py

# Measure the drawn size of every diagram, so pages reserve it (after adding or editing a diagram).
diagram-sizes: $(VENV)/.dev-installed chromium
	$(BIN)/python tools/measure_diagrams.py

clean:
	rm -rf site site-offline site-scorm dist .pytest_cache

# Refresh the vendored Mermaid (Material would otherwise fetch it from a CDN). Needs npm.
MERMAID_VERSION ?= 11.17.2
vendor-mermaid:
	cd $$(mktemp -d) && npm pack -q mermaid@$(MERMAID_VERSION) && tar xzf mermaid-*.tgz && \
	  cp package/dist/mermaid.min.js $(CURDIR)/docs/assets/javascripts/vendor/mermaid.min.js && \
	  cp package/LICENSE $(CURDIR)/docs/assets/javascripts/vendor/mermaid.LICENSE.txt

# Refresh the vendored Web Worker shim of the offline variant (Material would add it from a CDN). Needs npm.
IFRAME_WORKER_VERSION ?= 1.0.4
vendor-iframe-worker:
	cd $$(mktemp -d) && npm pack -q iframe-worker@$(IFRAME_WORKER_VERSION) && tar xzf iframe-worker-*.tgz && \
	  cp package/shim/index.js $(CURDIR)/docs/assets/javascripts/vendor/iframe-worker-shim.js && \
	  cp package/LICENSE $(CURDIR)/docs/assets/javascripts/vendor/iframe-worker.LICENSE.txt
