"""The engine resource: which engine runs the transforms (`DATALAKE_ENGINE`)."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dagster as dg
from pydantic import Field

from datalake.engines import duck, spark
from datalake.engines.glue import GlueJobResource, run_on_glue
from datalake.engines.transform import EngineRun, Transform
from datalake.io.handover import EngineTable
from datalake.io.tables import scratch
from datalake.resources.duck import LakeDuckDB
from datalake.storage.layout import asset_location


class EngineResource(dg.ConfigurableResource):
    """`duckdb`: DuckDB inside the Dagster process (the default); `spark`: the same SQL translated
    to Spark SQL and run by PySpark (`spark_master`, local mode on one machine); `glue`: the
    Refined tables' Spark SQL run by AWS Glue jobs through Dagster Pipes (`glue_job`), Trusted
    in DuckDB."""

    kind: str = Field(default="duckdb", description="The engine: duckdb, spark or glue.")
    spark_master: str = Field(default="local[2]", description="Spark master URL.")
    duckdb: LakeDuckDB
    glue_job: GlueJobResource

    @property
    def label(self) -> str:
        return self.kind

    @property
    def local_label(self) -> str:
        """The engine of the transforms with several results (Trusted): a Glue deployment runs
        those in DuckDB, as one job runs one result."""
        return "duckdb" if self.kind == "glue" else self.kind

    @contextmanager
    def run(self, transform: Transform) -> Iterator[EngineRun]:
        """The transform prepared on the engine (its inputs read, its scripts run), for its
        results to be asked for one by one; valid until the block ends."""
        if self.local_label == "spark":
            session = spark.spark_session(self.spark_master)
            with scratch(f"datalake-spark-{transform.name}-") as folder:
                run = spark.prepare(session, transform, folder)
                try:
                    yield run
                finally:
                    run.close()
        else:
            with (
                scratch(f"datalake-{transform.name}-") as spill,
                self.duckdb.connect(str(spill)) as con,
            ):
                yield duck.prepare(con, transform)

    @contextmanager
    def table(self, transform: Transform, context: dg.AssetExecutionContext) -> Iterator[Any]:
        """The transform's result as the lake IO manager takes it (a DuckDB relation, or the
        Parquet Spark wrote), valid until the block ends."""
        if self.kind == "glue":
            key = asset_location(context.asset_key.path, context.partition_key)
            output = self.duckdb.lake.storage().uri(key)
            yield EngineTable(reported=run_on_glue(context, self.glue_job, transform, output))
        elif self.kind == "spark":
            session = spark.spark_session(self.spark_master)
            with scratch(f"datalake-spark-{transform.name}-") as folder:
                yield EngineTable(spark.write(session, transform, folder / "table"))
        else:
            spill_dir = scratch(f"datalake-{transform.name}-")
            with spill_dir as spill, self.duckdb.connect(str(spill)) as con:
                yield duck.relation(con, transform)
