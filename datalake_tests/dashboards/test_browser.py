"""The dashboard as a person uses it, in a real headless Chromium loading the file from disk.

Expected figures are computed here from the lake's Refined Parquet (DuckDB reads it, Python
filters it), never from the page's own data or code.
"""

import re
import urllib.parse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from datalake.storage.layout import refined_prefix
from datalake_tests.browser import (
    console_errors,
    requests,
    screenshot,
    start_chromium,
    stop_chromium,
)
from datalake_tests.dashboards.pages import page_path
from datalake_tests.lakes import Lake, connect
from datalake_tests.refined.lake import DATE

TABLES = ("dim_title", "fact_title_metrics")

# The first test may have to install Chromium (apt-get) before it starts.
pytestmark = pytest.mark.timeout(900)
CHARTS = ("decades", "trends", "genres", "budget", "predictors", "franchises")


@pytest.fixture(scope="module")
def browser():
    driver = start_chromium()
    yield driver
    stop_chromium(driver)


def open_page(browser, lake: str, phone: bool = False) -> str:
    """The page from disk, at 1400 px or as a phone's 390 px screen (emulated: a headless
    window has a minimum width of its own)."""
    if phone:
        metrics = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    else:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.set_window_size(1400, 900)
    url = page_path(lake).as_uri()
    browser.get(url)
    return url


def focus_titles(lake: str) -> list[dict]:
    """The titles of the configured genres, with what the filters and figures need."""
    storage = Lake(lake).storage()
    uri = {name: storage.uri(refined_prefix(name, DATE) + "*.parquet") for name in TABLES}
    found = connect(lake).execute(
        "SELECT title_id, title.kind, release_year, genres, imdb_rating, imdb_votes, "
        "fact.runtime_minutes, in_configured_genres "
        "FROM read_parquet(?) AS title JOIN read_parquet(?) AS fact USING (title_id)",
        [uri["dim_title"], uri["fact_title_metrics"]],
    )
    names = [d[0] for d in found.description]
    titles = [dict(zip(names, row, strict=True)) for row in found.fetchall()]
    return [t for t in titles if t["in_configured_genres"]]


def text(browser, css: str) -> str:
    return browser.find_element(By.CSS_SELECTOR, css).text


def click(browser, css: str) -> None:
    """Click as a person would: scrolled into the middle of the screen (not under the sticky
    filter bar) first."""
    element = browser.find_element(By.CSS_SELECTOR, css)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def card(browser, name: str) -> tuple[float | None, int]:
    """A headline card's (value, titles it rests on)."""
    element = browser.find_element(By.ID, f"card-{name}")
    value = element.get_attribute("data-value")
    return (float(value) if value else None), int(element.get_attribute("data-n"))


def csv_rows(browser, section: str) -> list[list[str]]:
    href = browser.find_element(By.CSS_SELECTOR, f"#{section} a.csv").get_attribute("href")
    body = urllib.parse.unquote(href.split(",", 1)[1])
    return [line.split(",") for line in body.strip().split("\r\n")]


def test_loads_offline_with_every_chart_drawn(browser, refined_lake):
    lake, _ = refined_lake
    browser.get("about:blank")
    console_errors(browser), requests(browser)  # drop the start page's
    url = open_page(browser, lake)
    sent, failed = requests(browser)
    assert sent == [url] and failed == []  # the page itself, nothing else
    assert console_errors(browser) == []
    for section in CHARTS:
        figures = browser.find_elements(By.CSS_SELECTOR, f"#{section} figure svg")
        assert figures, section
        for svg in figures:
            assert svg.get_attribute("aria-label"), section
            assert svg.find_elements(By.CSS_SELECTOR, ".mark"), section
    sections = browser.find_elements(By.CSS_SELECTOR, "main > section")
    assert len(sections) == 10
    for section in sections:
        name = section.get_attribute("id")
        assert section.find_element(By.CSS_SELECTOR, ".finding").text, name
        assert section.find_element(By.CSS_SELECTOR, "a.csv").get_attribute("download"), name
        header, *data = csv_rows(browser, name)
        assert header and data and all(len(row) >= len(header) for row in data), name
    screenshot(browser, "dashboard-1400")
    assert console_errors(browser) == []


