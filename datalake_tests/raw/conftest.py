"""The TMDB sandbox fixtures, shared with the TMDB enrichment assets' tests."""

from datalake_tests.tmdb.conftest import _tmdb_session, tmdb  # noqa: F401
