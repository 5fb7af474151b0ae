# Alliance Record — two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     := build/alliance.db
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8001
# Settings that keep a public instance responsive (see README, "Serving").
SERVE_SETTINGS := --setting sql_time_limit_ms 1000 --setting max_returned_rows 1000 \
                  --setting facet_time_limit_ms 200 --setting default_cache_ttl 3600

.PHONY: all serve build inspect test clean validate csl

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

serve: inspect
	$(BIN)/datasette serve -i $(DB) -m metadata.yml --inspect-file build/inspect.json \
	  -h 127.0.0.1 -p $(PORT) $(SERVE_SETTINGS)

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf build $(VENV) .pytest_cache .hypothesis src/*.egg-info
