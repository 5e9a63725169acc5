# Everything runs from a project-local .venv built from the pinned requirements.lock.
VENV   := .venv
BIN    := $(VENV)/bin
PYTHON ?= python3
STAMP  := $(VENV)/.installed
SPARK  := $(VENV)/.spark
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: install spark demo test lint ui bench lock image-requirements clean

install: $(STAMP)

# The `spark` extra (DATALAKE_ENGINE=spark and its tests): PySpark, which needs Java 17+.
spark: $(SPARK)

$(SPARK): $(STAMP) requirements-spark.lock
	@command -v java >/dev/null || [ "$$(id -u)" != 0 ] || { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless; }
	@command -v java >/dev/null || { echo "Spark needs Java 17+: apt-get install -y openjdk-17-jre-headless" >&2; exit 1; }
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements-spark.lock
	touch $@

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==0.13.8
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

demo: install
	@mkdir -p $(DAGSTER_HOME)
	$(BIN)/datalake demo

test: install spark
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

# Every baseline, PySpark's included (it needs the spark extra).
bench: install spark
	$(BIN)/datalake bench --scale 4 --with-spark

lock:
	$(BIN)/uv pip compile requirements.in -o requirements.lock

# The image's requirements: the runtime dependencies of pyproject.toml at the lock's versions.
image-requirements:
	$(BIN)/uv pip compile pyproject.toml --constraint requirements.lock -o docker/requirements.txt

clean:
	rm -rf $(VENV) lake .dagster_home
