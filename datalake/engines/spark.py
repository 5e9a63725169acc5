"""The Spark engine: a transform's inputs as temp views over their Parquet, its SQL translated to
Spark SQL (`spark_sql`), its result written as Parquet files for the IO manager to publish."""

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlglot import exp

from datalake.engines.spark_sql import Step, Translator
from datalake.engines.transform import Transform
from datalake.errors import DatalakeError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

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


def write(session: "SparkSession", transform: Transform, folder: Path) -> Path:
    """Run the transform on a session of its own (temp views do not leak between transforms)
    and write its result as Parquet into `folder`."""
    spark = session.newSession()
    for name, table in transform.inputs.items():
        frame = spark.read.parquet(*table.uris)
        columns = transform.columns.get(name)
        if columns:
            frame = frame.selectExpr(
                *(f"CAST({c} AS {spark_type(t)}) AS {c}" for c, t in columns.items())
            )
        frame.createOrReplaceTempView(name)
    for name, columns in transform.empty.items():
        schema = ", ".join(f"{c} {spark_type(t)}" for c, t in columns.items())
        spark.createDataFrame([], schema).createOrReplaceTempView(name)
    result = None
    for step in steps_of(transform):
        frame = _run(spark, step, transform.variables)
        if step.name:
            frame.createOrReplaceTempView(step.name)
        else:
            result = frame
    if result is None:
        raise DatalakeError(f"{transform.name}: its SQL ends with no SELECT.")
    result.write.mode("overwrite").option("compression", "zstd").parquet(str(folder))
    return folder


def _run(spark: "SparkSession", step: Step, variables: dict) -> "DataFrame":
    if step.union:
        left, right = (spark.table(name) for name in step.union)
        return left.unionByName(right, allowMissingColumns=True)
    return spark.sql(step.sql, args={name: variables[name] for name in step.parameters})
