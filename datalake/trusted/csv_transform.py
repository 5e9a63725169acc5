"""Raw CSV -> typed Trusted Parquet and quarantined rows, reading the file once.

The engine reads the file as whole numbered lines (`TextLines`: a refused row keeps its line
number and its exact text); the SQL here, in DuckDB's dialect, splits each line on `|` and checks
it, types the valid first occurrences, quarantines the invalid ones with their reasons and counts
the exact duplicates. Any engine runs it (`EngineResource.run`).
"""

from dataclasses import dataclass
from functools import cache
from typing import Any

from datalake.engines.transform import EngineRun, TextLines, Transform
from datalake.errors import DatalakeError
from datalake.storage.layout import Spec
from datalake.trusted.csv_columns import COLUMNS
from datalake.trusted.queries import query

SCRIPTS = ("csv_fields_macro", "csv_duplicates", "csv_lines")  # run in this order


@dataclass(frozen=True)
class CsvTables:
    """The typed rows as the IO manager takes them, the counts known before writing them, and
    the refused rows once the typed ones are counted."""

    trusted: Any
    data_rows: int  # the non-blank lines after the header
    duplicate_rows: int
    rejected_sql: str
    run: EngineRun

    def rejected(self, trusted_rows: int) -> Any:
        """The refused rows; when the counts show there are none, the lines are not read again."""
        if trusted_rows + self.duplicate_rows < self.data_rows:
            return self.run.table(self.rejected_sql)
        return self.run.table(f"SELECT * FROM ({self.rejected_sql}) LIMIT 0")


def csv_transform(source_uri: str, spec: Spec) -> Transform:
    """The spec's transform over the file's numbered lines (`raw_lines`); its results are the
    statements of `statements(spec)`."""
    return Transform(
        name=f"trusted_local_{spec}",
        query="",
        inputs={"raw_lines": TextLines(source_uri)},
        scripts=tuple(query(name) for name in SCRIPTS),
    )


@cache
def statements(spec: Spec) -> dict[str, str]:
    """The spec's SQL; each field is named after its source column, checked and typed."""
    columns = COLUMNS[spec]
    fields = ", ".join(f"fields[{i}] AS {c.source}" for i, c in enumerate(columns, start=1))
    field_count = str(len(columns))
    checks = [sql for c in columns if (sql := c.kind.check_sql(c.source))]
    valid = " AND ".join([f"field_count = {field_count}", *checks])
    typed = ", ".join(f"{c.kind.typed_sql(c.source)} AS {c.name}" for c in columns)
    reasons = ", ".join(sql for c in columns if (sql := c.reason_sql(c.source)))
    return {
        "counts": query("csv_counts"),
        "well_formed": query("csv_well_formed", field_count=field_count),
        "trusted": query("csv_trusted", fields=fields, columns=typed, valid=valid),
        "rejected": query(
            "csv_rejected", fields=fields, field_count=field_count, valid=valid, reasons=reasons
        ),
    }


def transform_csv(run: EngineRun, source_uri: str, spec: Spec) -> CsvTables:
    """The typed and refused rows of a prepared `csv_transform`, lazy where the engine allows.

    Refuses a file none of whose lines splits into the spec's fields before anything is written.
    """
    sql = statements(spec)
    ((data_rows, duplicate_rows),) = run.rows(sql["counts"])
    if data_rows > duplicate_rows and not run.rows(sql["well_formed"])[0][0]:
        raise DatalakeError(
            f"{source_uri}: none of its {data_rows:,} data lines has {len(COLUMNS[spec])} "
            "'|'-separated fields; is it pipe-delimited? Land the original export and run again."
        )
    return CsvTables(run.table(sql["trusted"]), data_rows, duplicate_rows, sql["rejected"], run)
