"""How long movies run and how many episodes a season has, decade after decade."""

from datalake.dashboards.charts import line_chart
from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, notice
from datalake.dashboards.wording import count, decade, one_decimal

ANCHOR, TITLE = "trends", "Runtime and season length over time"
QUESTION = "How did movie runtime and series episodes per season change over the decades?"


def _change(points: list[tuple[float, float]], what: str, unit: str) -> str:
    (first, start), (last, end) = points[0], points[-1]
    return (
        f"{what} went from {one_decimal(start)} {unit} in the {decade(first)} to "
        f"{one_decimal(end)} in the {decade(last)}"
    )


def _chart(label: str, points: list[tuple[float, float]], axis: str) -> str:
    return line_chart(label, {label: points}, decade, count, ("Decade of release", axis))


def build(ctx: Context) -> Section:
    rows = ctx.rows("trends")
    runtime = [
        (d, minutes) for kind, d, _, minutes, _ in rows if kind == "movie" and minutes is not None
    ]
    episodes = [(d, eps) for kind, d, _, _, eps in rows if kind == "series" and eps is not None]
    sentences, charts = [], []
    if runtime:
        sentences.append(_change(runtime, f"{ctx.genres} movies' mean runtime", "minutes"))
        charts.append(_chart("Mean movie runtime (minutes)", runtime, "Minutes"))
    if episodes:
        sentences.append(_change(episodes, "series' episodes per season", "episodes"))
        charts.append(_chart("Mean episodes per season", episodes, "Episodes per season"))
    elif not ctx.has_tmdb:
        charts.append(notice(ctx.no_tmdb("TMDB's episode and season counts")))
    finding = (
        "; ".join(sentences) + "." if sentences else f"No {ctx.genres} title has a known runtime."
    )
    return Section(ANCHOR, TITLE, QUESTION, finding[0].upper() + finding[1:], "".join(charts))
