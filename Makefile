# Every target creates the virtual environment from pyproject.toml when there is none.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
FRAMING := $(VENV)/bin/framing
STAMP := $(VENV)/.installed-stamp
# axe-core, which the browser tests load into the pages they check (package-lock.json pins it).
NODE_STAMP := node_modules/.installed-stamp
OUT ?= out
# Where the shared datasets (BABE, the AllSides roundups) live: beside the repository by default.
DATA_DIR ?= $(or $(FRAMING_DATA_DIR),../shared/data)
FIGURES ?= figures

.PHONY: install browser-tools compile demo classroom test lint format figures lab benchmarks \
	bench-startup bench-cli bench-memory bench-groups wheel-check clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet --constraint constraints.txt --editable '.[dev]'
	$(MAKE) compile
	touch $(STAMP)

## What the browser tests load from the npm registry: axe-core, exactly as package-lock.json says.
browser-tools: $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

## Byte-compile the package, as a regular install does: an editable install leaves it to Python,
## which compiles every module at every start where PYTHONDONTWRITEBYTECODE is set (about
## 40 ms of `framing analyze`'s start-up on the seed). A module changed since is compiled again
## in memory, as without this.
compile:
	$(PYTHON) -m compileall -q framing

## The main job on the embedded default: the seed article, measured and aligned with its source.
demo: $(STAMP)
	$(FRAMING) demo --out $(OUT)

## The classroom app: notebook 05 served by Voila on this machine only (127.0.0.1); the address is
## printed, Ctrl+C stops it. The story picker reads the AllSides roundups in DATA_DIR if there.
PORT ?= 8866
classroom: $(STAMP)
	$(FRAMING) classroom --port $(PORT) \
		$(if $(wildcard $(DATA_DIR)/allsides-roundups),--data-dir $(DATA_DIR))

## Lint, format check and the whole test suite (the network is blocked inside pytest).
test: $(STAMP) $(NODE_STAMP)
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m pytest

lint: $(STAMP)
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

format: $(STAMP)
	$(PYTHON) -m ruff format .
	$(PYTHON) -m ruff check --fix .

## The sdist and the wheel built and checked (twine), the wheel installed with the notebooks
## extra into a fresh virtual environment and used from outside the repository: framing demo,
## framing analyze, framing worksheet and notebook 01 through papermill (.ci/wheel-check).
wheel-check: $(STAMP)
	.ci/wheel-check $(PYTHON)

## Throughput of framing against the naive TextBlob loop, on real paragraphs (shared data).
benchmarks: $(STAMP)
	$(PYTHON) benchmarks/throughput.py

## Start-up: `framing analyze` of the seed against `python -c "import pandas"`, run alternately,
## with an emptied cache folder (cold) and a filled one (warm).
bench-startup: $(STAMP) compile
	$(PYTHON) benchmarks/startup.py

## `framing analyze` end to end (a new process, CSV in and out, every measure) against the naive
## TextBlob loop in the same run: 20,000 paragraphs, then 200,000 (takes several minutes).
bench-cli: $(STAMP)
	$(PYTHON) benchmarks/end_to_end.py --paragraphs 20000 --jobs 2 1 --repeats 3
	$(PYTHON) benchmarks/end_to_end.py --paragraphs 200000 --jobs 2 1 --repeats 2

## Peak memory of `framing analyze` streaming 1,000,000 paragraphs (takes several minutes).
## compare_groups on PolNeAR's 16,325 paragraphs: documents and rows resampled, against the
## implementation it replaced, in the same run.
bench-groups: $(STAMP)
	$(PYTHON) benchmarks/groups.py --data-dir $(DATA_DIR)

BENCH_DIR ?= $(OUT)/bench
bench-memory: $(STAMP)
	mkdir -p $(BENCH_DIR)
	$(PYTHON) benchmarks/corpus.py 1000000 $(BENCH_DIR)/corpus-1m.parquet
	/usr/bin/time -v $(FRAMING) analyze $(BENCH_DIR)/corpus-1m.parquet --id-col id \
		--no-progress -o $(BENCH_DIR)/paragraphs-1m.parquet 2>&1 | \
		grep -E "Maximum resident|Elapsed|wrote"

## Every figure for papers, from the data, into figures/ as PDF and PNG. It is built twice and
## the two builds are compared byte for byte: a difference fails the target.
figures: $(STAMP)
	$(FRAMING) figures --out $(FIGURES) --data-dir $(DATA_DIR)
	rm -rf .cache/figures-again
	$(FRAMING) figures --out .cache/figures-again --data-dir $(DATA_DIR) > /dev/null
	diff -r $(FIGURES) .cache/figures-again && echo "figures: the second build is byte-identical"

## JupyterLab on the notebooks. The percent-format .py files are the source; jupytext pairs
## each with an .ipynb (not committed) that JupyterLab opens and keeps in sync.
lab: $(STAMP)
	$(VENV)/bin/jupytext --sync notebooks/*.py
	$(VENV)/bin/jupyter lab notebooks

clean:
	rm -rf $(OUT) figures node_modules .cache/figures-again .pytest_cache
