# Two entry points for a fresh machine: `make run` and `make test`. Each installs what it needs.
VENV   ?= .venv
PYTHON ?= python3
OUT    ?= out
STAMP  := $(VENV)/.installed

.PHONY: run test install system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test,notebooks]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (playwright's own browser download does not work offline).
system-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core; fi; \
	fi

# Build the knowledge graph of the shipped corpus (the seed article and the dev articles) and check it.
run: install
	$(VENV)/bin/kg build -o $(OUT)
	$(VENV)/bin/kg validate -g $(OUT)
	$(VENV)/bin/kg query positions -g $(OUT)

test: install system-deps
	$(VENV)/bin/pytest

clean:
	rm -rf $(OUT) .pytest_cache
