"""Does a bigger budget buy popularity? Budget against TMDB popularity, movie by movie."""

from datalake.dashboards.charts import scatter_chart
from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, missing
from datalake.dashboards.wording import correlation, count, decimal, money, plural

ANCHOR, TITLE = "budget", "Budget and popularity"
QUESTION = "How does a movie's budget relate to its popularity?"


def build(ctx: Context) -> Section:
    if not ctx.has_tmdb:
        return missing(ANCHOR, TITLE, QUESTION, ctx.no_tmdb("TMDB's budgets and popularity"))
    points = ctx.rows("budget_points")
    if len(points) < 3:
        known = plural(len(points), "movie")
        return missing(
            ANCHOR, TITLE, QUESTION, f"Only {known} of {ctx.genres} with a known budget."
        )
    [(_, _, titles, pearson, spearman)] = ctx.correlations("budget_pairs")
    finding = (
        f"Across {count(titles)} {ctx.genres} movies with a known budget, budget and TMDB "
        f"popularity are {correlation(spearman)} (Spearman {decimal(spearman)}, "
        f"Pearson {decimal(pearson)})."
    )
    chart = scatter_chart(
        "Budget (log scale) against TMDB popularity",
        [(budget, popularity, title) for title, budget, popularity in points],
        money,
        decimal,
        ("Budget (log scale)", "TMDB popularity"),
        log_x=True,
    )
    return Section(ANCHOR, TITLE, QUESTION, finding, chart)
