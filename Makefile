# Two commands: `make site` builds the site, `make test` runs every test. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_ADDR ?= 127.0.0.1:8000

.PHONY: site serve test lint check benchmark lighthouse screenshots clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(INSTALLED)
	$(BIN)/site-builder build
	@echo "The site is in $(CURDIR)/site/ (open site/index.html, or run 'make serve')."

serve: $(INSTALLED)
	$(BIN)/site-builder serve --dev-addr $(DEV_ADDR)

check: $(INSTALLED)
	$(BIN)/site-builder check

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Browser tests drive Debian's Chromium; install it when it is missing (needs root, as on CI).
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# axe-core (injected by tests/browser) and lighthouse, pinned in package-lock.json.
node_modules/axe-core/axe.min.js: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

test: $(INSTALLED) /usr/bin/chromium node_modules/axe-core/axe.min.js
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Lighthouse scores of the home page, a dispute and the stance matrix, medians of 5 runs each ->
# benchmarks/lighthouse.json. Side by side with another revision: make lighthouse
# LIGHTHOUSE_ARGS="--runs 7 --baseline main"
LIGHTHOUSE_ARGS ?=
lighthouse: $(INSTALLED) /usr/bin/chromium node_modules/axe-core/axe.min.js
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

# Full-page screenshots of the main pages at 390 and 1280 px, light and dark -> screenshots/
screenshots: $(INSTALLED) /usr/bin/chromium
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf site .venv .pytest_cache
