"""With no filter, the page's interactive figures are the catalog's answers: every question
view (refined/sql/analysis), run here on the lake's Refined Parquet, says what the page says."""

import csv
import io
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from datalake.refined.analysis import create_question_views
from datalake.refined.tables import TABLES
from datalake.storage.layout import refined_prefix
from datalake_tests.browser import console_errors, start_chromium, stop_chromium
from datalake_tests.dashboards.pages import page_path
from datalake_tests.lakes import Lake, connect
from datalake_tests.refined.lake import DATE

pytestmark = pytest.mark.timeout(900)  # may install Chromium first


@pytest.fixture(scope="module")
def shown(refined_lake) -> dict[str, list[dict]]:
    """Each section's CSV download, as the browser built it with no filter."""
    driver = start_chromium()
    try:
        driver.get(page_path(refined_lake[0]).as_uri())
        assert console_errors(driver) == []
        found = {}
        for section in ("trends", "genres", "budget", "predictors", "franchises", "people"):
            link = driver.find_element(By.CSS_SELECTOR, f"#{section} a.csv")
            found[section] = parse_csv(urllib.parse.unquote(link.get_attribute("href")))
            found[section + "_finding"] = driver.find_element(
                By.CSS_SELECTOR, f"#{section} .finding"
            ).text
        return found
    finally:
        stop_chromium(driver)


def parse_csv(href: str) -> list[dict]:
    header, *rows = csv.reader(io.StringIO(href.split(",", 1)[1]))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture(scope="module")
def view(refined_lake):
    """Rows of a question view over the lake's Refined tables."""
    lake = refined_lake[0]
    con = connect(lake)
    storage = Lake(lake).storage()
    for table in TABLES:
        con.execute(
            f"SET VARIABLE {table.name} = ?",
            [storage.uri(refined_prefix(table.name, DATE) + "*.parquet")],
        )
        con.execute(
            f"CREATE VIEW {table.name} AS SELECT * FROM read_parquet(getvariable('{table.name}'))"
        )
    create_question_views(con)

    def rows(name: str) -> list[dict]:
        result = con.execute(f"SELECT * FROM {name}")
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    return rows


def configured(genre: str) -> list[str]:
    """The names a genre counts as: itself and each part of a TMDB pair (lower case)."""
    return [genre.lower(), *(part.strip() for part in genre.lower().split("&"))]


def number(text: str) -> float | None:
    return float(text) if text else None


def test_runtime_and_episodes_by_decade(shown, view):
    decades = [r for r in view("runtime_by_period") if r["level"] == "decade"]
    movies = {r["decade"]: r for r in decades if r["kind"] == "movie" and r["runtime_titles"]}
    series = {r["decade"]: r for r in decades if r["kind"] == "series" and r["season_titles"]}
    page = {(r["measure"], int(r["decade"])): r for r in shown["trends"]}
    assert {d for m, d in page if m == "runtime"} == set(movies)
    assert {d for m, d in page if m == "episodes"} == set(series)
    for decade, row in movies.items():
        point = page["runtime", decade]
        assert int(point["titles"]) == row["runtime_titles"]
        assert float(point["mean"]) == pytest.approx(float(row["mean_runtime_minutes"]), abs=0.0051)
    for decade, row in series.items():
        point = page["episodes", decade]
        assert int(point["titles"]) == row["season_titles"]
        assert float(point["mean"]) == pytest.approx(
            float(row["mean_episodes_per_season"]), abs=0.0051
        )


def test_genre_votes_by_decade(shown, view):
    expected: dict[tuple[str, int], list[int]] = {}
    for row in view("genre_popularity_by_decade"):
        # The view keeps TMDB's "War & Politics" apart; the page counts it as War, the genre
        # configured (a title has one or the other, never both).
        genre = next(g for g in ("Crime", "War") if g.lower() in configured(row["genre_name"]))
        total = expected.setdefault((genre, row["decade"]), [0, 0])
        total[0] += row["imdb_votes"]
        total[1] += row["titles"]
    page = {
        (r["genre"], int(r["decade"])): [int(r["votes"]), int(r["titles"])] for r in shown["genres"]
    }
    assert page == expected


def test_budget_against_popularity(shown, view):
    (everything,) = [r for r in view("budget_vs_popularity") if r["scope"] == "all"]
    finding = shown["budget_finding"]
    assert f"Across {everything['movies']} movies" in finding
    assert f"ρ = {float(everything['spearman_rho']):.2f}" in finding
    assert len(shown["budget"]) == everything["movies"]


def test_rating_against_success(shown, view):
    page = {(r["measure"], r["kind"]): r for r in shown["predictors"]}
    rows = view("rating_vs_success")
    assert set(page) == {(r["measure"], r["kind"]) for r in rows}
    for row in rows:
        mine = page[row["measure"], row["kind"]]
        assert int(mine["titles"]) == row["titles"]
        for source in ("imdb", "tmdb"):
            expected = row[f"{source}_spearman"]
            got = number(mine[f"{source}_spearman"])
            assert (got is None) == (expected is None), row
            if expected is not None:
                assert got == pytest.approx(float(expected), abs=1e-4), row
        assert (mine["closer"] or None) == row["closer"], row


def test_franchises(shown, view):
    ranked = view("franchise_popularity")
    by_name = {r["collection_name"]: r for r in ranked}
    assert (
        shown["franchises"] and shown["franchises"][0]["franchise"] == ranked[0]["collection_name"]
    )
    for row in shown["franchises"]:
        expected = by_name[row["franchise"]]
        assert int(row["titles"]) == expected["movies"]
        assert float(row["mean_popularity"]) == pytest.approx(
            float(expected["mean_popularity"]), abs=0.0005
        )


def test_acclaimed_people(shown, view):
    expected: dict[str, list[tuple[str, int]]] = {}
    for row in view("acclaimed_people"):
        group = expected.setdefault(row["role_group"], [])
        if len(group) < 5:
            group.append((row["name"], row["titles"]))
    page: dict[str, list[tuple[str, int]]] = {}
    for row in shown["people"]:
        page.setdefault(row["role"], []).append((row["name"], int(row["titles"])))
    assert page == {group: people for group, people in expected.items() if group in page}
    assert set(page) == {"directors", "creators", "writers", "actors"} & set(expected)
