"""The AWS Glue Data Catalog the lake registers its tables in, for Athena and other readers."""

import boto3
import dagster as dg
from pydantic import Field


class GlueResource(dg.ConfigurableResource):
    """A Glue database (DATALAKE_GLUE_DATABASE); registration is off while it is empty.

    The client is boto3's, configured from the standard AWS environment (`AWS_REGION`,
    credentials, and `AWS_ENDPOINT_URL_GLUE` or `AWS_ENDPOINT_URL` for another endpoint).
    """

    database: str = Field(default="", description="Glue database name; empty: not registered.")

    @property
    def enabled(self) -> bool:
        return bool(self.database)

    def client(self):
        session = boto3.session.Session()
        return session.client("glue", region_name=session.region_name or "us-east-1")
