"""Resources of a lake for tests: the product's own wiring, pointed at a temp lake."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import duckdb

from datalake.resources.build import build_resources
from datalake.settings import Settings


def lake_resources(
    storage: str,
    landing: str | None = None,
    genres: str | None = None,
    engine_kind: str | None = None,
    **overrides,
) -> dict:
    """Every resource of the code location for a lake at `storage` (landing defaults to it;
    `genres` as DATALAKE_GENRES writes them; `engine_kind` as DATALAKE_ENGINE)."""
    settings = Settings(storage=storage, landing=landing or storage)
    if genres:
        settings = Settings.from_env(
            {"DATALAKE_STORAGE": storage, "DATALAKE_LANDING": settings.landing,
             "DATALAKE_GENRES": genres}
        )  # fmt: skip
    if engine_kind:
        settings = replace(settings, engine=engine_kind)
    return build_resources(settings, **overrides)


def connect(storage: str) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection that reads the lake at `storage` (local or S3), as the assets do."""
    con = duckdb.connect()
    lake_resources(storage)["lake"].storage().configure_duckdb(con)
    return con


class Lake:
    """A lake under test: its resources, plus the storage and DuckDB views tests check it with."""

    def __init__(self, storage: str, landing: str | None = None, **overrides):
        self.storage_uri, self.landing_uri = storage, landing or storage
        self.resources = lake_resources(storage, landing, **overrides)

    def storage(self):
        return self.resources["lake"].storage()

    def landing(self):
        return self.resources["lake"].landing()

    @contextmanager
    def duckdb(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.resources["duckdb"].connect() as con:
            yield con
