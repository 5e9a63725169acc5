"""Which audience's rating foretells success: IMDb's or TMDB's?"""

from collections.abc import Callable

from datalake.dashboards.charts import bar_chart
from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, missing, table
from datalake.dashboards.wording import decimal

ANCHOR, TITLE = "predictors", "IMDb or TMDB: which rating predicts success?"
QUESTION = (
    "Which rating is more closely tied to success: revenue and ROI for movies, years on the air "
    "and seasons for series?"
)
HEADERS = ("Success measure", "Titles", "IMDb r", "TMDB r", "IMDb ρ", "TMDB ρ", "Closer")
FORMATS: dict[int, Callable] = {1: str, 2: decimal, 3: decimal, 4: decimal, 5: decimal}


def _compare(found: dict, outcome: str) -> tuple:
    """One table row: both ratings' r and ρ with the outcome, and which is closer (larger |ρ|)."""
    (titles, imdb_r, imdb_rho), (_, tmdb_r, tmdb_rho) = (
        found[outcome, "IMDb"],
        found[outcome, "TMDB"],
    )
    closer = "IMDb" if abs(imdb_rho or 0) > abs(tmdb_rho or 0) else "TMDB"
    return outcome, titles, imdb_r, tmdb_r, imdb_rho, tmdb_rho, closer


def _finding(genres: str, closer: list[str]) -> str:
    imdb, tmdb, measures = closer.count("IMDb"), closer.count("TMDB"), len(closer)
    if imdb == tmdb:
        return f"Neither rating wins for {genres} titles: each is closer on {imdb} of {measures}."
    leader, wins = ("IMDb", imdb) if imdb > tmdb else ("TMDB", tmdb)
    return (
        f"For {genres} titles, {leader}'s rating tracks success more closely on {wins} of "
        f"{measures} measures (by Spearman's rank correlation)."
    )


def build(ctx: Context) -> Section:
    if not ctx.has_tmdb:
        return missing(ANCHOR, TITLE, QUESTION, ctx.no_tmdb("TMDB's ratings, revenue and seasons"))
    found = {(outcome, source): row for outcome, source, *row in ctx.correlations("rating_pairs")}
    rows = [_compare(found, outcome) for outcome in sorted({outcome for outcome, _ in found})]
    if not rows:
        return missing(ANCHOR, TITLE, QUESTION, "Too few titles have both ratings and a measure.")
    bars = [
        (f"{row[0]} · {source}", rho)
        for row in rows
        for source, rho in (("IMDb", row[4]), ("TMDB", row[5]))
        if rho is not None
    ]
    chart = bar_chart("Spearman's ρ of each rating with each success measure", bars, decimal)
    finding = _finding(ctx.genres, [row[-1] for row in rows])
    return Section(ANCHOR, TITLE, QUESTION, finding, table(HEADERS, rows, FORMATS) + chart)
