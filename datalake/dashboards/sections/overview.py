"""At a glance: how many titles of the configured genres the date holds, and the most voted."""

from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, missing, table
from datalake.dashboards.wording import count, decimal

ANCHOR, TITLE = "overview", "At a glance"
QUESTION = "What does the lake hold for the configured genres on this date?"
HEADERS = ("Title", "Kind", "Year", "IMDb rating", "IMDb votes", "TMDB rating")
FORMATS = {3: decimal, 4: count, 5: decimal}


def build(ctx: Context) -> Section:
    if not ctx.movies + ctx.series:
        return missing(ANCHOR, TITLE, QUESTION, f"No title of {ctx.genres} on {ctx.date}.")
    coverage = "with TMDB data" if ctx.has_tmdb else "without TMDB data"
    finding = (
        f"{count(ctx.movies)} movies and {count(ctx.series)} series of {ctx.genres}, {coverage}."
    )
    most_voted = table(HEADERS, ctx.rows("most_voted"), FORMATS)
    return Section(ANCHOR, TITLE, QUESTION, finding, f"<h3>Most voted on IMDb</h3>{most_voted}")
