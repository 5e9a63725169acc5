"""The same behaviour from the local directory and from a real S3 server (SeaweedFS)."""

import hashlib
import io
import os

import pytest

from datalake.storage import LocalStorage, open_storage


@pytest.fixture(params=["local", "s3"])
def storage(request, tmp_path):
    if request.param == "local":
        return open_storage(str(tmp_path / "lake"))
    return open_storage(request.getfixturevalue("s3_bucket") + "/some/prefix")


class FailingReader:
    """Gives `fail_after` bytes, then breaks like a disk or network error would."""

    def __init__(self, fail_after: int):
        self.remaining = fail_after

    def read(self, size=-1):
        if self.remaining <= 0:
            raise OSError("simulated read failure")
        chunk = b"x" * min(size if size > 0 else 1 << 20, self.remaining)
        self.remaining -= len(chunk)
        return chunk


def test_write_read_list_delete(storage):
    storage.write_bytes("a/one.txt", b"1")
    storage.write_bytes("a/two.txt", b"22")
    storage.write_bytes("b/three.txt", b"333")
    assert storage.read_bytes("a/two.txt") == b"22"
    assert storage.list_keys("a/") == ["a/one.txt", "a/two.txt"]
    assert storage.info("b/three.txt").size == 3
    assert storage.info("missing.txt") is None
    storage.delete_prefix("a/")
    assert storage.list_keys("a/") == []
    assert storage.list_keys("") == ["b/three.txt"]


def test_missing_object_raises_file_not_found(storage):
    with pytest.raises(FileNotFoundError):
        storage.open_read("nope/nothing.csv")


def test_overwrite_replaces_and_changes_version(storage):
    storage.write_bytes("f.bin", b"first")
    before = storage.info("f.bin")
    storage.write_bytes("f.bin", b"second version")
    after = storage.info("f.bin")
    assert storage.read_bytes("f.bin") == b"second version"
    assert before.version != after.version


def test_large_streaming_upload_is_byte_identical(storage, tmp_path):
    # 40 MiB crosses the 16 MiB multipart threshold: three parts on S3.
    source = tmp_path / "big.bin"
    block = os.urandom(1 << 20)
    with source.open("wb") as out:
        for i in range(40):
            out.write(block[i:] + block[:i])
    with source.open("rb") as stream:
        storage.upload(stream, "big/big.bin")
    digest = hashlib.sha256()
    with storage.open_read("big/big.bin") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    assert digest.hexdigest() == hashlib.sha256(source.read_bytes()).hexdigest()


def test_failed_upload_leaves_no_object(storage):
    storage.write_bytes("keep/old.csv", b"old complete content")
    with pytest.raises(Exception):
        storage.upload(FailingReader(20 << 20), "keep/old.csv")
    with pytest.raises(Exception):
        storage.upload(FailingReader(10), "fresh/new.csv")
    assert storage.read_bytes("keep/old.csv") == b"old complete content"
    assert storage.list_keys("fresh/") == []
    assert storage.list_keys("keep/") == ["keep/old.csv"]


def test_replace_prefix_removes_stale_files(storage, tmp_path):
    first = tmp_path / "first"
    (first / "sub").mkdir(parents=True)
    (first / "part-0.parquet").write_bytes(b"a")
    (first / "sub" / "part-1.parquet").write_bytes(b"b")
    storage.replace_prefix("T/dt=2022-05-02/", first)
    second = tmp_path / "second"
    second.mkdir()
    (second / "part-0.parquet").write_bytes(b"c")
    assert storage.replace_prefix("T/dt=2022-05-02/", second) == ["T/dt=2022-05-02/part-0.parquet"]
    assert storage.list_keys("T/") == ["T/dt=2022-05-02/part-0.parquet"]
    assert storage.read_bytes("T/dt=2022-05-02/part-0.parquet") == b"c"


def test_duckdb_reads_what_the_storage_holds(storage, tmp_path):
    from datalake_tests.lakes import connect

    storage.write_bytes("in/data.csv", "a|b\n1|é\n".encode())
    con = connect(storage.root)
    rows = con.execute(
        "SELECT * FROM read_csv(?, delim='|')", [storage.uri("in/data.csv")]
    ).fetchall()
    assert rows == [(1, "é")]
    staging = tmp_path / "staging"
    staging.mkdir()
    con.execute(f"COPY (SELECT 42 AS answer) TO '{staging / 'x.parquet'}' (FORMAT parquet)")
    storage.replace_prefix("out/", staging)
    parquet = storage.uri("out/x.parquet")
    assert con.execute("SELECT answer FROM read_parquet(?)", [parquet]).fetchall() == [(42,)]


def test_local_keys_cannot_escape_the_root(tmp_path):
    storage = LocalStorage(tmp_path / "lake")
    with pytest.raises(ValueError, match="escapes"):
        storage.write_bytes("../outside.txt", b"x")
    assert not (tmp_path / "outside.txt").exists()


def test_upload_accepts_any_reader(storage):
    storage.upload(io.BytesIO(b"streamed"), "r/x")
    assert storage.read_bytes("r/x") == b"streamed"


def test_wrong_credentials_are_one_clear_error_without_the_secret(s3_bucket, monkeypatch):
    from datalake.errors import DatalakeError

    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wrong-secret-value")
    storage = open_storage(s3_bucket)
    with pytest.raises(
        DatalakeError, match=r"upload of s3://lake-\w+/x\.csv failed .*credentials"
    ) as error:
        storage.write_bytes("x.csv", b"data")
    assert "wrong-secret-value" not in str(error.value)


def test_malformed_s3_uri_is_refused():
    from datalake.errors import DatalakeError

    with pytest.raises(DatalakeError, match="s3://bucket"):
        open_storage("s3:///no-bucket")


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_local_files_are_created_with_the_process_umask(tmp_path, umask):
    storage = LocalStorage(str(tmp_path / "lake"))
    folder = tmp_path / "table"
    folder.mkdir()
    (folder / "part-0.parquet").write_bytes(b"a")
    previous = os.umask(umask)
    try:
        storage.write_bytes("Raw/a.csv", b"x")
        storage.replace_prefix("T/dt=2022-05-02/", folder)
    finally:
        os.umask(previous)
    for key in ("Raw/a.csv", "T/dt=2022-05-02/part-0.parquet"):
        mode = (tmp_path / "lake" / key).stat().st_mode & 0o777
        assert mode == 0o666 & ~umask, f"{key}: {oct(mode)}"
