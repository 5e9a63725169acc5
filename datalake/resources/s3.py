"""The S3 client resource: `dagster-aws`'s, with timeouts short enough to fail fast.

boto3's defaults (60 s connect and read, 5 attempts) let an endpoint that accepts connections but
never answers hold a run for minutes; these bound every request, and the start-of-run check uses a
shorter budget still.
"""

import boto3
from botocore import UNSIGNED
from botocore.config import Config
from dagster_aws.s3 import S3Resource
from pydantic import Field


class LakeS3Resource(S3Resource):
    """boto3's S3 client from the standard AWS environment, with bounded timeouts and retries."""

    max_attempts: int = Field(
        default=3, ge=1, description="Attempts per request, the first included."
    )
    connect_timeout_seconds: float = Field(default=5.0, gt=0, description="Connect timeout.")
    read_timeout_seconds: float = Field(
        default=30.0, gt=0, description="Longest wait for a response (per attempt)."
    )
    probe_timeout_seconds: float = Field(
        default=5.0, gt=0, description="Connect and read timeout of the start-of-run bucket check."
    )

    def get_client(self, probe: bool = False):
        """The client; `probe=True`: one quick attempt, for the start-of-run check."""
        timeouts = (
            (self.probe_timeout_seconds, self.probe_timeout_seconds, 1)
            if probe
            else (self.connect_timeout_seconds, self.read_timeout_seconds, self.max_attempts)
        )
        config = Config(
            connect_timeout=timeouts[0],
            read_timeout=timeouts[1],
            retries={"mode": "standard", "total_max_attempts": timeouts[2]},
            signature_version=UNSIGNED if self.use_unsigned_session else None,
        )
        return boto3.session.Session(profile_name=self.profile_name).client(
            "s3",
            region_name=self.region_name,
            endpoint_url=self.endpoint_url,
            use_ssl=self.use_ssl,
            verify=self.verify,
            aws_access_key_id=self.aws_access_key_id,
            aws_secret_access_key=self.aws_secret_access_key,
            aws_session_token=self.aws_session_token,
            config=config,
        )
