# Every target creates the virtual environment from pyproject.toml when there is none.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
FRAMING := $(VENV)/bin/framing
STAMP := $(VENV)/.installed-stamp
OUT ?= out

.PHONY: install demo test lint format figures lab benchmarks clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet --constraint constraints.txt --editable '.[dev]'
	touch $(STAMP)

## The main job on the embedded default: the seed article, measured and aligned with its source.
demo: $(STAMP)
	$(FRAMING) demo --out $(OUT)

## Lint, format check and the whole test suite (the network is blocked inside pytest).
test: $(STAMP)
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m pytest

lint: $(STAMP)
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

format: $(STAMP)
	$(PYTHON) -m ruff format .
	$(PYTHON) -m ruff check --fix .

clean:
	rm -rf $(OUT) figures .pytest_cache
