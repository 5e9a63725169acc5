"""Publishing a table: readers always see one whole version (no gap while a partition is
replaced), re-runs give byte-identical Parquet, and concurrent writers of one date's numbered
raw files never overwrite each other. On a local directory and on a real S3 server."""

import hashlib
import json

import dagster as dg
import duckdb
import pytest

from datalake.generate import generate
from datalake.io import tables
from datalake.raw.assets import raw_csv_assets
from datalake.raw.tmdb_records import RecordFiles
from datalake.storage import open_storage
from datalake.storage.layout import raw_tmdb_prefix
from datalake.trusted.csv_assets import trusted_csv_assets
from datalake_tests.lakes import connect, lake_resources

PREFIX = "Trusted/Local/Parquet/Movies/dt=2022-05-02/"


@pytest.fixture(params=["local", "s3"])
def lake(request, tmp_path):
    if request.param == "local":
        return str(tmp_path / "lake")
    return request.getfixturevalue("s3_bucket") + "/lake"


def publish(lake: str, version: int, rows: int = 1000) -> None:
    with duckdb.connect() as con:
        relation = con.sql(f"SELECT range AS id, {version} AS version FROM range({rows})")
        tables.publish(con, relation, open_storage(lake), PREFIX, {})


def versions_seen(lake: str) -> set:
    """What a reader of the table sees right now: (rows, lowest, highest version) or nothing."""
    storage = open_storage(lake)
    table = tables.locate(storage, "t", [PREFIX], ["2022-05-02"])
    if not table.exists:
        return {"nothing"}
    with connect(lake) as con:
        return {
            tuple(r)
            for r in tables.read(con, table)
            .aggregate("count(*), min(version), max(version)")
            .fetchall()
        }


def test_replacing_a_partition_never_leaves_a_gap(lake, monkeypatch):
    publish(lake, 1)
    seen = []
    storage_cls = type(open_storage(lake))
    for method in ("upload", "delete_key", "delete_prefix"):
        original = getattr(storage_cls, method)

        def probing(self, *args, _original=original, **kwargs):
            seen.append(versions_seen(lake))  # a reader, just before each step of the publish
            result = _original(self, *args, **kwargs)
            seen.append(versions_seen(lake))
            return result

        monkeypatch.setattr(storage_cls, method, probing)
    publish(lake, 2)
    assert seen and all(s in ({(1000, 1, 1)}, {(1000, 2, 2)}) for s in seen), seen
    assert seen[-1] == {(1000, 2, 2)}


def test_a_stale_part_of_another_name_goes_once_the_new_one_is_in(lake):
    storage = open_storage(lake)
    storage.write_bytes(PREFIX + "part-9.parquet", b"stale")
    publish(lake, 1)
    assert storage.list_keys(PREFIX) == [PREFIX + tables.PART]


def _parquet_digests(storage) -> dict:
    return {
        k: hashlib.sha256(storage.read_bytes(k)).hexdigest()
        for k in storage.iter_keys("", ".parquet")
    }


def test_three_runs_give_byte_identical_parquet(tmp_path):
    """Trusted CSV, on a file large enough for DuckDB to split across threads."""

    generate(str(tmp_path / "landing"), movies=60_000, series=200, seed=3)
    lake = str(tmp_path / "lake")
    digests = []
    for _ in range(3):
        result = dg.materialize(
            [*raw_csv_assets, *trusted_csv_assets],
            partition_key="2022-05-02",
            resources=lake_resources(lake, str(tmp_path / "landing")),
        )
        assert result.success
        digests.append(_parquet_digests(open_storage(lake)))
    assert len(digests[0]) >= 4 and digests[0] == digests[1] == digests[2]


def test_two_writers_of_one_date_never_overwrite_each_others_files(lake):
    storage = open_storage(lake)
    first, second = (RecordFiles(storage, "movies", "2022-05-02", "details") for _ in range(2))
    for writer, tag in ((first, "a"), (second, "b")):  # both planned file 0001 when they started
        for i in range(100):
            writer.add({"fetch": {"path": f"/{tag}/{i}"}})
    keys = storage.list_keys(raw_tmdb_prefix("movies", "2022-05-02"))
    assert [k.rsplit("/", 1)[1] for k in keys] == ["details-0001.json", "details-0002.json"]
    assert first.written != second.written
    paths = [r["fetch"]["path"] for k in keys for r in json.loads(storage.read_bytes(k))]
    assert len(paths) == len(set(paths)) == 200
