# Each target creates .venv and installs requirements.txt on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline test bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)  ## serve the site at http://127.0.0.1:8000, rebuilding on every save
	$(BIN)/mkdocs serve

build: $(STAMP)  ## strict build into site/ (open site/index.html, no server needed)
	$(BIN)/mkdocs build --strict

offline: build  ## one zip of the whole site, both languages, that works from file://
	@echo "Offline copy: site/download/cnn-step-by-step-offline.zip (unzip, open cnn-step-by-step/index.html)"

test: $(STAMP)  ## strict build into a temporary folder, then every test
	$(BIN)/python -m pytest

clean:
	rm -rf site .cache

bench: $(STAMP)  ## build times, page weight and Lighthouse scores, written to benchmarks/RESULTS.md
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/bench.py
