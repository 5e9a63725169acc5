"""Blocking gates of the two Trusted CSV tables, run on what was published for each date.

The row gates read the published table once, in one scan. The reconciliation reuses the counts
the step made while it read the raw file (recorded on the table's materialisation) instead of
reading that file a second time, and counts the published tables from their Parquet footers.
"""

import dagster as dg
import duckdb

from datalake.io.handover import LakeTable
from datalake.io.tables import lake_table
from datalake.resources.duck import LakeDuckDB
from datalake.resources.lake import LakeResource
from datalake.shared.checks import (
    ID_FORMATS,
    KEYS_PRESENT,
    KEYS_UNIQUE,
    ROWS_RECONCILED,
    VALUES_IN_RANGE,
    each_date_verdicts,
    gate_specs,
    newest_materialization,
    verdict,
)
from datalake.storage.layout import SPECS, Spec
from datalake.trusted.csv_assets import STEP_COUNTS, rejected_key
from datalake.trusted.csv_columns import COLUMNS, TITLE_ID
from datalake.trusted.keys import trusted_key

_DESCRIPTIONS = {
    KEYS_PRESENT: "Every row has its title_id.",
    ID_FORMATS: "Every title_id is tt + 7-8 digits.",
    KEYS_UNIQUE: "No two rows are identical (exact duplicates were dropped).",
    VALUES_IN_RANGE: "Years, minutes, ratings and votes are within their ranges.",
    ROWS_RECONCILED: "Raw rows (as the step read them) = trusted + rejected + duplicates, "
    "as published.",
}
# Equal rows have equal hashes, so no repeated hash proves no repeated row; a repeated hash
# (a real duplicate, or a collision) is then decided by comparing the rows themselves.
_REPEATED_ROWS = "SELECT count(*) - count(DISTINCT t), [] FROM read_parquet(?) AS t"
_ROWS = "SELECT count(*) FROM read_parquet(?)"
_ROW_GATES = (KEYS_PRESENT, ID_FORMATS, VALUES_IN_RANGE)


def _row_gates_sql(spec: Spec) -> str:
    """One scan: per row gate, the rows breaking it and a few examples; and repeated hashes."""
    bounded = [(c.name, c.kind.bounds) for c in COLUMNS[spec] if c.kind.bounds]
    within = " AND ".join(
        f"coalesce({name} BETWEEN {low} AND {high}, true)" for name, (low, high) in bounded
    )
    # Cast: a table published with the wrong type must fail its gates, not make them unreadable.
    title_id = "CAST(title_id AS VARCHAR)"
    broken = {
        KEYS_PRESENT: ("title_id IS NULL", "primary_title"),
        ID_FORMATS: (f"NOT {TITLE_ID.check_sql(title_id)}", "title_id"),
        VALUES_IN_RANGE: (f"NOT ({within})", "title_id"),
    }
    gates = ", ".join(
        f"count(*) FILTER ({condition}), list({example}) FILTER ({condition})[1:5]"
        for condition, example in (broken[name] for name in _ROW_GATES)
    )
    return f"SELECT {gates}, count(*) - count(DISTINCT hash(t)) FROM read_parquet(?) AS t"


def _step_counts(
    context: dg.AssetCheckExecutionContext, key: dg.AssetKey, date: str
) -> dict[str, int]:
    """The counts the step recorded when it published this date's table (empty if none)."""
    record = newest_materialization(context, key, date)
    materialization = record.asset_materialization if record else None
    metadata = materialization.metadata if materialization else {}
    return {name: metadata[name].value for name in STEP_COUNTS if name in metadata}  # type: ignore[misc]


def _reconciliation(
    con: duckdb.DuckDBPyConnection,
    key: dg.AssetKey,
    step: dict[str, int],
    table: LakeTable,
    rejected: LakeTable,
) -> dg.AssetCheckResult:
    if set(step) != set(STEP_COUNTS):
        return dg.AssetCheckResult(
            asset_key=key,
            check_name=ROWS_RECONCILED,
            passed=False,
            description="The table's materialisation records no raw row counts: materialise "
            f"{key.to_user_string()} for this date again.",
        )
    counts = {
        "raw_rows": step["raw_rows"],
        "trusted_rows": _rows(con, table),
        "rejected_rows": _rows(con, rejected),
        "duplicate_rows": step["duplicate_rows"],
    }
    accounted = counts["trusted_rows"] + counts["rejected_rows"] + counts["duplicate_rows"]
    return dg.AssetCheckResult(
        asset_key=key,
        check_name=ROWS_RECONCILED,
        passed=counts["raw_rows"] == accounted,
        metadata={**counts, "unaccounted_rows": counts["raw_rows"] - accounted},
    )


def _rows(con: duckdb.DuckDBPyConnection, table: LakeTable) -> int:
    return con.execute(_ROWS, [list(table.uris)]).fetchall()[0][0] if table.exists else 0


def build_trusted_csv_checks(spec: Spec) -> dg.AssetChecksDefinition:
    key = trusted_key("local", spec)
    row_gates = _row_gates_sql(spec)

    @dg.multi_asset_check(
        specs=gate_specs(key, _DESCRIPTIONS, (rejected_key(spec),)),
        name=f"trusted_local_{spec}_gates",
    )
    def gates(context: dg.AssetCheckExecutionContext, lake: LakeResource, duckdb: LakeDuckDB):
        storage = lake.storage()

        def verdicts(date: str):
            table = lake_table(storage, key, date)
            rejected = lake_table(storage, rejected_key(spec), date)
            uris = [list(table.uris)]
            with duckdb.connect() as con:
                *found, repeated_hashes = con.execute(row_gates, uris).fetchall()[0]
                pairs = zip(found[::2], found[1::2], strict=True)
                for name, (count, examples) in zip(_ROW_GATES, pairs, strict=True):
                    yield verdict(key, name, count, examples)
                repeated = (
                    con.execute(_REPEATED_ROWS, uris).fetchall()[0] if repeated_hashes else (0, [])
                )
                yield verdict(key, KEYS_UNIQUE, *repeated)
                step = _step_counts(context, key, date)
                yield _reconciliation(con, key, step, table, rejected)

        yield from each_date_verdicts(context, verdicts)

    return gates


trusted_csv_checks = [build_trusted_csv_checks(spec) for spec in SPECS]
