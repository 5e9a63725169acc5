"""How the configured genres' popularity moved, decade by decade."""

from itertools import groupby

from datalake.dashboards.charts import line_chart
from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, missing
from datalake.dashboards.wording import compact, count, decade

ANCHOR, TITLE = "genres", "Genre popularity by decade"
QUESTION = (
    "How did the popularity of each configured genre move by decade (IMDb votes of its titles)?"
)


def build(ctx: Context) -> Section:
    rows = ctx.rows("genre_decades")
    if not rows:
        return missing(ANCHOR, TITLE, QUESTION, f"No {ctx.genres} title has IMDb votes.")
    lines = {
        genre: [(decade_start, votes) for _, decade_start, _, votes in group]
        for genre, group in groupby(rows, key=lambda row: row[0])
    }
    peaks = [
        f"{genre} peaked in the {decade(start)} ({count(votes)} votes)"
        for genre, line in lines.items()
        for start, votes in [max(line, key=lambda point: point[1])]
    ]
    axes = ("Decade of release", "IMDb votes")
    chart = line_chart("IMDb votes by decade of release", lines, decade, compact, axes)
    return Section(ANCHOR, TITLE, QUESTION, "; ".join(peaks) + ".", chart)
