"""The generic Spark job: runs one transform described by a JSON spec, on any Spark.

The same file is the Spark engine's runner (imported) and an AWS Glue / EMR Serverless job script
(uploaded as is: it needs only PySpark, boto3 and `dagster-pipes`). As a job it takes
`--spec <s3:// or path of the spec JSON>` plus the Dagster Pipes arguments, writes the result as
Parquet to the spec's `output` and reports the materialisation with its row count to Dagster.

Spec: `inputs` {view: [parquet globs]}, `columns` {view: {column: Spark type}} (casts),
`empty` {view: "column type, ..."} (absent inputs), `steps` [{name, sql, union, parameters}]
(Spark SQL, translated beforehand), `variables` {name: value}, `output` (a folder URI).
"""

import argparse
import json
from pathlib import Path
from typing import Any


def run_spec(spark: Any, spec: dict) -> Any:
    """The spec's result as a DataFrame, its views registered on `spark` (a session)."""
    for name, uris in spec["inputs"].items():
        frame = spark.read.parquet(*uris)
        columns = spec["columns"].get(name)
        if columns:
            frame = frame.selectExpr(*(f"CAST({c} AS {t}) AS {c}" for c, t in columns.items()))
        frame.createOrReplaceTempView(name)
    for name, schema in spec["empty"].items():
        spark.createDataFrame([], schema).createOrReplaceTempView(name)
    result = None
    for step in spec["steps"]:
        if step["union"]:
            left, right = (spark.table(name) for name in step["union"])
            frame = left.unionByName(right, allowMissingColumns=True)
        else:
            arguments = {name: spec["variables"][name] for name in step["parameters"]}
            frame = spark.sql(step["sql"], args=arguments)
        if step["name"]:
            frame.createOrReplaceTempView(step["name"])
        else:
            result = frame
    if result is None:
        raise ValueError("the spec's steps end with no SELECT")
    return result


def write(frame: Any, output: str) -> None:
    """The result as zstd Parquet files replacing the folder `output`; on a local folder,
    Hadoop's bookkeeping files (`_SUCCESS`, `.crc`) are removed so only the table remains."""
    frame.write.mode("overwrite").option("compression", "zstd").parquet(output)
    if "://" not in output or output.startswith("file://"):
        folder = Path(output.removeprefix("file://"))
        for path in folder.iterdir():
            if path.is_file() and path.suffix != ".parquet":
                path.unlink()


def _read_spec(location: str) -> dict:
    if location.startswith("s3://"):
        import boto3

        bucket, key = location.removeprefix("s3://").split("/", 1)
        body = boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read()
        return json.loads(body)
    with open(location, encoding="utf-8") as source:
        return json.load(source)


def main() -> None:
    """Entry point on Glue / EMR Serverless: run the spec, report the row count through Pipes."""
    import boto3
    from dagster_pipes import (
        PipesCliArgsParamsLoader,
        PipesS3ContextLoader,
        PipesS3MessageWriter,
        open_dagster_pipes,
    )
    from pyspark.sql import SparkSession

    parser = argparse.ArgumentParser(description="Run one datalake transform spec.")
    parser.add_argument("--spec", required=True)
    arguments, _ = parser.parse_known_args()  # the rest are Glue's and Dagster Pipes' own
    s3 = boto3.client("s3")
    with open_dagster_pipes(
        params_loader=PipesCliArgsParamsLoader(),
        context_loader=PipesS3ContextLoader(client=s3),
        message_writer=PipesS3MessageWriter(client=s3),
    ) as pipes:
        spec = _read_spec(arguments.spec)
        spark = SparkSession.builder.appName(f"datalake-{spec['name']}").getOrCreate()
        spark.conf.set("spark.sql.session.timeZone", "UTC")
        result = run_spec(spark, spec)
        write(result, spec["output"])
        rows = spark.read.parquet(spec["output"]).count()
        pipes.log.info(f"{spec['name']}: {rows} rows written to {spec['output']}")
        pipes.report_asset_materialization(metadata={"dagster/row_count": rows})


if __name__ == "__main__":
    main()
