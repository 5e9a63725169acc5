"""Blocking gates of the Refined tables: unique keys and keys that resolve in their dimensions."""

import dagster as dg

from datalake.io.tables import lake_table
from datalake.refined.tables import TABLES, Table, refined_key
from datalake.resources.duck import LakeDuckDB
from datalake.resources.lake import LakeResource
from datalake.shared.checks import KEYS_UNIQUE, VALUES_IN_RANGE, gate_specs, verdict, violations
from datalake.shared.sql import sql_literal

REFERENCES_RESOLVED = "references_resolved"


def _duplicate_keys_sql(keys: tuple[str, ...]) -> str:
    """Keys held by more than one row, or partly NULL."""
    columns = ", ".join(keys)
    missing = " OR ".join(f"{key} IS NULL" for key in keys)
    return (
        f"SELECT count(*), list(key)[1:5] FROM (SELECT CAST(row({columns}) AS VARCHAR) AS key "
        f"FROM read_parquet(?) GROUP BY {columns} HAVING count(*) > 1 OR {missing})"
    )


def _suspect_keys_sql(keys: tuple[str, ...]) -> str:
    """Zero when every key is whole and its hash unique, which proves the keys unique (equal keys
    hash equal) at a fraction of the grouping's cost; otherwise `_duplicate_keys_sql` decides."""
    missing = " OR ".join(f"{key} IS NULL" for key in keys)
    return (
        f"SELECT count(*) - count(DISTINCT hash({', '.join(keys)})) + count(*) FILTER ({missing}) "
        "FROM read_parquet(?)"
    )


def _unresolved_sql(references: dict[str, str]) -> str:
    """References absent from their dimension; binds (table, dimension) URIs per reference."""
    unresolved = " UNION ALL ".join(
        f"SELECT '{column}=' || fact.{column} AS example FROM read_parquet(?) AS fact "
        f"ANTI JOIN read_parquet(?) AS dim ON dim.{column} = fact.{column} "
        f"WHERE fact.{column} IS NOT NULL"
        for column in references
    )
    return f"SELECT count(*), list(example)[1:5] FROM ({unresolved})"


def out_of_bounds_sql(table: Table) -> str:
    """Rows breaking any of the table's bounds (a NULL value passes), with the first broken."""
    broken = " ".join(
        f"WHEN NOT coalesce({bound}, true) THEN {sql_literal(bound)}" for bound in table.bounds
    )
    return (
        f"SELECT count(*), list(key || ': ' || broken)[1:5] FROM ("
        f"SELECT CAST(row({', '.join(table.keys)}) AS VARCHAR) AS key, CASE {broken} END AS broken "
        "FROM read_parquet(?)) WHERE broken IS NOT NULL"
    )


def _descriptions(table: Table) -> dict[str, str]:
    descriptions = {KEYS_UNIQUE: f"One row per {', '.join(table.keys)}, none of them NULL."}
    if table.references:
        resolved = ", ".join(f"{column} in {dim}" for column, dim in table.references.items())
        descriptions[REFERENCES_RESOLVED] = f"Every key refers to an existing row: {resolved}."
    if table.bounds:
        descriptions[VALUES_IN_RANGE] = f"No impossible value: {'; '.join(table.bounds)}."
    return descriptions


def build_refined_checks(table: Table) -> dg.AssetChecksDefinition:
    key = refined_key(table.name)
    duplicates, suspects = _duplicate_keys_sql(table.keys), _suspect_keys_sql(table.keys)

    names = dict.fromkeys([table.name, *table.references.values()])

    @dg.multi_asset_check(
        specs=gate_specs(key, _descriptions(table), tuple(refined_key(d) for d in names)[1:]),
        name=f"refined_{table.name}_gates",
    )
    def gates(context: dg.AssetCheckExecutionContext, lake: LakeResource, duckdb: LakeDuckDB):
        storage = lake.storage()
        uris = {
            name: list(lake_table(storage, refined_key(name), context.partition_key).uris)
            for name in names
        }
        with duckdb.connect() as con:
            if con.execute(suspects, [uris[table.name]]).fetchall()[0][0]:
                yield violations(con, key, KEYS_UNIQUE, duplicates, [uris[table.name]])
            else:
                yield verdict(key, KEYS_UNIQUE, 0, [])
            if table.references:
                params = [
                    uris[name] for dim in table.references.values() for name in (table.name, dim)
                ]
                unresolved = _unresolved_sql(table.references)
                yield violations(con, key, REFERENCES_RESOLVED, unresolved, params)
            if table.bounds:
                bounds_sql = out_of_bounds_sql(table)
                yield violations(con, key, VALUES_IN_RANGE, bounds_sql, [uris[table.name]])

    return gates


refined_checks = [build_refined_checks(table) for table in TABLES]