def luminance(colour: str) -> float:
    """Relative luminance (WCAG) of a #rrggbb colour: what is left of it in greyscale."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_genre_lines_differ_in_greyscale(browser, refined_lake):
    open_page(browser, refined_lake[0])
    lines = browser.find_elements(By.CSS_SELECTOR, "#genres svg polyline")
    assert len(lines) == 2  # Crime and War
    (crime, war) = lines
    grey = [luminance(line.get_attribute("stroke")) for line in lines]
    assert abs(grey[0] - grey[1]) > 0.2  # far apart once the hue is gone
    assert crime.get_attribute("stroke-dasharray") != war.get_attribute("stroke-dasharray")


def test_a_filter_changes_the_figures_to_the_expected_values(browser, refined_lake):
    lake, _ = refined_lake
    titles = focus_titles(lake)
    open_page(browser, lake)
    decades = sorted({t["release_year"] // 10 * 10 for t in titles if t["release_year"]})
    low, high = decades[len(decades) // 3], decades[-2]
    click(browser, "input[name=genre][value=War]")  # Crime only
    Select(browser.find_element(By.ID, "kind")).select_by_value("movie")
    Select(browser.find_element(By.ID, "from")).select_by_value(str(low))
    Select(browser.find_element(By.ID, "to")).select_by_value(str(high))
    Select(browser.find_element(By.ID, "votes")).select_by_visible_text("≥ 1,000")
    kept = [
        t
        for t in titles
        if "crime" in [g.lower() for g in t["genres"]]
        and t["kind"] == "movie"
        and t["release_year"] is not None
        and low <= t["release_year"] - t["release_year"] % 10 <= high
        and (t["imdb_votes"] or 0) >= 1000
    ]
    assert 0 < len(kept) < len([t for t in titles if t["kind"] == "movie"])
    assert card(browser, "movies") == (len(kept), len(kept))
    assert card(browser, "series") == (0, 0)
    rated = [float(t["imdb_rating"]) for t in kept if t["imdb_rating"] is not None]
    value, n = card(browser, "rating")
    assert n == len(rated) and value == pytest.approx(sum(rated) / len(rated))
    timed = [t["runtime_minutes"] for t in kept if t["runtime_minutes"] is not None]
    value, n = card(browser, "runtime")
    assert n == len(timed) and value == pytest.approx(sum(timed) / len(timed))
    assert card(browser, "votes")[0] == sum(t["imdb_votes"] for t in kept)
    # The runtime trend, decade by decade, as its CSV download holds it.
    header, *points = csv_rows(browser, "trends")
    assert header == ["decade", "measure", "mean", "titles"]
    expected = {}
    for t in kept:
        if t["runtime_minutes"] is not None:
            expected.setdefault(t["release_year"] // 10 * 10, []).append(t["runtime_minutes"])
    runtime = {int(d): (float(m), int(n)) for d, what, m, n in points if what == "runtime"}
    assert runtime.keys() == expected.keys()
    for decade, minutes in expected.items():
        assert runtime[decade] == (pytest.approx(sum(minutes) / len(minutes)), len(minutes))
    marks = browser.find_elements(By.CSS_SELECTOR, "#trends svg[data-chart=runtime] .mark")
    assert len(marks) == len(expected)
    assert console_errors(browser) == []
    screenshot(browser, "dashboard-filtered")


def test_a_decade_drills_down_to_its_years_and_back(browser, refined_lake):
    lake, _ = refined_lake
    titles = [t for t in focus_titles(lake) if t["kind"] == "movie" and t["runtime_minutes"]]
    open_page(browser, lake)
    per_decade: dict[int, set[int]] = {}
    for t in titles:
        per_decade.setdefault(t["release_year"] // 10 * 10, set()).add(t["release_year"])
    decade = max(per_decade, key=lambda d: len(per_decade[d]))  # the decade with most years
    runtime = "#trends svg[data-chart=runtime] .mark"
    before = len(browser.find_elements(By.CSS_SELECTOR, runtime))
    click(browser, f'{runtime}[data-x="{decade}"]')
    years = {
        int(m.get_attribute("data-x")) for m in browser.find_elements(By.CSS_SELECTOR, runtime)
    }
    assert years == per_decade[decade] and len(years) > 1
    assert f"{decade}" in text(browser, "#trends .tools strong")
    genre_years = {
        int(m.get_attribute("data-x"))
        for m in browser.find_elements(By.CSS_SELECTOR, "#genres svg .mark")
    }
    assert genre_years and all(y // 10 * 10 == decade for y in genre_years)  # drilled as well
    click(browser, "#trends button.back")
    assert len(browser.find_elements(By.CSS_SELECTOR, runtime)) == before
    assert console_errors(browser) == []


def test_clicking_a_chart_filters_the_others(browser, refined_lake):
    lake, _ = refined_lake
    titles = focus_titles(lake)
    open_page(browser, lake)
    decade = 1990
    click(browser, f'#decades .mark[data-key="{decade}"]')
    in_decade = [t for t in titles if t["release_year"] and t["release_year"] // 10 * 10 == decade]
    movies = sum(t["kind"] == "movie" for t in in_decade)
    assert (
        card(browser, "movies")[0] == movies
        and card(browser, "series")[0] == len(in_decade) - movies
    )
    assert Select(browser.find_element(By.ID, "from")).first_selected_option.text == "1990s"
    # The genre legend filters to one genre; the kind card to one kind.
    click(browser, '#genres .legend button[data-genre="War"]')
    assert not browser.find_element(By.CSS_SELECTOR, "input[value=Crime]").is_selected()
    # TMDB's TV genre "War & Politics" counts as War.
    war = [t for t in in_decade if any("War" in g.split(" & ") for g in t["genres"])]
    click(browser, "#card-series")
    assert (
        Select(browser.find_element(By.ID, "kind")).first_selected_option.get_attribute("value")
        == "series"
    )
    assert card(browser, "series")[0] == sum(t["kind"] == "series" for t in war)
    assert card(browser, "movies")[0] == 0
    click(browser, "#reset")
    assert card(browser, "movies")[0] == sum(t["kind"] == "movie" for t in titles)


def test_the_titles_table_searches_sorts_and_downloads(browser, refined_lake):
    lake, _ = refined_lake
    open_page(browser, lake)
    search = browser.find_element(By.ID, "title-search")
    search.send_keys("godfather")
    rows = browser.find_elements(By.CSS_SELECTOR, "#title-table tbody tr")
    names = [r.find_element(By.TAG_NAME, "td").text for r in rows]
    assert names and all("godfather" in n.lower() for n in names)
    header, *downloaded = csv_rows(browser, "titles")
    assert header[0] == "title" and len(downloaded) == len(names)
    click(browser, '#title-table button[data-sort="year"]')
    years = [
        int(r.find_elements(By.TAG_NAME, "td")[2].text)
        for r in browser.find_elements(By.CSS_SELECTOR, "#title-table tbody tr")
    ]
    assert years == sorted(years, reverse=True)
    click(browser, '#title-table button[data-sort="year"]')
    years = [
        int(r.find_elements(By.TAG_NAME, "td")[2].text)
        for r in browser.find_elements(By.CSS_SELECTOR, "#title-table tbody tr")
    ]
    assert years == sorted(years)


def test_portuguese_labels_and_a_phone_width_screen(browser, refined_lake):
    lake, _ = refined_lake
    open_page(browser, lake, phone=True)
    assert browser.execute_script(
        "return window.innerWidth === 390 && document.documentElement.scrollWidth <= 390"
    )
    click(browser, "#lang")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "pt-BR"
    assert text(browser, "#headline h2") == "Números principais"
    assert "Filmes" in text(browser, "#card-movies")
    for label in browser.find_elements(By.CSS_SELECTOR, "select, input"):
        assert label.get_attribute("aria-label") or label.find_elements(
            By.XPATH, "ancestor::label"
        ), label.get_attribute("outerHTML")
    screenshot(browser, "dashboard-phone-pt")
    assert console_errors(browser) == []


def test_without_tmdb_the_tmdb_questions_say_so(browser, refined_lake_without_tmdb):
    lake, _ = refined_lake_without_tmdb
    open_page(browser, lake)
    for section in ("budget", "predictors", "franchises", "people"):
        assert "No TMDB data for this date" in text(browser, f"#{section} .notice"), section
    assert card(browser, "movies")[0] > 0
    assert browser.find_elements(By.CSS_SELECTOR, "#trends svg .mark")
    assert console_errors(browser) == []


def spearman(pairs: list[tuple[float, float]]) -> float:
    """Pearson's r of the average ranks (ties share theirs), written out for the test."""

    def ranks(values: list[float]) -> list[float]:
        return [sum(v < x for v in values) + (sum(v == x for v in values) + 1) / 2 for x in values]

    xs, ys = ranks([p[0] for p in pairs]), ranks([p[1] for p in pairs])
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return cov / (sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys)) ** 0.5


