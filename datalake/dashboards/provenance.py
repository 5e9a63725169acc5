"""Where the page's figures come from: the date, the rows of each zone read, the TMDB data used."""

import duckdb

from datalake.io.handover import LakeTable


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


def provenance(
    con: duckdb.DuckDBPyConnection,
    date: str,
    zones: dict[str, dict[str, LakeTable]],
    tmdb: list[LakeTable],
) -> dict:
    """{date, zones: [[zone, asset, rows or None when absent]], tmdb_fetched: [first, last]}."""
    return {
        "date": date,
        "zones": [
            [zone, table.asset, _count(con, table)]
            for zone, tables in zones.items()
            for table in tables.values()
        ],
        "tmdb_fetched": _fetched(con, tmdb),
    }
