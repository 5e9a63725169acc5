"""The S3 client resource: `dagster-aws`'s, with timeouts short enough to fail fast.

boto3's defaults (60 s connect and read, 5 attempts) let an endpoint that accepts connections but
never answers hold a run for minutes; these bound every request, and the start-of-run check uses a
shorter budget still.
"""

import boto3
import botocore.session
from botocore import UNSIGNED
from botocore.config import Config
from botocore.loaders import create_loader
from dagster_aws.s3 import S3Resource
from pydantic import Field

_MODELS = create_loader()  # botocore's JSON service models, cached by the loader once read


def _session(profile_name: str | None) -> boto3.session.Session:
    """A fresh boto3 session (it reads the environment) sharing the parsed service models."""
    core = botocore.session.get_session()
    core.register_component("data_loader", _MODELS)
    return boto3.session.Session(botocore_session=core, profile_name=profile_name)


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
        """The client; `probe=True`: one quick attempt, for the start-of-run check.

        A new client each time (credentials and endpoint as the environment says now), but the
        service models botocore parses from JSON to build one are parsed once per process: the
        lake asks for storage at every load, write and check, and each parse costs ~0.1 s of CPU.
        """
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
        return _session(self.profile_name).client(
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
