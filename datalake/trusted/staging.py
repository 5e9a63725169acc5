"""Local staging of a run's tables: nothing reaches the lake unless the whole transform worked."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from datalake.storage import Storage

PART = "part-0.parquet"


class Staging:
    """One folder per table, published to its lake prefix with delete-then-write (idempotent)."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def file(self, table: str) -> Path:
        path = self.root / "tables" / table / PART
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def publish(self, storage: Storage, table: str, prefix: str) -> str:
        """Replace everything under `prefix` with the table's files; returns the prefix's URI."""
        storage.replace_prefix(prefix, self.root / "tables" / table)
        return storage.uri(prefix)


@contextmanager
def staging(con: duckdb.DuckDBPyConnection) -> Iterator[Staging]:
    """A throwaway folder for the tables; DuckDB spills there too rather than into the cwd."""
    with tempfile.TemporaryDirectory(prefix="datalake-trusted-") as tmp:
        con.execute("SET temp_directory = ?", [str(Path(tmp) / "spill")])
        yield Staging(Path(tmp))
