"""What the page embeds: small aggregates and the few per-title rows its questions need.

The browser filters and adds these up, so every figure follows the filters without a server,
and the page stays small whatever the size of the lake (the sums grow with years, not titles).
"""

import datetime as dt
import decimal
import math
from typing import Any

import duckdb

from datalake.refined.analysis import QUESTIONS, create_question_views
from datalake.shared.sql import sql_file

VOTE_FLOORS = (0, 100, 1_000, 10_000, 100_000)  # the "minimum IMDb votes" choices
TOP_TITLES = 50  # most-voted titles per kind and decade in the titles table
HIGH_RATING = 7.5  # "rated highly" on both 0-10 scales (the people question)
ANSWER_ROWS = 500  # most rows of a question view embedded (its first, in the view's order)
# Views whose first rows would be one group only: their first rows of each group instead.
_FIRST_OF_EACH = {
    "acclaimed_people": "QUALIFY row_number() OVER "
    "(PARTITION BY role_group ORDER BY titles DESC, name, person_id) <= 20 "
    "ORDER BY role_group, titles DESC, name, person_id",
}


def _plain(value: Any) -> Any:
    """A JSON-ready value: DuckDB's DECIMAL and dates become numbers and ISO text; a NaN or
    infinity (no JSON for it) is undefined, as the page shows it."""
    if isinstance(value, decimal.Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _compact(result: duckdb.DuckDBPyConnection, limit: int | None = None) -> dict:
    """{"columns": [...], "rows": [[...]]} (compact JSON), at most `limit` rows."""
    names = [d[0] for d in result.description]
    rows = result.fetchmany(limit) if limit else result.fetchall()
    return {"columns": names, "rows": [[_plain(v) for v in row] for row in rows]}


def columns(con: duckdb.DuckDBPyConnection, name: str, params: list | None = None) -> dict:
    """The rows of `sql/<name>.sql`."""
    return _compact(con.execute(sql_file("datalake.dashboards", name), params or []))


def answers(con: duckdb.DuckDBPyConnection) -> dict:
    """Each business question's view (refined/sql/analysis), as the catalog answers it for all
    titles: the page shows it beside its own filtered figures, which must agree at no filter."""
    create_question_views(con)
    found = {}
    # Each view is computed once, into a temp table its count and its first rows are read from;
    # insertion order is kept meanwhile, so the table's rows stay in the view's order.
    ((ordered,),) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()
    con.execute("SET preserve_insertion_order = true")
    try:
        for question in QUESTIONS:
            con.execute(f"CREATE OR REPLACE TEMP TABLE answer AS FROM {question.name}")
            ((total,),) = con.execute("SELECT count(*) FROM answer").fetchall()
            keep = _FIRST_OF_EACH.get(question.name, "")
            table = _compact(con.execute(f"SELECT * FROM answer {keep}"), ANSWER_ROWS)
            found[question.name] = table | {"total": total, "en": question.en, "pt": question.pt}
        con.execute("DROP TABLE IF EXISTS answer")
    finally:
        con.execute("SET preserve_insertion_order = ?", [ordered])
    return found


def page_data(con: duckdb.DuckDBPyConnection, genres: tuple[str, ...]) -> dict:
    """Everything the page draws, from a connection with a view per Refined table."""
    con.execute("SET VARIABLE genres = ?", [list(genres)])
    con.execute("SET VARIABLE vote_floors = ?", [list(VOTE_FLOORS)])
    con.execute(sql_file("datalake.dashboards", "macros"))
    return {
        "genres": list(genres),
        "vote_floors": list(VOTE_FLOORS),
        "top_titles": TOP_TITLES,
        "high_rating": HIGH_RATING,
        "cells": columns(con, "cells"),
        "titles": columns(con, "titles", [TOP_TITLES]),
        "tmdb": columns(con, "tmdb_titles"),
        "collections": columns(con, "collections"),
        "credits": columns(con, "credits", [HIGH_RATING, HIGH_RATING]),
        "answers": answers(con),
    }
