"""The raw CSV assets materialised in process, as the UI or `datalake run` would."""

import hashlib

import dagster as dg

from datalake.raw.assets import raw_csv_assets
from datalake.storage import open_storage
from datalake_tests.lakes import lake_resources
from datalake_tests.raw.helpers import ROWS, write_landing


def materialize_raw(storage_uri: str, landing: str, partition_key: str = "2022-05-02"):
    return dg.materialize(
        raw_csv_assets,
        partition_key=partition_key,
        resources=lake_resources(storage_uri, landing),
        raise_on_error=False,
    )


def test_materialises_both_files_with_metadata(local_lake, tmp_path):
    landing = tmp_path / "landing"
    sources = {spec: write_landing(landing, spec, ROWS[spec]) for spec in ROWS}
    result = materialize_raw(local_lake, str(landing))
    assert result.success
    lake = open_storage(local_lake)
    for spec, source in sources.items():
        key = f"Raw/Local/CSV/{spec.capitalize()}/2022/05/02/{spec}.csv"
        assert lake.read_bytes(key) == source.read_bytes()
        [event] = [
            e
            for e in result.get_asset_materialization_events()
            if e.asset_key == dg.AssetKey(["raw", "local", spec])
        ]
        metadata = event.step_materialization_data.materialization.metadata
        assert metadata["sha256"].value == hashlib.sha256(source.read_bytes()).hexdigest()
        assert metadata["dagster/row_count"].value == len(ROWS[spec])
        assert metadata["size_bytes"].value == source.stat().st_size
        assert metadata["uri"].value == lake.uri(key)


def test_s3_lake(s3_bucket, tmp_path):
    landing = tmp_path / "landing"
    for spec in ROWS:
        write_landing(landing, spec, ROWS[spec])
    assert materialize_raw(s3_bucket + "/lake", str(landing), "2023-10-31").success
    assert open_storage(s3_bucket + "/lake").list_keys("Raw/") == [
        "Raw/Local/CSV/Movies/2023/10/31/movies.csv",
        "Raw/Local/CSV/Series/2023/10/31/series.csv",
    ]


def test_failure_reports_the_actionable_message(local_lake, tmp_path):
    write_landing(tmp_path / "landing", "movies", ROWS["movies"], header="id|title")
    result = materialize_raw(local_lake, str(tmp_path / "landing"))
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert {e.step_key for e in failures} == {"raw__local__movies", "raw__local__series"}
    text = " ".join(str(e.step_failure_data.error.cause.message) for e in failures)
    assert "header does not match" in text and "missing" in text
