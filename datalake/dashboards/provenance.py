"""Where the page's figures come from: the date, the rows of each zone read, the TMDB data used."""

import dagster as dg
import duckdb

from datalake.io.handover import LakeTable
from datalake.storage.layout import SPECS
from datalake.trusted.keys import trusted_key


def _count(con: duckdb.DuckDBPyConnection, table: LakeTable) -> int | None:
    if not table.exists:
        return None
    ((rows,),) = con.execute(
        "SELECT count(*) FROM read_parquet(?, hive_partitioning = false)", [list(table.uris)]
    ).fetchall()
    return rows


def _fetched(con: duckdb.DuckDBPyConnection, tables: list[LakeTable]) -> list[str | None]:
    """First and last TMDB fetch dates of the titles used (trusted TMDB keeps the newest)."""
    uris = [uri for table in tables for uri in table.uris]
    if not uris:
        return [None, None]
    ((first, last),) = con.execute(
        "SELECT min(fetched_at)::DATE::VARCHAR, max(fetched_at)::DATE::VARCHAR "
        "FROM read_parquet(?, hive_partitioning = false, union_by_name = true)",
        [uris],
    ).fetchall()
    return [first, last]


def raw_rows(instance: dg.DagsterInstance, date: str) -> list[list]:
    """[["raw", "raw/local/<spec>", data lines]]: the raw CSV's lines as the trusted step of the
    date counted them (its `raw_rows` metadata); None when this instance has no such record
    (the raw CSV is not read again just to count it)."""
    found = []
    for spec in SPECS:
        asset = trusted_key("local", spec)
        records = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=asset, asset_partitions=[date]), limit=1
        ).records
        event = records[0].asset_materialization if records else None
        counted = event.metadata.get("raw_rows") if event else None
        found.append(["raw", f"raw/local/{spec}", counted.value if counted else None])
    return found


def provenance(
    con: duckdb.DuckDBPyConnection,
    date: str,
    raw: list[list],
    zones: dict[str, dict[str, LakeTable]],
    tmdb: list[LakeTable],
) -> dict:
    """{date, zones: [[zone, asset, rows or None when absent]], tmdb_fetched: [first, last]}."""
    return {
        "date": date,
        "zones": raw
        + [
            [zone, table.asset, _count(con, table)]
            for zone, tables in zones.items()
            for table in tables.values()
        ],
        "tmdb_fetched": _fetched(con, tmdb),
    }
