"""The code location: assembles what each layer defines, plus the shared resources."""

import dagster as dg

from datalake.automation import automation_sensor
from datalake.dashboards import definitions as dashboards
from datalake.raw import definitions as raw
from datalake.refined import definitions as refined
from datalake.refined.assets import refined_table_assets
from datalake.resources.build import build_resources
from datalake.settings import Settings
from datalake.shared.preview import preview_features
from datalake.trusted import definitions as trusted
from datalake.trusted.csv_assets import trusted_csv_assets
from datalake.trusted.tmdb_assets import trusted_tmdb_assets

# Runs launched from the UI, the daemon's backfills and sensors execute every step in the run's
# own process: one process start per run, not one per step (15-25 s each on a busy 2-core host).
EXECUTOR = dg.in_process_executor

# Modules, not Definitions objects: a code location may hold only one Definitions at module scope.
LAYERS = [raw.defs, trusted.defs, refined.defs, dashboards.defs]


def build_definitions(settings: Settings | None = None, **resources) -> dg.Definitions:
    """Every layer's assets, checks, sensors and schedules with resources for `settings`
    (`resources` replace some by key); the engine-run assets' kinds name the engine."""
    settings = settings or Settings.from_env()
    merged = dg.Definitions.merge(
        *LAYERS,
        dg.Definitions(
            sensors=[automation_sensor],
            executor=EXECUTOR,
            resources=build_resources(settings, **resources),
        ),
    )
    with preview_features():
        return merged.map_resolved_asset_specs(func=_engine_kinds(settings.engine))


def _engine_kinds(engine: str):
    """The engine-run assets' specs with the engine among their kinds in place of `duckdb`.

    A Glue deployment runs the Trusted transforms (several results each) in DuckDB."""
    engines = {key: "duckdb" if engine == "glue" else engine for key in _keys(TRUSTED_ASSETS)}
    engines |= dict.fromkeys(_keys(refined_table_assets), engine)

    def replace(spec: dg.AssetSpec) -> dg.AssetSpec:
        if spec.key not in engines:
            return spec
        return spec.replace_attributes(kinds=(set(spec.kinds) - {"duckdb"}) | {engines[spec.key]})

    return replace


TRUSTED_ASSETS = [*trusted_csv_assets, *trusted_tmdb_assets]


def _keys(assets: list[dg.AssetsDefinition]) -> list[dg.AssetKey]:
    return [key for definition in assets for key in definition.keys]


defs = build_definitions()
