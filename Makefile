# Two commands: `make run` (serve the corpus at http://127.0.0.1:5000) and `make test`.
# Both create .venv on first use; later runs skip the install unless pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test index venv clean

venv: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalled only when pyproject.toml is newer than the stamp.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# `serve` builds the index first when it is missing.
run: $(STAMP)
	$(BIN)/search-service serve --host $(HOST) --port $(PORT)

# Bring index/ in line with corpus/ (new, changed and removed files).
index: $(STAMP)
	$(BIN)/search-service index

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) index build *.egg-info .pytest_cache
