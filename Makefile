# Two commands on a fresh machine:  `make site`  (build everything)  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: site test test-deps serve bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## site: segment the bundled dumps, make the zh-Hant and en variants, build the site into site/
site: $(VENV)/.installed
	$(BIN)/python -m build_scripts build

## test: run the whole test suite (first installing what its browser tests need, see test-deps)
test: $(VENV)/.installed test-deps
	$(BIN)/python -m pytest

## test-deps: Chromium, CJK fonts and shellcheck if missing (apt-get as root, else Playwright's Chromium)
test-deps: $(VENV)/.installed
	@PLAYWRIGHT=$(BIN)/playwright sh .ci/test-deps

## serve: preview the three-language site locally, rebuilding on change
serve: $(VENV)/.installed
	$(BIN)/python -m build_scripts serve

## bench: segmentation throughput, then a generated month built from dumps to site (README: Benchmarks)
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_segment.py
	$(BIN)/python benchmarks/bench_variants.py
	$(BIN)/python benchmarks/bench_archive.py --issues 30

clean:
	rm -rf site build
