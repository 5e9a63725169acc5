"""What every dashboard section reads: the date's Refined tables and what they hold."""

from dataclasses import dataclass

import duckdb

from datalake.dashboards.wording import listing
from datalake.shared.sql import sql_file


@dataclass(frozen=True)
class Context:
    con: duckdb.DuckDBPyConnection  # with a view per Refined table of the date
    date: str
    genres: str  # the configured genres, as words ("Crime and War")
    movies: int  # of those genres
    series: int
    has_tmdb: bool  # whether any title of those genres has TMDB data for the date

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, date: str, genres: tuple[str, ...]) -> "Context":
        ((movies, series, with_tmdb),) = rows(con, "title_counts")
        return cls(con, date, listing(list(genres)), movies, series, with_tmdb > 0)

    def rows(self, name: str, params: list | None = None) -> list[tuple]:
        return rows(self.con, name, params)

    def correlations(self, pairs: str) -> list[tuple]:
        """(outcome, predictor, titles, pearson, spearman) of the pairs `sql/<pairs>.sql` makes."""
        self.con.execute(sql_file("datalake.dashboards", pairs))
        return self.rows("correlations")

    def no_tmdb(self, needs: str) -> str:
        return f"No TMDB data for {self.date}: without {needs} this cannot be answered."


def rows(con: duckdb.DuckDBPyConnection, name: str, params: list | None = None) -> list[tuple]:
    """The rows of the dashboard query `sql/<name>.sql`."""
    return con.execute(sql_file("datalake.dashboards", name), params or []).fetchall()
