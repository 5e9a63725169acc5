import json
import os

import dagster as dg

from datalake.raw.sensors import landing_sensor, today_partition
from datalake_tests.lakes import lake_resources
from datalake_tests.raw.helpers import ROWS, write_landing


def evaluate(landing: str, cursor: str | None):
    resources = {"lake": lake_resources("unused", landing)["lake"]}
    with dg.build_sensor_context(cursor=cursor, resources=resources) as context:
        return landing_sensor(context)


def test_new_same_and_changed_files(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    assert evaluate(str(landing), None).run_requests == []

    movies = write_landing(landing, "movies", ROWS["movies"])
    first = evaluate(str(landing), None)
    [request] = first.run_requests
    assert request.asset_selection == [dg.AssetKey(["raw", "local", "movies"])]
    assert request.partition_key == today_partition()

    again = evaluate(str(landing), first.cursor)
    assert again.run_requests == []
    assert again.cursor == first.cursor

    movies.write_bytes(
        movies.read_bytes() + b"tt0000001|x|x|2000|90|Drama|5.0|10|actor|\\N|A|\\N|\\N|actor|\\N\n"
    )
    os.utime(movies, ns=(1, 1))
    changed = evaluate(str(landing), first.cursor)
    [new_request] = changed.run_requests
    assert new_request.run_key != request.run_key
    assert set(json.loads(changed.cursor)) == {"movies"}


def test_both_files_on_s3_landing(s3_bucket, tmp_path):
    from datalake.storage import open_storage

    landing = open_storage(s3_bucket + "/landing")
    for spec in ROWS:
        landing.write_bytes(f"{spec}.csv", write_landing(tmp_path, spec, ROWS[spec]).read_bytes())
    result = evaluate(s3_bucket + "/landing", None)
    assert sorted(r.asset_selection[0].path[-1] for r in result.run_requests) == [
        "movies",
        "series",
    ]
    assert evaluate(s3_bucket + "/landing", result.cursor).run_requests == []
