"""Faults mid-write, with real processes and a real S3 server: a writer killed by SIGKILL, and the
S3 server stopped in the middle of an upload. No partial object is ever visible at a target key,
the error is one line, and the re-run leaves no debris and gives the same bytes."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pytest

from datalake.errors import DatalakeError
from datalake.io import tables
from datalake.resources.s3 import LakeS3Resource
from datalake.storage import LocalStorage, S3Storage
from datalake_tests.servers import start_seaweedfs

KEY = "Raw/Local/CSV/Movies/2022/05/02/movies.csv"
MB = 1024 * 1024
OLD, NEW = b"old,\n" * (4 * MB // 5), b"new!\n" * (20 * MB // 5)  # NEW spans several parts

# Writes NEW to KEY from a reader that stalls after 12 MiB; prints "stalled" and waits to be killed.
_STALLING_WRITER = """
import sys, time
from datalake.io import tables
from datalake.storage import LocalStorage, S3Storage
from datalake.resources.s3 import LakeS3Resource

class Stalling:  # reads return exactly `size` bytes: upload managers take a short one for EOF
    sent = 0
    def read(self, size=-1):
        if self.sent >= 12 * 1024 * 1024:
            print("stalled", flush=True)
            time.sleep(600)
        size = size if size and size > 0 else 1024 * 1024
        self.sent += size
        return b"n" * size

with tables.scratch("datalake-table-"):
    if sys.argv[1].startswith("s3://"):
        storage = S3Storage(sys.argv[1], client=LakeS3Resource().get_client())
    else:
        storage = LocalStorage(sys.argv[1])
    storage.upload(Stalling(), sys.argv[2])
"""


def kill_mid_write(root: str, env: dict) -> int:
    """Start the stalling writer, SIGKILL it mid-write; its pid."""
    writer = subprocess.Popen(
        [sys.executable, "-c", _STALLING_WRITER, root, KEY],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "stalled"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    return writer.pid


def test_sigkill_mid_write_leaves_the_old_copy_and_the_rerun_cleans_up(tmp_path, monkeypatch):
    lake, scratch_root = LocalStorage(tmp_path / "lake"), tmp_path / "tmp"
    scratch_root.mkdir()
    lake.write_bytes(KEY, OLD)
    pid = kill_mid_write(lake.root, {"TMPDIR": str(scratch_root)})
    folder = Path(lake.uri(KEY)).parent
    assert [p.name for p in folder.iterdir() if p.name.startswith(f".tmp-{pid}-")]
    assert next(p.name for p in scratch_root.iterdir()).startswith(f"datalake-table-{pid}-")
    assert lake.read_bytes(KEY) == OLD  # readers never saw the half-written file
    assert lake.list_keys("") == [KEY]

    monkeypatch.setattr(tempfile, "tempdir", str(scratch_root))
    with tables.scratch("datalake-table-"):
        lake.write_bytes(KEY, NEW)  # the re-run
    assert lake.read_bytes(KEY) == NEW
    assert sorted(p.name for p in folder.iterdir()) == ["movies.csv"]
    assert list(scratch_root.iterdir()) == []


def test_sigkill_mid_multipart_upload_is_aborted_by_the_rerun(s3_bucket, s3_server):
    lake = S3Storage(s3_bucket + "/lake", client=LakeS3Resource().get_client())
    lake.write_bytes(KEY, OLD)
    kill_mid_write(lake.root, s3_server.env())
    client = s3_server.client()
    pending = client.list_multipart_uploads(Bucket=lake.bucket).get("Uploads", [])
    assert [u["Key"] for u in pending] == [lake.prefix + KEY]  # the killed writer's parts
    assert lake.read_bytes(KEY) == OLD
    lake.write_bytes(KEY, NEW)
    assert lake.read_bytes(KEY) == NEW
    assert client.list_multipart_uploads(Bucket=lake.bucket).get("Uploads", []) == []


class Outage:
    """A private SeaweedFS that a test stops in the middle of a request and starts again."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.server = start_seaweedfs(folder)
        self.server.client().create_bucket(Bucket="outage")

    def storage(self) -> S3Storage:
        s3 = LakeS3Resource(
            endpoint_url=self.server.endpoint_url,
            aws_access_key_id=self.server.access_key,
            aws_secret_access_key=self.server.secret_key,
            region_name="us-east-1",
        )
        return S3Storage("s3://outage/lake", client=s3.get_client())

    def stop_at(self, storage: S3Storage, operation: str, count: int = 1) -> None:
        """Stop the server just before the `count`-th request of `operation` is sent."""
        sent = []

        def hook(**_):
            sent.append(1)
            if len(sent) == count:
                self.server.stop()

        storage.client.meta.events.register(f"before-send.s3.{operation}", hook)

    def restart(self) -> None:
        self.server.stop()
        self.server = start_seaweedfs(self.folder)


@pytest.fixture
def outage(tmp_path):
    running = Outage(tmp_path / "weed")
    yield running
    running.server.stop()


def _one_line_error(call) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(DatalakeError) as raised:
        call()
    assert "\n" not in str(raised.value)
    return str(raised.value), time.monotonic() - started


def test_s3_stopped_mid_raw_upload(outage):
    storage = outage.storage()
    storage.write_bytes(KEY, OLD)
    outage.stop_at(storage, "UploadPart", count=2)
    message, elapsed = _one_line_error(lambda: storage.write_bytes(KEY, NEW))
    assert f"S3 upload of {storage.uri(KEY)} failed" in message and elapsed < 60, (message, elapsed)

    outage.restart()
    storage = outage.storage()
    assert storage.read_bytes(KEY) == OLD  # no partial object: the old copy, whole
    storage.write_bytes(KEY, NEW)
    assert storage.read_bytes(KEY) == NEW
    assert storage.client.list_multipart_uploads(Bucket="outage").get("Uploads", []) == []


def test_s3_stopped_mid_trusted_write(outage, tmp_path):
    prefix = "Trusted/Local/Parquet/Movies/dt=2022-05-02/"

    def publish(storage, version: int) -> None:
        with duckdb.connect() as con:
            rows = con.sql(f"SELECT range AS id, {version} AS v FROM range(50000)")
            tables.publish(con, rows, storage, prefix, {})

    storage = outage.storage()
    publish(storage, 1)
    old = storage.read_bytes(prefix + tables.PART)
    publish(LocalStorage(tmp_path / "expected"), 2)
    expected = LocalStorage(tmp_path / "expected").read_bytes(prefix + tables.PART)

    outage.stop_at(storage, "PutObject")
    message, elapsed = _one_line_error(lambda: publish(storage, 2))
    assert "S3 upload of" in message and elapsed < 60, (message, elapsed)

    outage.restart()
    storage = outage.storage()
    assert storage.list_keys(prefix) == [prefix + tables.PART]
    assert storage.read_bytes(prefix + tables.PART) == old
    publish(storage, 2)
    assert storage.read_bytes(prefix + tables.PART) == expected  # the same bytes as anywhere
