"""The DuckDB engine: a transform's inputs as views over their Parquet, its result a lazy
relation the lake IO manager streams to Parquet."""

import duckdb

from datalake.engines.transform import Transform
from datalake.io.tables import create_view


def relation(con: duckdb.DuckDBPyConnection, transform: Transform) -> duckdb.DuckDBPyRelation:
    """The transform's result on `con` (its views and variables stay on the connection)."""
    for name, value in transform.variables.items():
        con.execute(f"SET VARIABLE {name} = ?", [value])
    for name, table in transform.inputs.items():
        create_view(con, name, table, transform.columns.get(name))
    for name, columns in transform.empty.items():
        declared = ", ".join(f"{column} {kind}" for column, kind in columns.items())
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({declared})")
    for script in transform.scripts:
        con.execute(script)
    return con.sql(transform.query)
