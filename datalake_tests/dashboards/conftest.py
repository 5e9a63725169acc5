"""The lakes of the Refined tests, which the dashboard reads."""

from datalake_tests.refined.conftest import (  # noqa: F401
    _tmdb_session,
    configured_genres,
    lake,
    refined_lake,
    refined_lake_without_tmdb,
    trusted_lake,
)
