"""Raw CSV -> typed Trusted Parquet and quarantined rows, reading the file once.

The file is read as whole lines (so a refused row keeps its line number and its exact text), each
line is split on `|` and checked, then valid first occurrences are typed and written, invalid ones
quarantined with their reasons and exact duplicates counted.
"""

from dataclasses import dataclass
from functools import cache

import duckdb

from datalake.errors import DatalakeError
from datalake.storage.layout import Spec
from datalake.trusted.csv_columns import COLUMNS
from datalake.trusted.csv_source import unreadable
from datalake.trusted.queries import query


@dataclass(frozen=True)
class CsvTables:
    """The typed rows as a lazy relation of the transform's connection, the counts known before
    writing them, and the refused rows once the typed ones are counted."""

    trusted: duckdb.DuckDBPyRelation
    data_rows: int  # the non-blank lines after the header
    duplicate_rows: int
    rejected_sql: str
    con: duckdb.DuckDBPyConnection

    def rejected(self, trusted_rows: int) -> duckdb.DuckDBPyRelation:
        """The refused rows; when the counts show there are none, the lines are not read again."""
        if trusted_rows + self.duplicate_rows < self.data_rows:
            return self.con.sql(self.rejected_sql)
        return self.con.sql(f"SELECT * FROM ({self.rejected_sql}) LIMIT 0")


@cache
def _statements(spec: Spec) -> dict[str, str]:
    """The spec's SQL; each field is named after its source column, checked and typed."""
    columns = COLUMNS[spec]
    fields = ", ".join(f"fields[{i}] AS {c.source}" for i, c in enumerate(columns, start=1))
    field_count = str(len(columns))
    checks = [sql for c in columns if (sql := c.kind.check_sql(c.source))]
    valid = " AND ".join([f"field_count = {field_count}", *checks])
    typed = ", ".join(f"{c.kind.typed_sql(c.source)} AS {c.name}" for c in columns)
    reasons = ", ".join(sql for c in columns if (sql := c.reason_sql(c.source)))
    return {
        "trusted": query("csv_trusted", fields=fields, columns=typed, valid=valid),
        "rejected": query(
            "csv_rejected", fields=fields, field_count=field_count, valid=valid, reasons=reasons
        ),
        "well_formed": query("csv_well_formed", field_count=field_count),
    }


def transform_csv(con: duckdb.DuckDBPyConnection, source_uri: str, spec: Spec) -> CsvTables:
    """Read the raw file once into its lines; the typed and refused rows stay lazy over them.

    Refuses a file none of whose lines splits into the spec's fields before anything is written.
    """
    sql = _statements(spec)
    # Lines are stored in file order (rowid + 2 is the line number); writing the typed rows in
    # that order too would cost a tenth of the transform, and their order carries no meaning.
    con.execute("SET preserve_insertion_order = true")
    con.execute(query("csv_raw_lines_macro"))
    con.execute(query("csv_fields_macro"))
    try:
        con.execute(query("csv_lines"), [source_uri])
    except duckdb.Error as exc:
        raise unreadable(source_uri, exc) from None
    con.execute(query("csv_duplicates"))
    con.execute("SET preserve_insertion_order = false")
    data_rows, duplicate_rows = con.execute(query("csv_counts")).fetchall()[0]
    if data_rows > duplicate_rows:
        _refuse_if_not_pipe_delimited(con, sql["well_formed"], source_uri, spec, data_rows)
    return CsvTables(con.sql(sql["trusted"]), data_rows, duplicate_rows, sql["rejected"], con)


def _refuse_if_not_pipe_delimited(
    con: duckdb.DuckDBPyConnection, sql: str, uri: str, spec: Spec, data_rows: int
) -> None:
    """Refuse the file if not one line splits into the right fields (it stops at the first)."""
    if not con.execute(sql).fetchall()[0][0]:
        raise DatalakeError(
            f"{uri}: none of its {data_rows:,} data lines has {len(COLUMNS[spec])} '|'-separated "
            "fields; is it pipe-delimited? Land the original export and run again."
        )
