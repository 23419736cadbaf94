# The two commands a newcomer needs are `make serve` and `make test`; `make help` lists all.
# Each target creates .venv and installs requirements.txt (with cnn_site/, the build plugin) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help serve build offline test test-fast test-unit bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

$(STAMP): requirements.txt pyproject.toml
	@echo "Installing the site's Python packages into $(VENV) (first run only: a few minutes, TensorFlow is large)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@# Material prints a banner about MkDocs 2 on every run; this venv starts without it.
	@echo 'import os; os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")' \
	  > "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/cnn_site_quiet.pth"
	touch $(STAMP)

serve: $(STAMP)  ## build, then serve at http://127.0.0.1:8000, rebuilding on every save
	@echo "Building the site: the first build runs every code block and lab (about two minutes);"
	@echo "later builds reuse .cache/. Then open http://127.0.0.1:8000/ (English: /en/)."
	$(BIN)/mkdocs serve

build: $(STAMP)  ## strict build into site/, and the offline zip in site/download/
	$(BIN)/mkdocs build --strict

offline: build  ## one zip of the whole site, both languages, that works from file://
	@echo "Offline copy: site/download/cnn-step-by-step-offline.zip (unzip, open cnn-step-by-step/index.html)"

test: $(STAMP)  ## finds or installs a browser, strict build, then every test (tests/*/)
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the tests that need no full build: tests/unit/ and tests/build/ (small builds)
	$(BIN)/python -m pytest tests/unit tests/build

test-unit: $(STAMP)  ## the tests that build nothing: tests/unit/
	$(BIN)/python -m pytest tests/unit

bench: $(STAMP)  ## build times, page weight and Lighthouse scores, written to benchmarks/RESULTS.md
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/bench.py

clean:  ## remove the built site and the execution cache
	rm -rf site .cache
