"""The dashboard page: every question answered, offline, escaped, and honest about missing data."""

import re
from pathlib import Path

from datalake.storage.layout import dashboard_key
from datalake_tests.refined.lake import DATE, HOSTILE_TITLE

SECTIONS = ("overview", "budget", "people", "trends", "predictors", "franchises", "genres")
TMDB_SECTIONS = ("budget", "people", "predictors", "franchises")
NO_TMDB = f"No TMDB data for {DATE}"


def page(lake: str) -> str:
    return (Path(lake) / dashboard_key(DATE)).read_text("utf-8")


def sections(html: str) -> dict[str, str]:
    return dict(re.findall(r'<section id="([a-z]+)">(.*?)</section>', html, flags=re.S))


def finding(section: str) -> str:
    return re.search(r'<p class="finding">(.*?)</p>', section).group(1)


def test_every_question_has_a_finding_and_its_evidence(refined_lake):
    lake, result = refined_lake
    assert result.success
    found = sections(page(lake))
    assert tuple(found) == SECTIONS
    for anchor, section in found.items():
        assert "missing" not in section, anchor
        assert finding(section) and "Not answered" not in finding(section), anchor
        assert "<svg" in section or "<table>" in section, anchor
    assert "Spearman" in finding(found["budget"]) and "correlated" in finding(found["budget"])
    assert "The Godfather Collection" in found["franchises"]
    assert "Martin Scorsese" in found["people"] and "Vince Gilligan" in found["people"]
    assert re.search(
        r"(IMDb|TMDB)&#x27;s rating tracks success|Neither rating wins",
        finding(found["predictors"]),
    )
    assert finding(found["genres"]).startswith("Crime peaked in the ")


def test_the_page_is_self_contained(refined_lake):
    html = page(refined_lake[0])
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert not re.search(
        r"<script|<link|<img|@import|url\(|src=|https?://(?!www\.w3\.org/2000/svg)", html
    )


def test_hostile_titles_are_escaped_in_tables_and_tooltips(refined_lake):
    html = page(refined_lake[0])
    found = sections(html)
    assert HOSTILE_TITLE not in html and "<script" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Ça &quot;va&quot; 日本"
    assert f"<td>{escaped}</td>" in found["overview"]
    assert f"<title>{escaped}: $" in found["budget"]  # the scatter's tooltip


def test_without_tmdb_the_tmdb_sections_say_so_and_the_others_render(refined_lake_without_tmdb):
    lake, result = refined_lake_without_tmdb
    assert result.success
    found = sections(page(lake))
    assert tuple(found) == SECTIONS
    for anchor in TMDB_SECTIONS:
        assert NO_TMDB in found[anchor] and "<svg" not in found[anchor], anchor
    for anchor in ("overview", "trends", "genres"):
        assert NO_TMDB not in finding(found[anchor]) and (
            "<svg" in found[anchor] or "<table>" in found[anchor]
        )
    assert "without TMDB data" in finding(found["overview"])
    assert NO_TMDB in found["trends"] and "mean runtime went from" in finding(found["trends"])
