# Two commands set everything up from a fresh clone:
#   make site   build site/ with every page and PDF
#   make test   run the tests (make test-fast: only the fast tier, tests/unit/)
# The virtual environment is created on first use and refreshed when the pins change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-fast serve validate clean lock bench lighthouse

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/toolkit build

# Test-only tools from npm (the Nu Html Checker), pinned in package-lock.json.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

# Every tier: tests/unit, tests/build, tests/content and tests/browser (see CONTRIBUTING.md).
# The tiers run side by side (scripts/test-tiers): the fixture kit's tiers, and the shipped kit's
# site built once, then its content and browser tiers.
test: $(STAMP) $(NODE_STAMP)
	PYTHON=$(BIN)/python scripts/test-tiers

# The fast tier only: loading, checking, messages, the list of site files and the templates,
# on the fixture kit; no PDF, no site build, no browser, no npm. Under 30 s.
test-fast: $(STAMP)
	$(BIN)/python -m pytest tests/unit

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

validate: $(STAMP)
	$(BIN)/toolkit validate

# Time cold, warm and one-edit builds of the shipped kit and of synthetic kits of 100 and 400 tools,
# and weigh page loads at 38, 100 and 1000 tools (takes about an hour on 2 cores).
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench

# Lighthouse scores of the built site, served from 127.0.0.1 (needs Chromium and npm; a measurement, not a test).
lighthouse: site
	$(BIN)/python scripts/lighthouse.py site

# Remove the built site; the PDF cache in .cache/ is kept so the next build is quick.
clean:
	rm -rf site

# Refresh requirements.lock after changing dependencies in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -e '.[test]'
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lock-venv
