"""The business questions as views: one plain SELECT per question (`sql/analysis/<name>.sql`)
over the Refined tables by name, so every reader (the catalog, the dashboard, another engine)
answers each question with the same statement."""

import re
from dataclasses import dataclass

import duckdb

from datalake.refined.tables import TABLES
from datalake.shared.sql import sql_file, sql_literal


@dataclass(frozen=True)
class Question:
    """A business question of the challenge, in Portuguese and English, and its view."""

    name: str
    pt: str
    en: str

    @property
    def description(self) -> str:
        return f"{self.en} / {self.pt}"

    def sql(self) -> str:
        return sql_file("datalake.refined", f"analysis/{self.name}")


QUESTIONS = (
    Question(
        "budget_vs_popularity",
        "Os filmes de maior orçamento são os mais populares no TMDB?",
        "Are the movies with the biggest budgets the most popular on TMDB?",
    ),
    Question(
        "acclaimed_people",
        "Quem (direção, criação, roteiro, elenco) está ligado a títulos bem avaliados no IMDb "
        "e no TMDB?",
        "Who (directors, creators, writers, actors) is tied to titles rated highly on both "
        "IMDb and TMDB?",
    ),
    Question(
        "runtime_by_period",
        "Como variam a duração dos filmes e os episódios por temporada das séries por ano e "
        "década?",
        "How do movie runtime and series episodes per season change by year and decade?",
    ),
    Question(
        "rating_vs_success",
        "Qual nota, IMDb ou TMDB, acompanha melhor o sucesso (receita, ROI, votos, temporadas, "
        "anos no ar)?",
        "Which rating, IMDb or TMDB, tracks success (revenue, ROI, votes, seasons, years "
        "running) more closely?",
    ),
    Question(
        "franchise_popularity",
        "Quais são as franquias mais populares?",
        "Which are the most popular franchises?",
    ),
    Question(
        "genre_popularity_by_decade",
        "Como varia a popularidade de cada gênero configurado por década?",
        "How does the popularity of each configured genre change by decade?",
    ),
)

_READ = re.compile(r"\b(FROM|JOIN)(\s+)([a-z_]+)\b", re.IGNORECASE)
_REFINED = frozenset(t.name for t in TABLES)


def qualified(sql: str, schema: str) -> str:
    """The statement with its reads of Refined tables qualified by `schema`: a DuckDB view
    resolves names when it is queried, against the reader's search path, not its own schema."""
    return _READ.sub(lambda m: f"{m[1]}{m[2]}{schema}.{m[3]}" if m[3] in _REFINED else m[0], sql)


def create_question_views(con: duckdb.DuckDBPyConnection, schema: str | None = None) -> None:
    """One view per question: temporary ones over the connection's Refined tables by name, or,
    with `schema`, persistent ones in that schema over the tables of schema `refined`."""
    for question in QUESTIONS:
        if schema is None:
            con.execute(f"CREATE OR REPLACE TEMP VIEW {question.name} AS {question.sql()}")
            continue
        view = f"{schema}.{question.name}"
        con.execute(f"CREATE OR REPLACE VIEW {view} AS {qualified(question.sql(), 'refined')}")
        con.execute(f"COMMENT ON VIEW {view} IS {sql_literal(question.description)}")
