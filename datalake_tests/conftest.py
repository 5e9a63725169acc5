"""Fixtures shared by the whole suite: temp lakes and a real S3 server on loopback."""

import uuid

import pytest

from datalake_tests.servers import S3Server, start_seaweedfs


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory) -> S3Server:
    """One SeaweedFS for the session, stopped at the end."""
    server = start_seaweedfs(tmp_path_factory.mktemp("seaweedfs"))
    yield server
    server.stop()


@pytest.fixture
def s3_bucket(s3_server, monkeypatch) -> str:
    """A fresh bucket, with the standard AWS variables pointing boto3 and DuckDB at the server."""
    for name, value in s3_server.env().items():
        monkeypatch.setenv(name, value)
    bucket = f"lake-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=bucket)
    return f"s3://{bucket}"


@pytest.fixture
def local_lake(tmp_path) -> str:
    """A fresh local lake directory."""
    lake = tmp_path / "lake"
    lake.mkdir()
    return str(lake)
