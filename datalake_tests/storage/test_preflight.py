"""A lake location that cannot work is refused at the start of a run, in seconds, in one line:
a regular file, a read-only directory, a missing bucket, bad keys, an endpoint that is closed or
accepts connections and never answers (a real socket on loopback)."""

import socket
import subprocess
import time
from contextlib import contextmanager

import pytest

from datalake.errors import DatalakeError
from datalake.resources.lake import LakeResource
from datalake.resources.s3 import LakeS3Resource
from datalake_tests.servers import free_port


def lake(storage: str, landing: str, **s3) -> LakeResource:
    return LakeResource(storage_uri=storage, landing_uri=landing, s3=LakeS3Resource(**s3))


def refusal(resource: LakeResource) -> str:
    with pytest.raises(DatalakeError) as raised:
        resource.check_usable()
    message = str(raised.value)
    assert "\n" not in message and len(message) < 300
    return message


@contextmanager
def read_only(path):
    """Read-only even for root (who ignores permission bits): the immutable attribute."""
    path.mkdir()
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_regular_file_is_no_lake(tmp_path):
    (tmp_path / "lake").write_text("not a directory")
    message = refusal(lake(str(tmp_path / "lake"), str(tmp_path)))
    assert "is a file, not a directory" in message
    message = refusal(lake(str(tmp_path / "lake" / "below"), str(tmp_path)))
    assert "Cannot write to the lake" in message


def test_a_read_only_directory_is_refused(tmp_path):
    with read_only(tmp_path / "frozen") as frozen:
        message = refusal(lake(str(frozen), str(tmp_path)))
        assert "Cannot write to the lake" in message and "writable directory" in message
        assert list(frozen.iterdir()) == []


def test_a_landing_file_is_no_landing_zone(tmp_path):
    (tmp_path / "landing").write_text("x")
    assert "is a file" in refusal(lake(str(tmp_path / "lake"), str(tmp_path / "landing")))


def test_a_missing_bucket_is_refused_not_created(s3_bucket, s3_server, tmp_path):
    message = refusal(lake("s3://no-such-bucket-here/lake", str(tmp_path)))
    assert "Bucket 'no-such-bucket-here' does not exist" in message
    buckets = {b["Name"] for b in s3_server.client().list_buckets()["Buckets"]}
    assert "no-such-bucket-here" not in buckets
    assert "does not exist" in refusal(lake(s3_bucket, "s3://no-landing-bucket"))


def test_bad_credentials_are_named(s3_bucket, tmp_path, monkeypatch):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wrong-secret")
    message = refusal(lake(s3_bucket, str(tmp_path)))
    assert "was refused" in message and "AWS_SECRET_ACCESS_KEY" in message
    assert "wrong-secret" not in message


def test_a_closed_endpoint_fails_fast(s3_bucket, tmp_path, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")
    started = time.monotonic()
    message = refusal(lake(s3_bucket, str(tmp_path)))
    assert "did not answer" in message and "AWS_ENDPOINT_URL" in message
    assert time.monotonic() - started < 5


def test_an_endpoint_that_never_answers_is_bounded(s3_bucket, tmp_path, monkeypatch):
    with socket.socket() as silent:  # accepts connections (the kernel's backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{silent.getsockname()[1]}")
        started = time.monotonic()
        message = refusal(lake(s3_bucket, str(tmp_path), probe_timeout_seconds=1.0))
        elapsed = time.monotonic() - started
    assert "did not answer (ReadTimeoutError)" in message
    assert elapsed < 4


def test_request_timeouts_are_bounded():
    config = LakeS3Resource().get_client().meta.config
    assert (config.connect_timeout, config.read_timeout) == (5.0, 30.0)
    assert config.retries["total_max_attempts"] == 3
