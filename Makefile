# Two entry points for a fresh machine: `make run` and `make test`. Each installs what it needs.
VENV   ?= .venv
PYTHON ?= python3
OUT    ?= out
STAMP  := $(VENV)/.installed
LOCK   := requirements/lock.txt
# The pip and uv the lock was made and tested with (pip is not in the lock file itself).
PIP_VERSION ?= 26.3
UV_VERSION  ?= 0.13.9
# Extra options for `make lock`: LOCK_FLAGS=--upgrade takes the newest versions within
# pyproject's ranges, LOCK_FLAGS='--upgrade-package typer' just one package's.
LOCK_FLAGS ?=

.PHONY: run test install lock system-deps clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# The tested versions from the lock file (every package pinned, with its hashes), then kg itself
# without dependencies, built by the setuptools the lock pins (so nothing unpinned is fetched).
# Re-runs when the lock file or pyproject.toml changes.
$(STAMP): $(LOCK) pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet 'pip==$(PIP_VERSION)'
	$(VENV)/bin/pip install --quiet -r $(LOCK)
	$(VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Rewrite the lock file from pyproject.toml's dependencies and its test, notebooks and cluster extras, for
# this venv's Python. Versions already pinned stay unless LOCK_FLAGS says otherwise; run
# `make test` after a change. uv is installed into the venv on first use.
lock: | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet 'uv==$(UV_VERSION)'
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra notebooks --extra cluster \
	  --python $(VENV)/bin/python --generate-hashes --custom-compile-command 'make lock' --quiet \
	  $(LOCK_FLAGS) -o $(LOCK)

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
