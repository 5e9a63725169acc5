"""The Trusted CSV assets and their gates, materialised in-process on local storage and on S3."""

from dataclasses import replace

import dagster as dg
import pytest

from datalake.raw.assets import raw_csv_assets
from datalake.shared import checks
from datalake.storage.layout import raw_csv_key, rejected_prefix, trusted_prefix
from datalake.trusted import csv_assets
from datalake.trusted.csv_assets import trusted_csv_assets
from datalake.trusted.csv_checks import trusted_csv_checks
from datalake.trusted.csv_transform import transform_csv
from datalake_tests.lakes import Lake
from datalake_tests.trusted import corpus
from datalake_tests.trusted.conftest import DATE

GATES = {checks.KEYS_PRESENT, checks.KEYS_UNIQUE, checks.ID_FORMATS, checks.VALUES_IN_RANGE,
         checks.ROWS_RECONCILED}  # fmt: skip
RAW = {"movies": corpus.movies_csv, "series": corpus.series_csv}
MOVIES = dg.AssetSelection.assets(
    ["trusted", "local", "movies"], ["trusted", "local", "movies_rejected"]
)
TRUSTED_MOVIES = trusted_prefix("local", "movies", DATE)


def _land(lake: Lake, spec: str, data: bytes) -> None:
    lake.storage().write_bytes(raw_csv_key(spec, DATE), data)


def _materialize(lake: Lake, selection=None) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [*raw_csv_assets, *trusted_csv_assets, *trusted_csv_checks],
        partition_key=DATE,
        resources=lake.resources,
        selection=selection or dg.AssetSelection.groups("trusted"),
        raise_on_error=False,
    )


def _verdicts(result: dg.ExecuteInProcessResult, spec: str) -> dict[str, bool]:
    return {
        e.check_name: e.passed
        for e in result.get_asset_check_evaluations()
        if e.asset_key == dg.AssetKey(["trusted", "local", spec])
    }


def _published(lake: Lake, prefix: str) -> dict[str, bytes]:
    storage = lake.storage()
    return {key: storage.read_bytes(key) for key in storage.list_keys(prefix)}


def _ids(lake: Lake, spec: str) -> list[str]:
    uri = lake.storage().uri(trusted_prefix("local", spec, DATE) + "*.parquet")
    with lake.duckdb() as con:
        return [r[0] for r in con.execute("SELECT title_id FROM read_parquet(?)", [uri]).fetchall()]


def test_hostile_files_are_published_with_their_quarantine_and_pass_every_gate(lake):
    for spec, data in RAW.items():
        _land(lake, spec, data())
    result = _materialize(lake)

    assert result.success
    assert _verdicts(result, "movies") == dict.fromkeys(GATES, True)
    assert _verdicts(result, "series") == dict.fromkeys(GATES, True)
    assert sorted(_ids(lake, "movies")) == sorted(corpus.MOVIE_TRUSTED_IDS)
    metadata = result.asset_materializations_for_node("trusted_local_movies")[0].metadata
    assert metadata["dagster/row_count"].value == len(corpus.MOVIE_TRUSTED_IDS)
    assert metadata["duplicate_rows"].value == corpus.MOVIE_DUPLICATES
    [rejects] = result.asset_materializations_for_node("trusted_local_movies")[1:]
    assert rejects.asset_key == dg.AssetKey(["trusted", "local", "movies_rejected"])
    assert rejects.metadata["dagster/row_count"].value == len(corpus.MOVIE_REJECTS)
    schema = metadata["dagster/column_schema"].schema
    assert [(c.name, c.type) for c in schema.columns][:4] == [
        ("title_id", "VARCHAR"), ("primary_title", "VARCHAR"), ("original_title", "VARCHAR"),
        ("release_year", "SMALLINT"),
    ]  # fmt: skip
    assert "Crocodile" in metadata["preview"].value
    assert list(_published(lake, rejected_prefix("trusted", "movies", DATE))) == [
        rejected_prefix("trusted", "movies", DATE) + "part-0.parquet"
    ]


def _content(lake: Lake) -> dict[str, tuple[list[str], list[tuple]]]:
    """Keys and sorted rows under the movies' trusted and rejected prefixes."""
    storage, content = lake.storage(), {}
    for prefix in (TRUSTED_MOVIES, rejected_prefix("trusted", "movies", DATE)):
        with lake.duckdb() as con:
            uri = storage.uri(prefix + "*.parquet")
            rows = con.execute("FROM read_parquet(?)", [uri]).fetchall()
        content[prefix] = (storage.list_keys(prefix), sorted(map(repr, rows)))
    return content


def test_a_rerun_publishes_identical_content_and_never_duplicates(lake):
    _land(lake, "movies", corpus.movies_csv())
    assert _materialize(lake, MOVIES).success
    first = _content(lake)
    assert _materialize(lake, MOVIES).success
    assert _content(lake) == first
    assert len(first[TRUSTED_MOVIES][1]) == len(corpus.MOVIE_TRUSTED_IDS)


@pytest.mark.parametrize(
    "unreadable, message",
    [
        (corpus.movies_csv().replace(b"|", b","), "header does not match"),
        (corpus.csv_bytes(corpus.MOVIES_HEADER, [corpus.CROCODILE.replace("|", ";")]),
         "has 15 '|'-separated fields"),
    ],
)  # fmt: skip
def test_an_unreadable_file_fails_the_asset_and_leaves_the_lake_as_it_was(
    local_lake_resource, unreadable, message
):
    lake = local_lake_resource
    _land(lake, "movies", corpus.movies_csv())
    assert _materialize(lake, MOVIES).success
    before = _published(lake, "Trusted/") | _published(lake, "Rejected/")

    _land(lake, "movies", unreadable)
    result = _materialize(lake, MOVIES)

    assert not result.success
    error = result.get_step_failure_events()[0].step_failure_data.error.cause
    assert error.cls_name == "DatalakeError" and message in error.message
    assert _published(lake, "Trusted/") | _published(lake, "Rejected/") == before


def _damaging(sql: str):
    """A transform with a bug: it rewrites its typed rows (`t`) through `sql` before publishing."""

    def transform(con, source_uri, spec):
        tables = transform_csv(con, source_uri, spec)
        return replace(tables, trusted=tables.trusted.query("t", sql))

    return transform


@pytest.mark.parametrize(
    "sql, failing",
    [
        ("SELECT * FROM t LIMIT 3", {checks.ROWS_RECONCILED}),
        ("SELECT * FROM t UNION ALL (SELECT * FROM t LIMIT 1)",
         {checks.ROWS_RECONCILED, checks.KEYS_UNIQUE}),
        ("SELECT * REPLACE (NULL AS title_id) FROM t", {checks.KEYS_PRESENT}),
        ("SELECT * REPLACE ('tt12' AS title_id, 2150::SMALLINT AS release_year) FROM t",
         {checks.ID_FORMATS, checks.VALUES_IN_RANGE}),
    ],
)  # fmt: skip
def test_gates_fail_on_a_damaged_table(local_lake_resource, monkeypatch, sql, failing):
    lake = local_lake_resource
    _land(lake, "movies", corpus.movies_csv())
    monkeypatch.setattr(csv_assets, "transform_csv", _damaging(sql))

    result = _materialize(lake, MOVIES)

    verdicts = _verdicts(result, "movies")
    assert {name for name, passed in verdicts.items() if not passed} == failing
    assert not result.success  # blocking gates fail the run
