"""Transforms run by an engine outside Dagster, their result tables written to Parquet files."""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from datalake.engines.transform import EngineRun, Transform
from datalake.io.handover import EngineTable
from datalake_tests.lakes import lake_resources

ENGINES = ("duckdb", "spark")


@contextmanager
def engine_run(kind: str, transform: Transform, lake: Path) -> Iterator[EngineRun]:
    """The transform prepared by the `kind` engine of a lake at `lake` (as its assets get it)."""
    lake.mkdir(parents=True, exist_ok=True)
    with lake_resources(str(lake), engine_kind=kind)["engine"].run(transform) as run:
        yield run


def write(result, path: Path) -> str:
    """A result table (a DuckDB relation or the folder Spark wrote) as Parquet at `path`; the
    glob to read it by."""
    if isinstance(result, EngineTable):
        assert result.folder is not None
        shutil.copytree(result.folder, path)
        return str(path / "*.parquet")
    assert isinstance(result, duckdb.DuckDBPyRelation)
    result.to_parquet(str(path))
    return str(path)
