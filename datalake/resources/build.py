"""Every resource of the code location, built from `Settings` in one place."""

import dagster as dg

from datalake.engines.glue import GlueJobResource
from datalake.io.handover import LAKE_IO_MANAGER
from datalake.io.manager import LakeIOManager
from datalake.resources.duck import LakeDuckDB
from datalake.resources.engine import EngineResource
from datalake.resources.focus import FocusResource
from datalake.resources.glue import GlueResource
from datalake.resources.lake import LakeResource
from datalake.resources.s3 import LakeS3Resource
from datalake.resources.tmdb import TmdbResource
from datalake.settings import Settings


def _secret(name: str, value: str | None) -> dg.EnvVar | None:
    """A secret reaches Dagster as the name of its variable, read when a run starts."""
    return dg.EnvVar(name) if value else None


def build_resources(settings: Settings | None = None, **overrides) -> dict:
    """The resources of a `Definitions`: same keys whatever the environment.

    `overrides` replace resources by key (tests pass a faster TMDB resource, for instance).
    """
    settings = settings or Settings.from_env()
    s3 = LakeS3Resource()  # boto3's own configuration: the standard AWS environment variables
    lake = LakeResource(storage_uri=settings.storage, landing_uri=settings.landing, s3=s3)
    duckdb = LakeDuckDB(lake=lake)
    resources = {
        "s3": s3,
        "lake": lake,
        "duckdb": duckdb,
        "engine": EngineResource(
            kind=settings.engine,
            duckdb=duckdb,
            glue_job=GlueJobResource(
                job_name=settings.glue_job, pipes_bucket=settings.glue_pipes_bucket
            ),
        ),
        LAKE_IO_MANAGER: LakeIOManager(lake=lake, duckdb=duckdb),
        "focus": FocusResource(genres=list(settings.genres)),
        "glue": GlueResource(database=settings.glue_database),
        "tmdb": TmdbResource(
            base_url=settings.tmdb_base_url,
            limit=settings.tmdb_limit,
            api_key=_secret("TMDB_API_KEY", settings.tmdb_api_key),
            read_access_token=_secret("TMDB_READ_ACCESS_TOKEN", settings.tmdb_read_access_token),
        ),
    }
    return resources | overrides
