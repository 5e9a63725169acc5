"""Blocking gates of the two Trusted CSV tables, run on what was published for the date."""

import dagster as dg
import duckdb

from datalake.io.handover import LakeTable, RawFile
from datalake.raw.assets import raw_csv_asset_key
from datalake.resources.duck import LakeDuckDB
from datalake.shared.checks import (
    ID_FORMATS,
    KEYS_PRESENT,
    KEYS_UNIQUE,
    ROWS_RECONCILED,
    VALUES_IN_RANGE,
    gate_specs,
    violations,
)
from datalake.storage.layout import SPECS, Spec
from datalake.trusted.csv_assets import rejected_key
from datalake.trusted.csv_columns import COLUMNS, TITLE_ID
from datalake.trusted.keys import trusted_key
from datalake.trusted.queries import query

_DESCRIPTIONS = {
    KEYS_PRESENT: "Every row has its title_id.",
    ID_FORMATS: "Every title_id is tt + 7-8 digits.",
    KEYS_UNIQUE: "No two rows are identical (exact duplicates were dropped).",
    VALUES_IN_RANGE: "Years, minutes, ratings and votes are within their ranges.",
    ROWS_RECONCILED: "Raw rows = trusted + rejected + duplicates, recounted from the raw file.",
}
_MISSING_KEYS = (
    "SELECT count(*), list(primary_title)[1:5] FROM read_parquet(?) WHERE title_id IS NULL"
)
_BAD_IDS = (
    "SELECT count(*), list(title_id)[1:5] FROM read_parquet(?) "
    f"WHERE NOT {TITLE_ID.check_sql('title_id')}"
)
_REPEATED_ROWS = "SELECT count(*) - count(DISTINCT t), [] FROM read_parquet(?) AS t"
_ROWS = "SELECT count(*) FROM read_parquet(?)"


def _out_of_range_sql(spec: Spec) -> str:
    bounded = [(c.name, c.kind.bounds) for c in COLUMNS[spec] if c.kind.bounds]
    within = " AND ".join(
        f"coalesce({name} BETWEEN {low} AND {high}, true)" for name, (low, high) in bounded
    )
    return f"SELECT count(*), list(title_id)[1:5] FROM read_parquet(?) WHERE NOT ({within})"


def _reconciliation(
    con: duckdb.DuckDBPyConnection, spec: Spec, raw: RawFile, table: LakeTable, rejected: LakeTable
) -> dg.AssetCheckResult:
    con.execute(query("csv_raw_lines_macro"))
    raw_rows, distinct_rows = con.execute(query("csv_recount"), [raw.uri]).fetchall()[0]
    counts = {
        "raw_rows": raw_rows,
        "trusted_rows": _rows(con, table),
        "rejected_rows": _rows(con, rejected),
        "duplicate_rows": raw_rows - distinct_rows,
    }
    accounted = counts["trusted_rows"] + counts["rejected_rows"] + counts["duplicate_rows"]
    return dg.AssetCheckResult(
        asset_key=trusted_key("local", spec),
        check_name=ROWS_RECONCILED,
        passed=raw_rows == accounted,
        metadata={**counts, "unaccounted_rows": raw_rows - accounted},
    )


def _rows(con: duckdb.DuckDBPyConnection, table: LakeTable) -> int:
    return con.execute(_ROWS, [list(table.uris)]).fetchall()[0][0] if table.exists else 0


def build_trusted_csv_checks(spec: Spec) -> dg.AssetChecksDefinition:
    key = trusted_key("local", spec)
    out_of_range = _out_of_range_sql(spec)

    @dg.multi_asset_check(
        specs=gate_specs(key, _DESCRIPTIONS, (rejected_key(spec), raw_csv_asset_key(spec))),
        name=f"trusted_local_{spec}_gates",
        ins={
            "table": dg.AssetIn(key),
            "rejected": dg.AssetIn(rejected_key(spec)),
            "raw": dg.AssetIn(raw_csv_asset_key(spec)),
        },
    )
    def gates(duckdb: LakeDuckDB, table: LakeTable, rejected: LakeTable, raw: RawFile):
        uris = [list(table.uris)]
        with duckdb.connect() as con:
            yield violations(con, key, KEYS_PRESENT, _MISSING_KEYS, uris)
            yield violations(con, key, ID_FORMATS, _BAD_IDS, uris)
            yield violations(con, key, KEYS_UNIQUE, _REPEATED_ROWS, uris)
            yield violations(con, key, VALUES_IN_RANGE, out_of_range, uris)
            yield _reconciliation(con, spec, raw, table, rejected)

    return gates


trusted_csv_checks = [build_trusted_csv_checks(spec) for spec in SPECS]
