"""Lakes shared by the Refined and Dashboards tests, built once per session and copied."""

import shutil
from pathlib import Path

import dagster as dg
import pytest

from datalake_tests.refined.lake import build_trusted, materialize, write_landing
from datalake_tests.tmdb.conftest import API_KEY, _tmdb_session  # noqa: F401

GENRES = "Crime,War"


@pytest.fixture(autouse=True)
def configured_genres(monkeypatch):
    monkeypatch.setenv("DATALAKE_GENRES", GENRES)


@pytest.fixture(scope="session")
def trusted_lake(tmp_path_factory, _tmdb_session) -> Path:  # noqa: F811
    """Raw and trusted zones of the sample; tests copy it (`lake`) before writing."""
    root = tmp_path_factory.mktemp("trusted")
    _tmdb_session.sandbox.reset()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TMDB_API_KEY", API_KEY)
        env.delenv("TMDB_READ_ACCESS_TOKEN", raising=False)
        build_trusted(root / "lake", write_landing(root / "landing"), _tmdb_session.base_url)
    return root / "lake"


def _refined_copy(
    source: Path, target: Path, without_tmdb: bool = False
) -> tuple[str, dg.ExecuteInProcessResult]:
    shutil.copytree(source, target)
    if without_tmdb:
        shutil.rmtree(target / "Trusted" / "TMDB")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DATALAKE_GENRES", GENRES)
        result = materialize(str(target))
    return str(target), result


@pytest.fixture(scope="session")
def refined_lake(trusted_lake, tmp_path_factory) -> tuple[str, dg.ExecuteInProcessResult]:
    """(lake, run result): Refined and the dashboard materialised once. Read it, never write."""
    return _refined_copy(trusted_lake, tmp_path_factory.mktemp("refined") / "lake")


@pytest.fixture(scope="session")
def refined_lake_without_tmdb(
    trusted_lake, tmp_path_factory
) -> tuple[str, dg.ExecuteInProcessResult]:
    """The same, for a date whose Trusted TMDB tables are absent."""
    return _refined_copy(
        trusted_lake, tmp_path_factory.mktemp("no-tmdb") / "lake", without_tmdb=True
    )


@pytest.fixture
def lake(trusted_lake, tmp_path) -> str:
    """A private copy of the trusted lake, free to write to."""
    shutil.copytree(trusted_lake, tmp_path / "lake")
    return str(tmp_path / "lake")
