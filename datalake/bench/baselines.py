"""The tools people use instead, each doing one lake step on the same files, in its own process.

`python -m datalake.bench.baselines ENGINE STEP ...` runs one and prints
`{"seconds", "cpu", "rows"}` of the work alone (start-up excluded; the caller measures the whole
process too); `duckdb refined` runs every refined table's, one after the other, and prints those
figures per table. Every engine writes zstd Parquet of the typed columns the trusted step writes:
- duckdb: one `COPY (SELECT ...) TO ... (FORMAT parquet)`: for trusted steps the typed columns
  read in the export's dialect, without the checks, quarantine or dedup; for refined tables the
  table's own SELECT over the same inputs. The floor of each transform.
- pandas: `read_csv` (C engine, no quoting) + casts + `to_parquet`, the challenge's usual tool;
- polars: `scan_csv` + casts + `sink_parquet` (streaming), the fastest single-machine peer;
- spark: PySpark in local mode on every core (the challenge's own engine), when installed.
"""

import argparse
import importlib
import json
import resource
import sys
import time
from pathlib import Path

from datalake.shared.source_format import NULL
from datalake.trusted.csv_columns import COLUMNS, LIST

ENGINES = ("duckdb", "pandas", "polars", "spark")
_MODULES = {"duckdb": "duckdb", "pandas": "pandas", "polars": "polars", "spark": "pyspark.sql"}
_DIALECT = (
    "delim = '|', quote = '', escape = '', nullstr = '\\N', header = true, all_varchar = true"
)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
    return usage.ru_utime + usage.ru_stime


def duckdb_trusted(source: str, spec: str, out: str) -> None:
    import duckdb

    columns = ", ".join(
        f"string_split(nullif({c.source}, ''), ',') AS {c.name}"
        if c.kind is LIST
        else f"CAST({c.source} AS {c.kind.sql_type}) AS {c.name}"
        for c in COLUMNS[spec]  # type: ignore[index]
    )
    sql = f"COPY (SELECT {columns} FROM read_csv(?, {_DIALECT})) TO '{out}' (FORMAT parquet, COMPRESSION zstd)"
    duckdb.connect().execute(sql, [source])


def duckdb_refined(lake: str, table_name: str, date: str, genres: str, out: str) -> None:
    import duckdb

    from datalake.engines.duck import relation
    from datalake.io.tables import lake_table
    from datalake.refined.inputs import refined_transform
    from datalake.refined.tables import TABLES
    from datalake.storage import open_storage

    table = next(t for t in TABLES if t.name == table_name)
    storage = open_storage(lake)
    inputs = {name: lake_table(storage, key, date) for name, key in table.inputs.items()}
    transform, _ = refined_transform(table.name, date, tuple(genres.split(",")), inputs)
    relation(duckdb.connect(), transform).to_parquet(out, compression="zstd")


def pandas_trusted(source: str, spec: str, out: str) -> None:
    import csv

    import pandas as pd

    frame = pd.read_csv(source, sep="|", quoting=csv.QUOTE_NONE, dtype=str,
                        na_values=[NULL], keep_default_na=False)  # fmt: skip
    typed: dict[str, pd.Series] = {}
    for c in COLUMNS[spec]:  # type: ignore[index]
        value = frame[c.source]
        if c.kind is LIST:
            typed[c.name] = value.replace("", None).str.split(",")
        elif c.kind.sql_type in ("SMALLINT", "INTEGER"):
            typed[c.name] = pd.to_numeric(value).astype(
                "Int16" if c.kind.sql_type == "SMALLINT" else "Int32"
            )
        elif c.kind.sql_type.startswith("DECIMAL"):
            typed[c.name] = pd.to_numeric(value)  # pandas has no decimal type
        else:
            typed[c.name] = value
    pd.DataFrame(typed).to_parquet(out, compression="zstd", index=False)


def polars_trusted(source: str, spec: str, out: str) -> None:
    import polars as pl

    types: dict[str, pl.DataType | type[pl.DataType]] = {
        "SMALLINT": pl.Int16,
        "INTEGER": pl.Int32,
        "DECIMAL(3,1)": pl.Decimal(3, 1),
    }
    columns = []
    for c in COLUMNS[spec]:  # type: ignore[index]
        value = pl.col(c.source)
        if c.kind is LIST:
            value = pl.when(value == "").then(None).otherwise(value).str.split(",")
        elif c.kind.sql_type in types:
            value = value.cast(types[c.kind.sql_type])
        columns.append(value.alias(c.name))
    frame = pl.scan_csv(source, separator="|", quote_char=None, null_values=NULL,
                        infer_schema=False)  # fmt: skip
    frame.select(columns).sink_parquet(out, compression="zstd")


def spark_trusted(source: str, spec: str, out: str) -> None:
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    spark = (
        SparkSession.builder.master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .getOrCreate()
    )
    frame = spark.read.csv(source, sep="|", header=True, quote="", escape="", nullValue=NULL)
    columns = []
    for c in COLUMNS[spec]:  # type: ignore[index]
        value = F.col(c.source)
        if c.kind is LIST:
            value = F.split(F.when(value != "", value), ",")
        elif c.kind.sql_type != "VARCHAR":
            value = value.cast(c.kind.sql_type.lower())
        columns.append(value.alias(c.name))
    frame.select(columns).write.mode("overwrite").parquet(out)


def _rows(out: str) -> int:
    import pyarrow.parquet as pq

    files = [out] if Path(out).is_file() else sorted(Path(out).glob("*.parquet"))
    return sum(pq.read_metadata(f).num_rows for f in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("engine", choices=ENGINES)
    parser.add_argument("step", help="trusted/local/movies, trusted/local/series or refined")
    parser.add_argument("--source", help="the raw CSV (trusted steps)")
    parser.add_argument("--lake", help="the lake root holding the inputs (refined steps)")
    parser.add_argument("--date", default="2022-05-02")
    parser.add_argument("--genres", default="Crime,War")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    importlib.import_module(_MODULES[args.engine])  # its import is start-up, not the work
    if args.step == "refined":
        importlib.import_module("datalake.refined.inputs")  # so is the lake's (dagster) code
    if args.step == "refined":  # every table, one after the other, in one process
        from datalake.refined.tables import TABLES

        figures = {}
        for table in TABLES:
            out = str(Path(args.out) / f"{table.name}.parquet")
            figures[f"refined/{table.name}"] = _timed(duckdb_refined, args.lake, table.name,
                                                      args.date, args.genres, out)  # fmt: skip
        print(json.dumps(figures))
    else:
        spec = args.step.rsplit("/", 1)[-1]
        print(json.dumps(_timed(globals()[f"{args.engine}_trusted"], args.source, spec, args.out)))
    return 0


def _timed(work, *args) -> dict:
    """Seconds and CPU seconds of `work(*args)`, and the rows it wrote to its last argument."""
    started, cpu = time.perf_counter(), _cpu()
    work(*args)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    return {"seconds": seconds, "cpu": cpu, "rows": _rows(args[-1])}


if __name__ == "__main__":
    sys.exit(main())
