"""The dashboard of one date: every section, in reading order, as one HTML page."""

import duckdb

from datalake.dashboards.context import Context
from datalake.dashboards.page import Section, render
from datalake.dashboards.sections import (
    budget,
    franchises,
    genres,
    overview,
    people,
    predictors,
    trends,
)

SECTIONS = (overview, budget, people, trends, predictors, franchises, genres)


def build_report(
    con: duckdb.DuckDBPyConnection, date: str, configured: tuple[str, ...]
) -> tuple[str, list[Section]]:
    """The page and its sections, from a connection with a view per Refined table."""
    ctx = Context.load(con, date, configured)
    sections = [section.build(ctx) for section in SECTIONS]
    subtitle = f"Processing date {date} · built from the Refined zone"
    return render(f"Movies and series: {ctx.genres}", subtitle, sections), sections
