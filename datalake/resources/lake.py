"""The lake resource: where the lake and the landing zone are, and DuckDB connections to read them."""

import os

import dagster as dg
import duckdb

from datalake.storage import Storage, open_storage


class LakeResource(dg.ConfigurableResource):
    """Storage of the lake (`DATALAKE_STORAGE`) and of the landing zone (`DATALAKE_LANDING`)."""

    storage_uri: str
    landing_uri: str
    duckdb_memory_limit: str = "1GB"

    def storage(self) -> Storage:
        return open_storage(self.storage_uri)

    def landing(self) -> Storage:
        return open_storage(self.landing_uri)

    def duckdb(self) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB that reads and writes the lake's and the landing zone's URIs.

        Parquet is the storage of record, so connections are throwaway; the memory cap makes DuckDB
        spill to disk instead of growing with the input.
        """
        con = duckdb.connect(config={"memory_limit": self.duckdb_memory_limit})
        con.execute("SET preserve_insertion_order = false")
        con.execute("SET threads = ?", [max(os.cpu_count() or 1, 1)])
        for storage in {self.storage_uri: self.storage(), self.landing_uri: self.landing()}.values():
            storage.configure_duckdb(con)
        return con
