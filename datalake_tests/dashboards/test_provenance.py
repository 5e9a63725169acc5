"""The provenance block of a whole run: raw lines as counted by the trusted step of that run."""

import dagster as dg

from datalake.runner import run_lake
from datalake.settings import Settings
from datalake_tests.dashboards.pages import embedded, page
from datalake_tests.raw.helpers import ROWS, write_landing
from datalake_tests.refined.lake import DATE


def test_a_whole_run_records_the_rows_of_every_zone(tmp_path, monkeypatch):
    for name in ("TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN"):
        monkeypatch.delenv(name, raising=False)  # TMDB skipped: the rest runs
    landing = tmp_path / "landing"
    for spec, rows in ROWS.items():
        write_landing(landing, spec, rows)
    lake = tmp_path / "lake"
    settings = Settings(storage=str(lake), landing=str(landing))
    with dg.DagsterInstance.ephemeral() as instance:
        assert run_lake(DATE, settings=settings, instance=instance).success
    provenance = embedded(page(str(lake)))["provenance"]
    zones = {asset: rows for _, asset, rows in provenance["zones"]}
    assert zones["raw/local/movies"] == len(ROWS["movies"])
    assert zones["raw/local/series"] == len(ROWS["series"])
    assert not zones["trusted/tmdb/movies"] and provenance["tmdb_fetched"] == [None, None]
    assert zones["refined/dim_title"] > 0


def test_without_a_record_the_raw_lines_are_unknown(refined_lake):
    zones = {
        asset: rows for _, asset, rows in embedded(page(refined_lake[0]))["provenance"]["zones"]
    }
    assert zones["raw/local/movies"] is None  # raw and trusted were built by another instance