def movies_in(finding: str) -> int:
    return int(re.search(r"Across ([0-9,]+) movies? with a known budget", finding).group(1))


def budget_movies(lake: str) -> list[tuple[int | None, float, float]]:
    """(decade, budget, TMDB popularity) of the configured genres' movies with both known."""
    storage = Lake(lake).storage()
    uri = {name: storage.uri(refined_prefix(name, DATE) + "*.parquet") for name in TABLES}
    return (
        connect(lake)
        .execute(
            "SELECT release_year // 10 * 10, budget, tmdb_popularity "
            "FROM read_parquet(?) AS title JOIN read_parquet(?) AS fact USING (title_id) "
            "WHERE in_configured_genres AND title.kind = 'movie' AND budget > 0 "
            "AND tmdb_popularity IS NOT NULL",
            [uri["dim_title"], uri["fact_title_metrics"]],
        )
        .fetchall()
    )


def test_correlations_follow_the_filters_and_undefined_reads_undefined(browser, refined_lake):
    lake, _ = refined_lake
    movies = budget_movies(lake)
    open_page(browser, lake)
    finding = text(browser, "#budget .finding")
    rho = float(re.search(r"ρ = (-?[0-9.]+)", finding).group(1))
    assert movies_in(finding) == len(movies)
    assert rho == pytest.approx(spearman([m[1:] for m in movies]), abs=0.005)
    # A decade with too few movies for a correlation: undefined, with how many there are.
    per_decade = {d: [m for m in movies if m[0] == d] for d, *_ in movies if d is not None}
    few = min(per_decade, key=lambda d: len(per_decade[d]))
    assert len(per_decade[few]) < 3
    Select(browser.find_element(By.ID, "from")).select_by_value(str(few))
    Select(browser.find_element(By.ID, "to")).select_by_value(str(few))
    finding = text(browser, "#budget .finding")
    assert movies_in(finding) == len(per_decade[few]) and "ρ = undefined" in finding
    assert console_errors(browser) == []


def test_every_mark_has_a_tooltip_shown_on_hover_and_focus(browser, refined_lake):
    open_page(browser, refined_lake[0])
    marks = browser.find_elements(By.CSS_SELECTOR, "main .mark")
    assert marks and all(m.get_attribute("aria-label") for m in marks)
    tooltip = browser.find_element(By.ID, "tooltip")
    # By keyboard: Tab from the decades section's last control reaches the first trend point.
    link = browser.find_element(By.CSS_SELECTOR, "#decades a.csv")
    browser.execute_script("arguments[0].focus()", link)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    point = browser.find_element(By.CSS_SELECTOR, "#trends .mark")
    assert browser.switch_to.active_element == point
    assert tooltip.is_displayed() and tooltip.text == point.get_attribute("aria-label")
    assert re.search(r"\b\d+ titles?\b", tooltip.text), tooltip.text
    # By mouse.
    bar = browser.find_element(By.CSS_SELECTOR, "#decades .mark")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar)
    ActionChains(browser).move_to_element(bar).perform()
    assert tooltip.is_displayed() and tooltip.text == bar.get_attribute("aria-label")
    assert re.search(r"\b\d+ titles?\b", tooltip.text), tooltip.text
