# Alliance Record — two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     := build/alliance.db
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8001
# Worker processes of `make serve` (uvicorn's, on one port): one a core unless given.
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all serve serve-datasette build inspect test test-browser screenshots chromium wrk loadtest clean validate csl bench \
	citation-model citation-score tempeval

all: build

# The virtualenv, with the project and its test tools installed (re-run when pyproject changes).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

venv: $(STAMP)

build: $(STAMP)
	$(BIN)/alliance-record build --seeds seeds --out $(DB)

# Every cited work as one CSL-JSON file (imports into Zotero).
csl: build
	$(BIN)/alliance-record export csl --db $(DB) --out build/works.csl.json

validate: $(STAMP)
	$(BIN)/alliance-record validate --seeds seeds

inspect: build
	$(BIN)/datasette inspect $(DB) --inspect-file build/inspect.json

# uvicorn's WORKERS worker processes on one port (alliance_record.asgi), each serving the app that
# `make serve-datasette` serves: immutable, on loopback, with the settings that keep a public
# instance responsive (sql_time_limit_ms, max_returned_rows ...: alliance_record.serve.SETTINGS)
# and a response cache of what every visitor asks for (alliance_record/serve/cache.py).
serve: inspect
	$(BIN)/alliance-record serve --db $(DB) --metadata metadata.yml --inspect-file build/inspect.json \
	  --host 127.0.0.1 --port $(PORT) --workers $(WORKERS)

# The same app in one process, as Datasette's own command serves it (settings printed by serve-args).
serve-datasette: inspect
	$(BIN)/datasette serve -i $(DB) -m metadata.yml --inspect-file build/inspect.json \
	  -h 127.0.0.1 -p $(PORT) $$($(BIN)/alliance-record serve-args)

# The benchmark (issue 8): synthetic corpora of N copies of the seeds, built, measured against a
# plain executemany of the same rows, served and timed. Slow (N=1000 takes minutes); never part of
# `make test`. Every run is recorded in build/bench.json (a mapping from N) and drawn in an SVG.
BENCH_COPIES ?= 1 100 1000
# Then the hostile inputs (issue 19): one document each of a 1 MB and a 10 MB paragraph of names,
# 10,000 and 100,000 numbered lines, 1,000 and 10,000 unclosed quotation marks, 10,000 and
# 100,000 numbered notes (HOSTILE_SCALE shrinks them all), in build/bench-hostile.json.
HOSTILE_SCALE ?= 1
bench: $(STAMP)
	@for n in $(BENCH_COPIES); do \
	  $(BIN)/alliance-record bench --copies $$n --out build/bench.json --chart build/bench.svg || exit 1; \
	done
	$(BIN)/alliance-record bench --hostile --scale $(HOSTILE_SCALE) --out build/bench-hostile.json

# The date finder on the TempEval-3 benchmark (TimeML): TEMPEVAL is a folder of .tml files kept
# outside the repository (the TBAQ-cleaned training data, or the platinum test set).
TEMPEVAL ?= /tmp/te3/train
tempeval: $(STAMP)
	$(BIN)/alliance-record tempeval $(TEMPEVAL)

# The reference labeller (issue 18) is trained on AnyStyle's labelled references (BSD-2-Clause,
# res/parser/*.xml of the public inukshuk/anystyle repository), which are never kept here.
# ANYSTYLE: a clone of that repository (bare or not), or a folder holding core.xml, gold.xml,
# good.xml and ugly.xml; ANYSTYLE_COMMIT: the commit the shipped model was trained on.
# citation-model retrains src/alliance_record/citelabel/reference_model.json from gold.xml and
# good.xml less every reference core.xml holds, and from GROBID's citation corpus (Apache-2.0,
# grobid-trainer/resources/dataset/citation/corpus of the public kermitt2/grobid repository, never
# kept here either; GROBID: a folder of its TEI files, GROBID_COMMIT the commit they were taken
# from; GROBID= trains on AnyStyle's alone) less every reference AnyStyle's files hold (a few
# minutes); citation-score scores
# parse_references on SETS (dev: the fifth of the pool a model made with --dev did not see).
ANYSTYLE ?= ../anystyle
ANYSTYLE_COMMIT ?= c6f5fb2fa6e8ce9456ad1e1e88d6bba5f3d7731d
GROBID ?= ../grobid/grobid-trainer/resources/dataset/citation/corpus
GROBID_COMMIT ?= b8d6bec302189e29a6c358ea513f8be834004a86
CITATION_MODEL := src/alliance_record/citelabel/reference_model.json
SETS ?= core ugly
citation-model: $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[train]'
	$(BIN)/alliance-record citations train --data $(ANYSTYLE) --commit $(ANYSTYLE_COMMIT) --out $(CITATION_MODEL) \
	  $(if $(GROBID),--tei $(GROBID) --tei-commit $(GROBID_COMMIT))

citation-score: $(STAMP)
	$(BIN)/alliance-record citations score --data $(ANYSTYLE) --commit $(ANYSTYLE_COMMIT) $(foreach s,$(SETS),--set $(s))

# Debian's chromium drives the browser tests; on a fresh machine (CI runs as root) install it.
chromium:
	@test -x /usr/bin/chromium || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || \
	  { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; } || \
	  echo "could not install chromium (not root?): browser tests fail unless ALLOW_NO_BROWSER=1"; }

test: $(STAMP) chromium
	$(BIN)/pytest

test-browser: $(STAMP) chromium
	$(BIN)/pytest -m browser

# A bounded load on the server of `make serve` (WORKERS workers, loopback, each run LOAD_SECONDS
# <= 30): first 32 connections on the server just started (cold), then, once every worker has
# made every page, 8 and 32 connections; requests/s, p50/p99/max, errors and the server's peak
# memory, failing on any error or 5xx (tests/loadtest.py). Not part of `make test`.
# `LOAD_SERVER=datasette` loads plain `datasette serve -i` (one process) instead.
LOAD_SECONDS ?= 20
LOAD_SERVER ?= workers
loadtest: inspect wrk
	$(BIN)/python tests/loadtest.py --db $(DB) --inspect-file build/inspect.json --seconds $(LOAD_SECONDS) \
	  --server $(LOAD_SERVER) --workers $(WORKERS) --cold

# wrk, Debian's C load generator (light on a two-core machine, reports p99): installed when missing.
wrk:
	@command -v wrk >/dev/null || { \
	  echo "installing Debian's wrk for the load test"; \
	  apt-get install -y --no-install-recommends wrk >/dev/null 2>&1 || \
	  { apt-get update >/dev/null && apt-get install -y --no-install-recommends wrk >/dev/null; } || \
	  { echo "could not install wrk (not root?)"; exit 1; }; }

# The README's pictures, made by the browser tests.
screenshots: $(STAMP) chromium
	SCREENSHOT_DIR=docs/screenshots $(BIN)/pytest -m browser -q

clean:
	rm -rf build $(VENV) .pytest_cache .hypothesis src/*.egg-info
