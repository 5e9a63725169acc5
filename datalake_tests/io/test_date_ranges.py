"""A run of a range of dates (a backfill's single run) leaves each date as a run of that date
alone would: the same files, metadata and gate verdicts per date; re-running it duplicates
nothing. Raw CSV and Trusted, in process, on the bundled sample and hand-made raw TMDB JSON."""

import dagster as dg
from dagster._core.storage.tags import (
    ASSET_PARTITION_RANGE_END_TAG,
    ASSET_PARTITION_RANGE_START_TAG,
)

from datalake.partitions import backfill_in_one_run
from datalake.raw.assets import raw_csv_assets
from datalake.raw.tmdb_assets import raw_tmdb_assets
from datalake.settings import bundled_sample_dir
from datalake.storage.layout import asset_location
from datalake.trusted.csv_assets import trusted_csv_assets
from datalake.trusted.csv_checks import trusted_csv_checks
from datalake.trusted.tmdb_assets import trusted_tmdb_assets
from datalake.trusted.tmdb_checks import trusted_tmdb_checks
from datalake_tests.lakes import Lake
from datalake_tests.trusted import tmdb_corpus as tc

DATES = ["2022-05-01", "2022-05-02", "2022-05-03"]
RANGED = [*raw_csv_assets, *trusted_csv_assets, *trusted_tmdb_assets]
SELECTION = dg.AssetSelection.assets(*RANGED)  # raw TMDB is read from the lake, not fetched


def _lake(root) -> Lake:
    """A lake landing the bundled sample, with TMDB records fetched on the second date only (so
    the first date's Trusted TMDB window holds none, the later ones the same)."""
    lake = Lake(str(root), str(bundled_sample_dir()))
    storage = lake.storage()
    tc.store(
        storage, "movies", DATES[1], "details", [tc.record(tc.movie(1)), tc.record(tc.movie(2))]
    )
    tc.store(storage, "series", DATES[1], "details", [tc.record(tc.tv(10))])
    return lake


def _run(lake: Lake, dates: list[str]) -> dg.ExecuteInProcessResult:
    """One run of `dates`: by partition key for one date, as a backfill's range for several."""
    job = dg.Definitions(
        assets=[*RANGED, *raw_tmdb_assets],
        asset_checks=[*trusted_csv_checks, *trusted_tmdb_checks],
        jobs=[dg.define_asset_job("lake", SELECTION)],
        resources=lake.resources,
    ).resolve_job_def("lake")
    if len(dates) == 1:
        return job.execute_in_process(partition_key=dates[0], raise_on_error=False)
    tags = {ASSET_PARTITION_RANGE_START_TAG: dates[0], ASSET_PARTITION_RANGE_END_TAG: dates[-1]}
    return job.execute_in_process(tags=tags, raise_on_error=False)


def _stored(lake: Lake) -> dict[tuple[str, str], list]:
    """Every asset's content per date: a raw file's bytes, a table's rows in order."""
    storage, found = lake.storage(), {}
    with lake.duckdb() as con:
        for assets_def in RANGED:
            for key in assets_def.keys:
                for date in DATES:
                    where = asset_location(key.path, date)
                    if where.endswith(".csv"):
                        content = [storage.read_bytes(where)]
                    else:
                        glob = storage.uri(where + "*.parquet")
                        content = con.sql(f"SELECT * FROM read_parquet('{glob}') ORDER BY ALL")
                        content = content.fetchall()
                    found[(key.to_user_string(), date)] = content
    return found


def _metadata(result: dg.ExecuteInProcessResult, root: str) -> dict[tuple[str, str], dict]:
    """Each date's materialization metadata, with the lake's root taken out of its URIs."""
    found = {}
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        values = {name: str(value.value).replace(root, "<lake>")
                  for name, value in materialization.metadata.items()}  # fmt: skip
        found[(materialization.asset_key.to_user_string(), materialization.partition)] = values
    return found


def _verdicts(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str, str | None], bool]:
    return {
        (e.asset_key.to_user_string(), e.check_name, e.partition): e.passed
        for e in result.get_asset_check_evaluations()
    }


def test_a_range_run_stores_each_date_as_its_own_run_would_and_reruns_duplicate_nothing(
    tmp_path,
):
    assert {a.backfill_policy for a in [*RANGED, *raw_tmdb_assets]} == {backfill_in_one_run}
    alone, ranged = _lake(tmp_path / "alone"), _lake(tmp_path / "ranged")
    runs = [_run(alone, [date]) for date in DATES]
    assert all(run.success for run in runs)

    first = _run(ranged, DATES)

    assert first.success
    stored = _stored(ranged)
    assert stored == _stored(alone)
    assert stored[("trusted/tmdb/movies", DATES[0])] == []  # each date read its own window
    assert len(stored[("trusted/tmdb/movies", DATES[1])]) == 2
    metadata = _metadata(first, ranged.storage_uri)
    assert len(metadata) == len(DATES) * sum(len(a.keys) for a in RANGED)
    for run in runs:
        for key, values in _metadata(run, alone.storage_uri).items():
            assert metadata[key] == values, key
    verdicts = _verdicts(first)
    assert verdicts == {k: v for run in runs for k, v in _verdicts(run).items()}
    assert all(verdicts.values()) and {date for _, _, date in verdicts} == set(DATES)

    again = _run(ranged, DATES)

    assert again.success
    assert _stored(ranged) == stored  # replaced, not appended to


def test_a_gate_failing_on_one_date_of_a_range_fails_that_date_only(tmp_path):
    lake = _lake(tmp_path / "lake")
    bad = tc.record(tc.movie(3, vote_average=11.5))  # outside 0-10, fetched on the last date
    tc.store(lake.storage(), "movies", DATES[2], "details", [bad])

    result = _run(lake, DATES[1:])

    assert not result.success
    verdicts = _verdicts(result)
    assert verdicts[("trusted/tmdb/movies", "values_in_range", DATES[1])] is True
    assert verdicts[("trusted/tmdb/movies", "values_in_range", DATES[2])] is False
    others = [v for k, v in verdicts.items() if k[:2] != ("trusted/tmdb/movies", "values_in_range")]
    assert others and all(others)  # every other gate of both dates passed, each on its date
