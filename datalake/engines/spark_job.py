"""The generic Spark job: runs one transform described by a JSON spec, on any Spark.

The same file is the Spark engine's runner (imported) and an AWS Glue / EMR Serverless job script
(uploaded as is: it needs only PySpark, boto3 and `dagster-pipes`). As a job it takes
`--spec <s3:// or path of the spec JSON>` plus the Dagster Pipes arguments, writes the result as
Parquet to the spec's `output` and reports the materialisation with its row count to Dagster.

Spec: `inputs` {view: [parquet globs]}, `columns` {view: {column: Spark type}} (casts),
`empty` {view: "column type, ..."} (absent inputs), `lines` {view: text file URI} (numbered
lines), `json` {view: {uris, schema}} (records of JSON arrays), `steps` [{name, sql, union,
parameters, cache}] (Spark SQL, translated beforehand), `variables` {name: value}, `output` (a
folder URI).
"""

import argparse
import json
from pathlib import Path
from typing import Any


def run_spec(spark: Any, spec: dict) -> Any:
    """The spec's result as a DataFrame, its views registered on `spark` (a session)."""
    cached = register(spark, spec)
    result = run_steps(spark, spec["steps"], spec["variables"], cached)
    if result is None:
        raise ValueError("the spec's steps end with no SELECT")
    return result


def register(spark: Any, spec: dict) -> list:
    """The spec's inputs as temp views of `spark`; the DataFrames it cached (a raw file's lines,
    read by every statement of its transform), for the caller to unpersist."""
    for name, uris in spec["inputs"].items():
        frame = spark.read.parquet(*uris)
        columns = spec["columns"].get(name)
        if columns:
            frame = frame.selectExpr(*(f"CAST({c} AS {t}) AS {c}" for c, t in columns.items()))
        frame.createOrReplaceTempView(name)
    for name, schema in spec["empty"].items():
        spark.createDataFrame([], schema).createOrReplaceTempView(name)
    cached = []
    for name, uri in spec.get("lines", {}).items():
        cached.append(text_lines(spark, uri).cache())
        cached[-1].createOrReplaceTempView(name)
    for name, source in spec.get("json", {}).items():
        json_records(spark, source["uris"], source["schema"]).createOrReplaceTempView(name)
    return cached


def text_lines(spark: Any, uri: str) -> Any:
    """The file's lines after the first as `(line_number, line)`, numbered as in the file; a
    blank line is a NULL `line` (what DuckDB's reader gives too).

    Within a split Spark keeps the file's order and ids increase, and splits start at their
    offsets: ordering by both numbers the lines (one sort, on one machine cheap enough)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    frame = spark.read.text(uri).select(
        F.input_file_block_start().alias("block"),
        F.monotonically_increasing_id().alias("id"),
        "value",
    )
    number = F.row_number().over(Window.orderBy("block", "id"))
    numbered = frame.select(number.cast("bigint").alias("line_number"), "value")
    return numbered.where("line_number > 1").selectExpr("line_number", "nullif(value, '') AS line")


def json_records(spark: Any, uris: list[str], schema: str) -> Any:
    """Records of JSON files that each hold an array, read as `schema` plus `filename`."""
    if not uris:
        return spark.createDataFrame([], f"{schema}, filename STRING")
    frame = spark.read.schema(schema).option("multiLine", "true").json(uris)
    return frame.selectExpr("*", "_metadata.file_path AS filename")


def run_steps(spark: Any, steps: list[dict], variables: dict, cached: list) -> Any:
    """Run the steps in order; the result of the last unnamed one (None if all were named).

    A `cache` step (DuckDB's `CREATE TEMP TABLE`) is computed once, its DataFrame appended to
    `cached`."""
    result = None
    for step in steps:
        if step["union"]:
            left, right = (spark.table(name) for name in step["union"])
            frame = left.unionByName(right, allowMissingColumns=True)
        else:
            arguments = {name: variables[name] for name in step["parameters"]}
            frame = spark.sql(step["sql"], args=arguments)
        if step.get("cache"):
            frame = frame.cache()
            cached.append(frame)
        if step["name"]:
            frame.createOrReplaceTempView(step["name"])
        else:
            result = frame
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
