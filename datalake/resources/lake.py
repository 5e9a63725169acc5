"""The lake resource: where the lake and the landing zone are, on a directory or on S3."""

import dagster as dg
from pydantic import Field

from datalake.resources.s3 import LakeS3Resource
from datalake.storage import Storage, open_storage


class LakeResource(dg.ConfigurableResource):
    """Storage of the lake (`DATALAKE_STORAGE`) and of the landing zone (`DATALAKE_LANDING`).

    S3 locations use `dagster-aws`'s S3 client, configured from the standard AWS environment
    (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`).
    """

    storage_uri: str = Field(description="Lake root: a directory or s3://bucket[/prefix].")
    landing_uri: str = Field(description="Where movies.csv and series.csv arrive.")
    s3: LakeS3Resource

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Every run starts by checking both locations, so a bad one fails in seconds."""
        self.check_usable()

    def check_usable(self) -> None:
        """The lake root writable, the landing zone readable; otherwise one line saying why."""
        open_storage(self.storage_uri, lambda: self.s3.get_client(probe=True)).check_usable()
        open_storage(self.landing_uri, lambda: self.s3.get_client(probe=True)).check_usable(
            writable=False
        )

    def storage(self) -> Storage:
        return open_storage(self.storage_uri, self.s3.get_client)

    def landing(self) -> Storage:
        return open_storage(self.landing_uri, self.s3.get_client)
