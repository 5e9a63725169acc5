"""Hostile configuration is refused from the environment with one line saying what to fix."""

import pytest

from datalake.errors import DatalakeError
from datalake.resources.focus import FocusResource
from datalake.settings import Settings
from datalake.storage import open_storage


@pytest.mark.parametrize(
    ("given", "normalised"),
    [("S3://lake", "s3://lake"), ("s3://lake/zone/", "s3://lake/zone"), ("./lake", "./lake")],
)
def test_locations_are_normalised(given, normalised):
    assert Settings.from_env({"DATALAKE_STORAGE": given}).storage == normalised
    assert Settings.from_env({"DATALAKE_LANDING": given}).landing == normalised


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("s3:/lake", "write it as s3://lake."),
        ("s3a://lake", "s3a:// and s3n:// are Hadoop's names for S3"),
        ("S3N://lake/x", "write it as s3://lake/x."),
        ("gs://lake", "is not a local directory or an s3://bucket[/prefix] URI"),
        ("s3://", "names no valid bucket ('')"),
        ("s3:///lake", "write it as s3://lake."),
        ("s3://Lake_Bucket", "names no valid bucket ('Lake_Bucket')"),
        ("s3://lake/../other", "has an empty, '.' or '..' folder"),
    ],
)
def test_bad_locations_are_refused(given, said):
    for name in ("DATALAKE_STORAGE", "DATALAKE_LANDING"):
        with pytest.raises(DatalakeError, match=r"^" + name) as raised:
            Settings.from_env({name: given})
        assert said in str(raised.value) and "\n" not in str(raised.value)
    with pytest.raises(DatalakeError):
        open_storage(given)  # the resource path refuses them too (Launchpad config)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("Nonsense,Foo", "no IMDb genre is named 'Nonsense', 'Foo'"),
        ("Crime;War", "'Crime;War' (separate genres with commas)"),
        ("Crime,Science Fiction", "'Science Fiction'"),
    ],
)
def test_genres_the_data_lacks_are_refused(given, said):
    with pytest.raises(DatalakeError, match=r"^DATALAKE_GENRES=") as raised:
        Settings.from_env({"DATALAKE_GENRES": given})
    assert said in str(raised.value) and "Sci-Fi" in str(raised.value)
    with pytest.raises(ValueError, match="are no IMDb genres"):
        FocusResource(genres=given.split(","))


def test_genres_match_without_case():
    assert Settings.from_env({"DATALAKE_GENRES": " crime , WAR "}).genres == ("crime", "WAR")


@pytest.mark.parametrize(
    ("name", "given", "said"),
    [
        ("DATALAKE_TMDB_LIMIT", "-1", "is below 0"),
        ("DATALAKE_TMDB_LIMIT", "1e3", "is not an integer"),
        ("TMDB_BASE_URL", "api.themoviedb.org/3", "is not an http(s):// URL"),
        ("TMDB_BASE_URL", "ftp://tmdb", "is not an http(s):// URL"),
    ],
)
def test_bad_values_are_refused(name, given, said):
    with pytest.raises(DatalakeError, match=f"^{name}=") as raised:
        Settings.from_env({name: given})
    assert said in str(raised.value)


def test_the_engine_is_read_once_and_reaches_its_resource():
    assert Settings.from_env({}).engine == "duckdb"
    settings = Settings.from_env({"DATALAKE_ENGINE": " Spark "})
    assert settings.engine == "spark"
    from datalake.resources.build import build_resources

    assert build_resources(settings)["engine"].kind == "spark"


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"DATALAKE_ENGINE": "flink"}, "DATALAKE_ENGINE='flink' is not an engine: use one of"),
        (
            {"DATALAKE_ENGINE": "spark", "DATALAKE_STORAGE": "s3://lake"},
            "DATALAKE_ENGINE=spark runs on a local lake only",
        ),
        ({"DATALAKE_ENGINE": "glue", "DATALAKE_STORAGE": "s3://lake"}, "needs DATALAKE_GLUE_JOB"),
        (
            {
                "DATALAKE_ENGINE": "glue",
                "DATALAKE_GLUE_JOB": "j",
                "DATALAKE_GLUE_PIPES_BUCKET": "b",
            },
            "set DATALAKE_STORAGE to s3://",
        ),
    ],
)
def test_a_bad_engine_is_refused(env, said):
    with pytest.raises(DatalakeError, match=r"^DATALAKE_ENGINE") as raised:
        Settings.from_env(env)
    assert said in str(raised.value) and "\n" not in str(raised.value)
