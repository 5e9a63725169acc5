"""DATALAKE_ENGINE=glue: a Refined asset launches `spark_job.py` as a Glue job through Dagster
Pipes, against moto's Glue and S3 APIs on loopback. moto cannot run jobs: `LocalGlueClient`
runs the uploaded script here with PySpark local mode, and its Pipes messages come back through
moto's S3. The lake stays on local paths (Spark here has no s3a connector)."""

import os
import shutil
from pathlib import Path

import boto3
import dagster as dg
import pytest

from datalake.engines import spark_job
from datalake.engines.glue import GlueJobResource
from datalake.refined.tables import refined_key
from datalake.resources.engine import EngineResource
from datalake_tests.engines.compare import assert_same_refined_table
from datalake_tests.engines.local_glue import LocalGlueClient
from datalake_tests.lakes import lake_resources
from datalake_tests.refined.lake import DATE, materialize
from datalake_tests.servers import start_glue

BUCKET, JOB = "datalake-pipes", "datalake-transform"
AWS = {"AWS_ACCESS_KEY_ID": "moto", "AWS_SECRET_ACCESS_KEY": "moto", "AWS_REGION": "us-east-1"}


class LocalGlueJob(GlueJobResource):
    """The Glue job resource pointed at moto, its runs executed locally."""

    endpoint_url: str
    workdir: str

    def s3_client(self):
        return boto3.client("s3", endpoint_url=self.endpoint_url, region_name="us-east-1",
                            aws_access_key_id="moto", aws_secret_access_key="moto")  # fmt: skip

    def glue_client(self):
        glue = boto3.client("glue", endpoint_url=self.endpoint_url, region_name="us-east-1",
                            aws_access_key_id="moto", aws_secret_access_key="moto")  # fmt: skip
        env = os.environ | AWS | {"AWS_ENDPOINT_URL": self.endpoint_url}
        return LocalGlueClient(glue, self.s3_client(), env, Path(self.workdir))


@pytest.fixture
def glue_job(tmp_path):
    server = start_glue(tmp_path)
    job = LocalGlueJob(job_name=JOB, pipes_bucket=BUCKET, endpoint_url=server.endpoint_url,
                       workdir=str(tmp_path))  # fmt: skip
    s3 = job.s3_client()
    s3.create_bucket(Bucket=BUCKET)
    s3.upload_file(spark_job.__file__, BUCKET, "scripts/spark_job.py")
    server.client().create_job(
        Name=JOB,
        Role="arn:aws:iam::123456789012:role/datalake-glue",
        Command={"Name": "glueetl", "ScriptLocation": f"s3://{BUCKET}/scripts/spark_job.py"},
        GlueVersion="5.0",
    )
    yield job
    server.stop()


def test_a_refined_table_built_by_a_glue_job_equals_duckdbs(
    trusted_lake, refined_lake, glue_job, tmp_path
):
    lake = tmp_path / "lake"
    shutil.copytree(trusted_lake, lake)
    duckdb = lake_resources(str(lake))["duckdb"]
    engine = EngineResource(kind="glue", duckdb=duckdb, glue_job=glue_job)
    name = "dim_collection"
    result = materialize(str(lake), selection=dg.AssetSelection.assets(refined_key(name)),
                         dashboard=False, engine=engine)  # fmt: skip
    assert result.success
    (materialization,) = result.asset_materializations_for_node(f"refined__{name}")
    metadata = materialization.metadata
    # The row count the job reported through Pipes is the one of the Parquet it wrote.
    assert metadata["job_row_count"].value == metadata["dagster/row_count"].value > 0
    assert metadata["engine"].value == "glue"
    assert_same_refined_table(name, DATE, refined_lake[0], str(lake))
