"""The Glue engine: the transform as a spec for `spark_job.py`, run as an AWS Glue job through
Dagster Pipes (`dagster-aws`'s `PipesGlueClient`); the job writes the table at its key itself.

EMR Serverless runs the same script: swap the client for `PipesEMRServerlessClient` and pass
`--spec` in the job driver's `entryPointArguments`.
"""

import json

import boto3
import dagster as dg
from dagster_aws.pipes import PipesGlueClient, PipesS3ContextInjector, PipesS3MessageReader
from pydantic import Field

from datalake.engines.spark import spec_of
from datalake.engines.transform import Transform

SPECS = "datalake-pipes/specs"  # where specs are uploaded in the Pipes bucket


class GlueJobResource(dg.ConfigurableResource):
    """An AWS Glue job whose script is `datalake/engines/spark_job.py` (`DATALAKE_GLUE_JOB`),
    and the bucket Dagster Pipes exchanges its context and messages through
    (`DATALAKE_GLUE_PIPES_BUCKET`). Clients come from the standard AWS environment."""

    job_name: str = Field(default="", description="The Glue job running spark_job.py.")
    pipes_bucket: str = Field(default="", description="Bucket for specs and Pipes messages.")

    def glue_client(self):
        return boto3.client("glue")

    def s3_client(self):
        return boto3.client("s3")


def run_on_glue(
    context: dg.AssetExecutionContext, job: GlueJobResource, transform: Transform, output: str
) -> dict:
    """Run the transform as one Glue job run writing Parquet to `output`; what the job reported
    (its row count) and the run's ids."""
    s3 = job.s3_client()
    key = f"{SPECS}/{context.run_id}/{transform.name}.json"
    spec = json.dumps(spec_of(transform, output)).encode("utf-8")
    s3.put_object(Bucket=job.pipes_bucket, Key=key, Body=spec)
    client = PipesGlueClient(
        context_injector=PipesS3ContextInjector(bucket=job.pipes_bucket, client=s3),
        message_reader=PipesS3MessageReader(bucket=job.pipes_bucket, client=s3, interval=1),
        client=job.glue_client(),
    )
    invocation = client.run(
        context=context,
        start_job_run_params={
            "JobName": job.job_name,
            "Arguments": {"--spec": f"s3://{job.pipes_bucket}/{key}"},
        },
    )
    reported = invocation.get_materialize_result().metadata or {}
    return {name: getattr(value, "value", value) for name, value in reported.items()}
