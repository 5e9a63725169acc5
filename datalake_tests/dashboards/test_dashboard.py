"""The dashboard page as built: self-contained, escaped, honest about missing data, and embedding
aggregates that add up to what the Refined tables hold."""

import re

from datalake_tests.dashboards.pages import embedded, objects, page
from datalake_tests.refined.lake import DATE, HOSTILE_TITLE, rows


def test_the_page_embeds_every_question_s_data(refined_lake):
    lake, result = refined_lake
    assert result.success
    data = embedded(page(lake))
    assert data["genres"] == ["Crime", "War"]
    assert data["cells"]["rows"] and data["titles"]["rows"] and data["tmdb"]["rows"]
    assert "The Godfather Collection" in {name for _, name in data["collections"]["rows"]}
    people = {credit["name"] for credit in objects(data["credits"])}
    assert {"Martin Scorsese", "Vince Gilligan"} <= people
    provenance = data["provenance"]
    assert provenance["date"] == DATE and None not in provenance["tmdb_fetched"]
    counted = {asset: count for _, asset, count in provenance["zones"]}
    assert counted["refined/dim_title"] == len(rows(lake, "dim_title"))
    assert counted["trusted/tmdb/movies"] > 0 and counted["trusted/local/movies"] > 0


def test_the_cells_add_up_to_the_titles_of_the_configured_genres(refined_lake):
    lake, _ = refined_lake
    cells = objects(embedded(page(lake))["cells"])
    focus = rows(lake, "fact_title_metrics", "in_configured_genres")
    assert sum(c["titles"] for c in cells) == len(focus)
    assert sum(c["votes"] for c in cells) == sum(f["imdb_votes"] or 0 for f in focus)
    assert sum(c["rated"] for c in cells) == sum(f["imdb_rating"] is not None for f in focus)
    assert all(c["mask"] in (1, 2, 3) for c in cells)  # Crime, War, both


def test_the_page_is_self_contained(refined_lake):
    html = page(refined_lake[0])
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert html.count("<script") == 2 and html.count("</script>") == 2  # data and code, inline
    assert not re.search(
        r"<link|<img|<iframe|@import|url\(|src=|https?://(?!www\.w3\.org/2000/svg)", html
    )


def test_hostile_titles_cannot_break_out_of_the_data(refined_lake):
    html = page(refined_lake[0])
    assert HOSTILE_TITLE not in html and "<script>alert" not in html
    titles = {row["title"] for row in objects(embedded(html)["titles"])}
    assert HOSTILE_TITLE in titles  # intact once parsed


def test_without_tmdb_the_page_says_so_and_keeps_the_rest(refined_lake_without_tmdb):
    lake, result = refined_lake_without_tmdb
    assert result.success
    data = embedded(page(lake))
    assert data["tmdb"]["rows"] == [] and data["credits"]["rows"] == []
    assert data["cells"]["rows"] and data["titles"]["rows"]
    counted = {asset: count for _, asset, count in data["provenance"]["zones"]}
    assert counted["trusted/tmdb/movies"] is None and counted["trusted/local/movies"] > 0
    assert data["provenance"]["tmdb_fetched"] == [None, None]
