"""`datalake query "SQL"`: SQL against the lake's catalog (Refined/catalog.duckdb), local or S3.

The catalog is opened read-only (on S3, a downloaded copy) with its views pointed at the lake
root, so its tables and question views read the lake where it is now.
"""

import csv
import decimal
import json
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

import duckdb

from datalake.errors import DatalakeError
from datalake.io.tables import scratch
from datalake.refined.catalog_views import set_root
from datalake.storage import Storage
from datalake.storage.layout import refined_catalog_key

FORMATS = ("table", "csv", "json")
_NUMBERS = (int, float, decimal.Decimal)


@contextmanager
def open_catalog(storage: Storage) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the lake's catalog, able to read the lake's Parquet."""
    key = refined_catalog_key()
    if storage.info(key) is None:
        raise DatalakeError(
            f"No catalog at {storage.uri(key)}: build it with `datalake run` (or "
            "`datalake run --select refined`) for a processing date first."
        )
    with scratch("datalake-query-") as folder:
        path = folder / "catalog.duckdb"
        with storage.open_read(key) as source, path.open("wb") as target:
            shutil.copyfileobj(source, target)  # read-only use of a copy: no lock on the lake's
        with duckdb.connect(str(path), read_only=True) as con:
            storage.configure_duckdb(con)
            set_root(con, storage.uri(""))
            yield con


def _plain(value):
    """A JSON value: DECIMAL becomes a number, dates and the rest text."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value if value is None or isinstance(value, int | float | str | bool) else str(value)


def _text(value) -> str:
    return "NULL" if value is None else str(value).replace("\n", " ")


def aligned_table(columns: list[str], rows: list[tuple]) -> str:
    """Columns padded to their widest value; numbers right-aligned."""
    cells = [[_text(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    numeric = [
        bool(rows) and all(isinstance(r[i], _NUMBERS) or r[i] is None for r in rows)
        for i in range(len(columns))
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(columns), rule, *(line(r) for r in cells)])


def write_result(columns: list[str], rows: list[tuple], fmt: str, out: TextIO) -> None:
    """Rows as a readable table, CSV (header row) or JSON (an array of objects)."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        records = [dict(zip(columns, map(_plain, row), strict=True)) for row in rows]
        json.dump(records, out, ensure_ascii=False, allow_nan=False, default=str)
        out.write("\n")
    else:
        out.write(aligned_table(columns, rows) + "\n")
        out.write(f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n")


def run_query(storage: Storage, sql: str, fmt: str = "table", out: TextIO = sys.stdout) -> None:
    """Run one statement against the catalog and print its result."""
    with open_catalog(storage) as con:
        try:
            result = con.execute(sql)
            columns = [d[0] for d in result.description or []]
            rows = result.fetchall() if columns else []
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise DatalakeError(
                f"the query failed: {first} (the catalog has schemas refined, trusted and "
                "analysis; list its views with SELECT schema_name, view_name FROM duckdb_views())"
            ) from None
    write_result(columns, rows, fmt, out)
