"""DuckDB connections for the lake: `dagster-duckdb`'s resource, able to read and write the lake."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import Field

from datalake.resources.lake import LakeResource


class LakeDuckDB(DuckDBResource):
    """In-memory DuckDB with a memory cap (it spills to disk instead of growing with the input)
    that reads and writes the lake's and the landing zone's URIs (httpfs is configured here once).

    Parquet is the storage of record, so connections are throwaway.
    """

    database: str = ":memory:"
    connection_config: dict = Field(
        default_factory=lambda: {"memory_limit": "1GB", "preserve_insertion_order": False},
        description="DuckDB settings of every connection.",
    )
    lake: LakeResource

    @contextmanager
    def connect(self, spill_dir: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection that reads both storages; `spill_dir` keeps spilled data out of the cwd."""
        with self.get_connection() as con:
            threads = max(os.cpu_count() or 1, 1)
            # Setting it restarts DuckDB's thread pool (~15 ms of CPU per connection, a run opens
            # dozens) even to the value it holds, so only when it differs.
            ((current,),) = con.execute("SELECT current_setting('threads')").fetchall()
            if current != threads:
                con.execute("SET threads = ?", [threads])
            if spill_dir:
                con.execute("SET temp_directory = ?", [spill_dir])
            for storage in {self.lake.storage_uri: self.lake.storage(), self.lake.landing_uri:
                            self.lake.landing()}.values():  # fmt: skip
                storage.configure_duckdb(con)
            yield con
