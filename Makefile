# Two commands do everything: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test install install-test browser bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# torch is pinned first so nothing pulls the CUDA build.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[test]"
	touch $@ $(STAMP)

install: $(STAMP)
install-test: $(TEST_STAMP)

# Debian's chromium for the browser tests (Playwright drives it via executable_path).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' (browser tests will be skipped)"; fi; \
	fi

# The server answers from BM25 at once and computes the clause vectors behind (the page says so).
run: $(STAMP)
	GRADIO_ANALYTICS_ENABLED=False $(BIN)/policyqa serve --host 127.0.0.1 --port 7860

CHECKED := corpus indexer assistant ui eval tests scripts

test: $(TEST_STAMP) browser
	$(BIN)/ruff format --check $(CHECKED)
	$(BIN)/ruff check $(CHECKED)
	$(BIN)/mypy corpus indexer assistant ui eval
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q

LAWS ?= $(wildcard ../shared/corpora/laws.tar.xz)

bench: $(STAMP)
	$(BIN)/python scripts/bench_retrieval.py
	$(BIN)/python scripts/bench_answers.py $(if $(LAWS),--laws $(LAWS))
	$(BIN)/python scripts/bench_consult.py

clean:
	rm -rf $(VENV) data
