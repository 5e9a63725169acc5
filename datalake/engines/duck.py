"""The DuckDB engine: a transform's inputs as views of the transform's connection, its results
lazy relations the lake IO manager streams to Parquet."""

from dataclasses import dataclass

import duckdb

from datalake.engines.transform import JsonRecords, TextLines, Transform
from datalake.io.handover import LakeTable
from datalake.io.tables import create_view
from datalake.shared.sql import sql_literal


def relation(con: duckdb.DuckDBPyConnection, transform: Transform) -> duckdb.DuckDBPyRelation:
    """The transform's result on `con` (its views and variables stay on the connection)."""
    return prepare(con, transform).table(transform.query)


@dataclass(frozen=True)
class DuckRun:
    """A prepared transform's results, each asked for by its SQL."""

    con: duckdb.DuckDBPyConnection

    def table(self, sql: str) -> duckdb.DuckDBPyRelation:
        """A result table, lazy: the IO manager streams it to Parquet."""
        return self.con.sql(sql)

    def rows(self, sql: str) -> list[tuple]:
        """A small result's rows."""
        return self.con.execute(sql).fetchall()


def prepare(con: duckdb.DuckDBPyConnection, transform: Transform) -> DuckRun:
    """The transform's inputs as views of `con` and its scripts run."""
    for name, value in transform.variables.items():
        con.execute(f"SET VARIABLE {name} = ?", [value])
    for name, source in transform.inputs.items():
        if isinstance(source, TextLines):
            _text_lines(con, name, source.uri)
        elif isinstance(source, JsonRecords):
            _json_records(con, name, source)
        elif isinstance(source, LakeTable):
            create_view(con, name, source, transform.columns.get(name))
    for name, columns in transform.empty.items():
        _empty_table(con, name, columns)
    for script in transform.scripts:
        con.execute(script)
    return DuckRun(con)


def _empty_table(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, str]) -> None:
    declared = ", ".join(f'"{column}" {kind}' for column, kind in columns.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({declared})")


def _text_lines(con: duckdb.DuckDBPyConnection, name: str, uri: str) -> None:
    """The file read once into a table in file order, whose rowid then gives the line number.

    Each line is one field: the delimiter is a Unicode noncharacter, so a line is never split;
    quote and escape are off because the lake's exports have neither (a title may start with
    `"`). Reading errors are DuckDB's (`datalake.trusted.csv_source.unreadable` words them).
    """
    con.execute("SET preserve_insertion_order = true")
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE __{name}_lines AS SELECT line "
            "FROM read_csv(?, columns = {'line': 'VARCHAR'}, delim = chr(65535), quote = '', "
            "escape = '', header = false, auto_detect = false, skip = 1)",
            [uri],
        )
    finally:
        # Results need no order: keeping it would cost a tenth of a table's write.
        con.execute("SET preserve_insertion_order = false")
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {name} AS "
        f"SELECT rowid + 2 AS line_number, line FROM __{name}_lines"
    )


def _json_records(con: duckdb.DuckDBPyConnection, name: str, source: JsonRecords) -> None:
    if not source.uris:
        _empty_table(con, name, source.columns | {"filename": "VARCHAR"})
        return
    declared = ", ".join(f"{sql_literal(c)}: {sql_literal(t)}" for c, t in source.columns.items())
    # Views cannot take `?` parameters, so the URIs are bound to a variable the view reads.
    con.execute(f"SET VARIABLE {name} = ?", [list(source.uris)])
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_json(getvariable('{name}'), "
        f"format = 'array', filename = true, columns = {{{declared}}})"
    )
