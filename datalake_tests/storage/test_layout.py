import pytest

from datalake.errors import DatalakeError
from datalake.storage import layout


def test_keys_follow_the_contract():
    assert (
        layout.raw_csv_key("movies", "2022-05-02") == "Raw/Local/CSV/Movies/2022/05/02/movies.csv"
    )
    assert (
        layout.raw_csv_key("series", "2023-10-31") == "Raw/Local/CSV/Series/2023/10/31/series.csv"
    )
    assert (
        layout.raw_tmdb_key("series", "2022-05-02", "details", 7)
        == "Raw/TMDB/JSON/Series/2022/05/02/details-0007.json"
    )
    assert layout.trusted_prefix("local", "movies", "2022-05-02") == (
        "Trusted/Local/Parquet/Movies/dt=2022-05-02/"
    )
    assert layout.trusted_prefix("tmdb", "series", "2022-05-02") == (
        "Trusted/TMDB/Parquet/Series/dt=2022-05-02/"
    )
    assert layout.refined_prefix("dim_title", "2022-05-02") == "Refined/dim_title/dt=2022-05-02/"
    assert layout.rejected_prefix("trusted", "movies", "2022-05-02") == (
        "Rejected/trusted/movies/dt=2022-05-02/"
    )
    assert layout.dashboard_key("2022-05-02") == "Dashboards/dt=2022-05-02/index.html"


@pytest.mark.parametrize(
    "hostile",
    ["../x", "/etc/passwd", "2022-05-02/../../x", "2022-5-2", "2022-02-30", "20220502",
     "2022-05-02\n", " 2022-05-02", "2022-05-02T00:00", "", "..", "2022-13-01"],
)  # fmt: skip
def test_hostile_partition_keys_never_reach_a_key(hostile):
    with pytest.raises(DatalakeError, match="processing date"):
        layout.raw_csv_key("movies", hostile)
    with pytest.raises(DatalakeError):
        layout.trusted_prefix("local", "movies", hostile)


@pytest.mark.parametrize("name", ["../up", "a/b", "Upper", "", "x y"])
def test_hostile_names_are_refused(name):
    with pytest.raises(DatalakeError):
        layout.raw_tmdb_key("movies", "2022-05-02", name, 1)


def test_unknown_spec_is_refused():
    with pytest.raises(DatalakeError, match="specification"):
        layout.raw_csv_key("../movies", "2022-05-02")
