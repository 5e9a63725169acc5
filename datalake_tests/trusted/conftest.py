"""Fixtures of the Trusted zone's tests: a lake on local storage or on the S3 server."""

import pytest

from datalake_tests.lakes import Lake

DATE = "2022-05-02"


@pytest.fixture(params=["local", "s3"])
def lake(request, tmp_path) -> Lake:
    """The same lake behaviour on a local directory and on a real S3 server (SeaweedFS)."""
    root = request.getfixturevalue("local_lake" if request.param == "local" else "s3_bucket")
    return Lake(root, str(tmp_path / "landing"))


@pytest.fixture
def local_lake_resource(local_lake, tmp_path) -> Lake:
    return Lake(local_lake, str(tmp_path / "landing"))
