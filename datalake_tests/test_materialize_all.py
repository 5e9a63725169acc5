"""`Materialize all` without TMDB credentials, as the UI launches it: the code location's own
asset job and executor, every asset for one date. Everything that needs no new TMDB data is
built, and the run itself says what was left out and why."""

import dagster as dg

from datalake.definitions import build_definitions
from datalake.settings import Settings, bundled_sample_dir

DATE = "2022-05-02"
# Opt-in, and off without DATALAKE_GLUE_DATABASE: the run says so instead of materialising it.
GLUE = dg.AssetKey(["refined", "glue_catalog"])


def test_materialize_all_without_credentials_builds_the_lake_and_says_what_it_left_out(tmp_path):
    settings = Settings(storage=str(tmp_path / "lake"), landing=bundled_sample_dir())
    defs = build_definitions(settings)
    job = defs.resolve_implicit_global_asset_job_def()
    assert job.executor_def is dg.in_process_executor  # what the UI's runs use
    with dg.DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(instance=instance, partition_key=DATE)
        assert result.success
        built = {e.asset_key for e in result.get_asset_materialization_events()}
        assert built == defs.resolve_asset_graph().get_all_asset_keys() - {GLUE}
        logs = [r for r in instance.all_logs(result.run_id) if r.is_dagster_event is False]
        warnings = [r.user_message for r in logs if r.level >= 30]  # WARNING and above
        assert any("glue_catalog: off (set DATALAKE_GLUE_DATABASE" in r.user_message for r in logs)
    for spec in ("movies", "series"):
        said = [w for w in warnings if w.startswith(f"raw/tmdb/{spec}: nothing fetched")]
        assert said and "TMDB_API_KEY" in said[0], warnings
        materialization = next(
            e.step_materialization_data.materialization
            for e in result.get_asset_materialization_events()
            if e.asset_key == dg.AssetKey(["raw", "tmdb", spec])
        )
        assert "no TMDB credentials" in materialization.metadata["not_fetched"].value
    assert (tmp_path / "lake" / "Dashboards" / f"dt={DATE}" / "index.html").exists()
