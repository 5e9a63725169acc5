"""Parquet tables of the lake: staged locally, published whole, read back lazily by DuckDB."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from datalake.errors import DatalakeError
from datalake.io.handover import LakeTable, RawJsonFiles
from datalake.shared.metadata import table_metadata
from datalake.storage import Storage
from datalake.storage.debris import staging_prefix, sweep
from datalake.storage.layout import asset_location

PART = "part-0.parquet"


@contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    """A throwaway local folder (staging and DuckDB spill files), removed afterwards; those of
    killed runs go when the next one starts."""
    sweep(Path(tempfile.gettempdir()), prefix)
    with tempfile.TemporaryDirectory(prefix=staging_prefix(prefix)) as folder:
        yield Path(folder)


def publish(
    con: duckdb.DuckDBPyConnection,
    relation: duckdb.DuckDBPyRelation,
    storage: Storage,
    prefix: str,
    descriptions: dict[str, str],
) -> dict:
    """Stream `relation` into Parquet, then replace the table's folder with it; its metadata.

    DuckDB writes the file (spilling, never the whole table in Python memory); nothing reaches
    the lake unless the whole table was written.
    """
    with scratch("datalake-table-") as folder:
        part = folder / "table" / PART
        part.parent.mkdir()
        relation.to_parquet(str(part), compression="zstd")
        metadata = table_metadata(con, part, storage.uri(prefix), descriptions)
        storage.replace_prefix(prefix, part.parent)
    return metadata


def publish_folder(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    storage: Storage,
    prefix: str,
    descriptions: dict[str, str],
) -> dict:
    """Replace the table's folder with the Parquet files of a local `folder` another engine
    wrote, as one file (its bookkeeping files, such as Spark's `_SUCCESS` and `.crc`, are left
    out)."""
    parts = sorted(folder.glob("*.parquet"))
    if not parts:
        raise DatalakeError(f"{folder} holds no Parquet: the engine wrote no table.")
    with scratch("datalake-table-") as staging:
        # One file per table, as `publish` writes: replacing it is then one atomic step, so a
        # reader never sees a mix of the old version's parts and the new one's.
        part = staging / "table" / PART
        part.parent.mkdir()
        con.read_parquet([str(p) for p in parts]).to_parquet(str(part), compression="zstd")
        metadata = table_metadata(con, part, storage.uri(prefix), descriptions)
        storage.replace_prefix(prefix, part.parent)
    return metadata


def locate(
    storage: Storage, asset: str, prefixes: list[str], partitions: list[str | None]
) -> LakeTable:
    """The Parquet globs of the partitions that have any."""
    present = [p for p in prefixes if any(storage.iter_keys(p, ".parquet"))]
    return LakeTable(
        asset=asset,
        uris=tuple(storage.uri(p + "*.parquet") for p in present),
        partitions=tuple(p for p in partitions if p),
    )


def lake_table(storage: Storage, asset_key: dg.AssetKey, partition_key: str) -> LakeTable:
    """An asset's table for one date, where the lake IO manager keeps it (for asset checks,
    which cannot take the asset they check as a typed input)."""
    prefix = asset_location(asset_key.path, partition_key)
    return locate(storage, asset_key.to_user_string(), [prefix], [partition_key])


def raw_json(storage: Storage, asset_key: dg.AssetKey, partitions: list[str]) -> RawJsonFiles:
    """The raw JSON files of these partitions of a raw TMDB asset."""
    prefixes = [asset_location(asset_key.path, p) for p in partitions]
    uris = [storage.uri(k) for prefix in prefixes for k in storage.iter_keys(prefix, ".json")]
    return RawJsonFiles(tuple(uris), tuple(partitions))


def read(con: duckdb.DuckDBPyConnection, table: LakeTable) -> duckdb.DuckDBPyRelation:
    """A lazy relation over the table's partitions; a table with none is an error."""
    if not table.exists:
        raise DatalakeError(table.missing_error())
    return con.read_parquet(list(table.uris), hive_partitioning=False)


def read_compass_csv(con: duckdb.DuckDBPyConnection, uri: str) -> duckdb.DuckDBPyRelation:
    """A raw export as text columns, in its dialect: pipes, no quoting at all, `\\N` for null."""
    return con.read_csv(
        uri, sep="|", quotechar="", escapechar="", header=True, na_values="\\N", all_varchar=True
    )


def create_view(
    con: duckdb.DuckDBPyConnection, name: str, table: LakeTable, columns: dict | None = None
) -> None:
    """A temp view `name` over the table's Parquet; with `columns`, exactly those, cast to their
    types (so an input's shape does not depend on what one batch happened to hold)."""
    selected = "*"
    if columns:
        selected = ", ".join(f"CAST({c} AS {kind}) AS {c}" for c, kind in columns.items())
    # Views cannot take `?` parameters, so the URIs are bound to a variable the view reads.
    con.execute(f"SET VARIABLE {name} = ?", [list(table.uris)])
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT {selected} "
        f"FROM read_parquet(getvariable('{name}'), hive_partitioning = false)"
    )
