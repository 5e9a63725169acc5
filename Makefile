# Everything runs from a project-local .venv built from the pinned requirements.lock.
VENV   := .venv
BIN    := $(VENV)/bin
PYTHON ?= python3
STAMP  := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: install demo test lint ui bench lock image-requirements clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==0.13.8
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

demo: install
	@mkdir -p $(DAGSTER_HOME)
	$(BIN)/datalake demo

test: install
	@mkdir -p $(DAGSTER_HOME)
	$(BIN)/pytest

# Style, types, and the definitions Dagster loads (what the UI and the daemon would refuse).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@mkdir -p $(DAGSTER_HOME)
	$(BIN)/dagster definitions validate -w workspace.yaml

ui: install
	@mkdir -p $(DAGSTER_HOME)
	$(BIN)/datalake ui

bench: install
	$(BIN)/datalake bench --scale 4

lock:
	$(BIN)/uv pip compile requirements.in -o requirements.lock

# The image's requirements: the runtime dependencies of pyproject.toml at the lock's versions.
image-requirements:
	$(BIN)/uv pip compile pyproject.toml --constraint requirements.lock -o docker/requirements.txt

clean:
	rm -rf $(VENV) lake .dagster_home
