"""Which franchises (TMDB collections) audiences flock to."""

from datalake.dashboards.charts import bar_chart
from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, missing, table
from datalake.dashboards.wording import count, decimal, money, plural

ANCHOR, TITLE = "franchises", "Most popular franchises"
QUESTION = "Which franchises (TMDB collections) are the most popular?"
HEADERS = ("Franchise", "Films", "Mean popularity", "Mean rating", "In the lake", "Lake revenue")
FORMATS = {1: count, 2: decimal, 3: decimal, 4: count, 5: money}


def build(ctx: Context) -> Section:
    if not ctx.has_tmdb:
        return missing(ANCHOR, TITLE, QUESTION, ctx.no_tmdb("TMDB's collections"))
    rows = ctx.rows("franchises")
    if not rows:
        return missing(
            ANCHOR, TITLE, QUESTION, f"No {ctx.genres} movie belongs to a known franchise."
        )
    name, films, popularity, *_ = rows[0]
    finding = (
        f"{name} is the most popular franchise: mean TMDB popularity {decimal(popularity)} "
        f"over {plural(films, 'film')}."
    )
    bars = [(franchise, mean_popularity) for franchise, _, mean_popularity, *_ in rows]
    chart = bar_chart("Mean TMDB popularity of the franchise's films", bars, decimal)
    return Section(ANCHOR, TITLE, QUESTION, finding, chart + table(HEADERS, rows, FORMATS))
