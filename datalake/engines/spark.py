"""The Spark engine: a transform's inputs as temp views over their Parquet, its SQL translated to
Spark SQL (`spark_sql`), its result written as Parquet files for the IO manager to publish."""

from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlglot import exp

from datalake.engines import spark_job
from datalake.engines.spark_sql import Step, Translator
from datalake.engines.transform import JsonRecords, TextLines, Transform
from datalake.errors import DatalakeError
from datalake.io.handover import EngineTable, LakeTable

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
        .config("spark.ui.showConsoleProgress", "false")  # progress bars garble the CLI output
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


def schema_of(columns: dict[str, str]) -> str:
    """DuckDB columns as a Spark DDL schema."""
    return ", ".join(f"`{c}` {spark_type(t)}" for c, t in columns.items())


def spark_type(duckdb_type: str) -> str:
    """A DuckDB column type in Spark SQL (`VARCHAR[]` -> `ARRAY<STRING>`)."""
    return exp.DataType.build(duckdb_type, dialect="duckdb").sql(dialect="spark")


def steps_of(transform: Transform, translator: Translator | None = None) -> list[Step]:
    """The transform's scripts and query as Spark steps (macros inlined, unions split); the
    translator keeps the macros, for the statements run after (`prepare`)."""
    translator = translator or Translator()
    scripts = [step for script in transform.scripts for step in translator.script(script)]
    return scripts + (translator.script(transform.query) if transform.query else [])


def spec_of(transform: Transform, output: str, translator: Translator | None = None) -> dict:
    """The transform as the JSON spec `spark_job` runs: Spark SQL steps over its inputs."""
    sources = transform.inputs.items()
    return {
        "name": transform.name,
        "inputs": {n: list(t.uris) for n, t in sources if isinstance(t, LakeTable)},
        "lines": {n: t.uri for n, t in sources if isinstance(t, TextLines)},
        "json": {
            n: {"uris": list(t.uris), "schema": schema_of(t.columns)}
            for n, t in sources
            if isinstance(t, JsonRecords)
        },
        "columns": {
            name: {c: spark_type(t) for c, t in columns.items()}
            for name, columns in transform.columns.items()
        },
        "empty": {
            name: ", ".join(f"{c} {spark_type(t)}" for c, t in columns.items())
            for name, columns in transform.empty.items()
        },
        "steps": [asdict(step) for step in steps_of(transform, translator)],
        "variables": transform.variables,
        "output": output,
    }


def write(session: "SparkSession", transform: Transform, folder: Path) -> Path:
    """Run the transform on a session of its own (temp views do not leak between transforms)
    and write its result as Parquet into `folder`."""
    spec = spec_of(transform, str(folder))
    spark_job.write(spark_job.run_spec(session.newSession(), spec), spec["output"])
    return folder


@dataclass
class SparkRun:
    """A prepared transform's results on Spark, each asked for by its DuckDB SQL (translated
    with the transform's macros): tables written as Parquet under `folder`, rows collected."""

    session: "SparkSession"
    translator: Translator
    variables: dict
    folder: Path
    cached: list = field(default_factory=list)

    def table(self, sql: str) -> EngineTable:
        """A result table, written now as Parquet for the IO manager to publish."""
        folder = self.folder / f"table-{len(list(self.folder.iterdir()))}"
        spark_job.write(self._frame(sql), str(folder))
        return EngineTable(folder)

    def rows(self, sql: str) -> list[tuple]:
        """A small result's rows."""
        return [tuple(row) for row in self._frame(sql).collect()]

    def close(self) -> None:
        """Release what the run cached (Spark's cache is shared by every session)."""
        for frame in self.cached:
            frame.unpersist()

    def _frame(self, sql: str):
        steps = [asdict(step) for step in self.translator.script(sql)]
        frame = spark_job.run_steps(self.session, steps, self.variables, self.cached)
        if frame is None:
            raise DatalakeError(f"Not a query, so it gives no result: {sql[:80]}")
        return frame


def prepare(session: "SparkSession", transform: Transform, folder: Path) -> SparkRun:
    """The transform's inputs as views of a session of its own and its scripts run (their
    temp tables cached); `folder` receives the tables it writes."""
    translator = Translator()
    spec = spec_of(transform, str(folder), translator)
    own = session.newSession()
    run = SparkRun(own, translator, transform.variables, folder)
    run.cached += spark_job.register(own, spec)
    spark_job.run_steps(own, spec["steps"], spec["variables"], run.cached)
    return run
