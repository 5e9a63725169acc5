"""The Spark engine: a transform's inputs as temp views over their Parquet, its SQL translated to
Spark SQL (`spark_sql`), its result written as Parquet files for the IO manager to publish."""

from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlglot import exp

from datalake.engines import spark_job
from datalake.engines.spark_sql import Step, Translator
from datalake.engines.transform import Transform
from datalake.errors import DatalakeError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SPARK_EXTRA = "PySpark is not installed: `pip install -e .[spark]` (Java 17 or newer too)."


@cache
def spark_session(master: str) -> "SparkSession":
    """The process's Spark session (local mode here), started once: a JVM takes seconds."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise DatalakeError(SPARK_EXTRA) from None
    builder = (
        SparkSession.builder.master(master)
        .appName("datalake")
        .config("spark.ui.enabled", "false")
        .config("spark.log.level", "ERROR")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
    )
    try:
        return builder.getOrCreate()
    except Exception as error:  # Py4J/JVM start-up failures have no common type
        raise DatalakeError(
            f"Spark could not start ({str(error).splitlines()[0][:160]}): install Java 17 "
            "(Debian: openjdk-17-jre-headless) or set JAVA_HOME."
        ) from None


def spark_type(duckdb_type: str) -> str:
    """A DuckDB column type in Spark SQL (`VARCHAR[]` -> `ARRAY<STRING>`)."""
    return exp.DataType.build(duckdb_type, dialect="duckdb").sql(dialect="spark")


def steps_of(transform: Transform) -> list[Step]:
    """The transform's scripts and query as Spark steps (macros inlined, unions split)."""
    translator = Translator()
    scripts = [step for script in transform.scripts for step in translator.script(script)]
    return scripts + translator.script(transform.query)


def spec_of(transform: Transform, output: str) -> dict:
    """The transform as the JSON spec `spark_job` runs: Spark SQL steps over Parquet inputs."""
    return {
        "name": transform.name,
        "inputs": {name: list(table.uris) for name, table in transform.inputs.items()},
        "columns": {
            name: {c: spark_type(t) for c, t in columns.items()}
            for name, columns in transform.columns.items()
        },
        "empty": {
            name: ", ".join(f"{c} {spark_type(t)}" for c, t in columns.items())
            for name, columns in transform.empty.items()
        },
        "steps": [asdict(step) for step in steps_of(transform)],
        "variables": transform.variables,
        "output": output,
    }


def write(session: "SparkSession", transform: Transform, folder: Path) -> Path:
    """Run the transform on a session of its own (temp views do not leak between transforms)
    and write its result as Parquet into `folder`."""
    spec = spec_of(transform, str(folder))
    spark_job.write(spark_job.run_spec(session.newSession(), spec), spec["output"])
    return folder
