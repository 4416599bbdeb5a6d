# The README's two commands: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb demo.duckdb.wal
	OMP_NUM_THREADS=2 $(BIN)/eventwire demo --corpus samples/corpus --db demo.duckdb --report demo-report.html

test: $(STAMP)
	OMP_NUM_THREADS=2 $(BIN)/python -m pytest

eval: $(STAMP)
	for s in plover-gsr petrarch tbaq meantime lgl tr-news; do $(BIN)/eventwire eval $$s || true; done

bench: $(STAMP)
	OMP_NUM_THREADS=2 $(BIN)/eventwire bench --n 2000

clean:
	rm -rf $(VENV) demo.duckdb demo-report.html build *.egg-info
