"""Which titles a date's raw CSV offers for enrichment."""

import duckdb

from datalake.raw.tmdb_titles import csv_titles

HEADER = (
    "id|tituloPincipal|tituloOriginal|anoLancamento|tempoMinutos|genero|notaMedia|numeroVotos|"
    "generoArtista|personagem|nomeArtista|anoNascimento|anoFalecimento|profissao|"
    "titulosMaisConhecidos"
)


def row(title_id: str, genres: str, votes: int) -> str:
    return f"{title_id}|T|T|1990|100|{genres}|7.0|{votes}|actor|x|A B|1950|\\N|actor|{title_id}"


def test_lines_trusted_refuses_are_skipped_and_the_rest_ordered_by_votes(tmp_path):
    lines = [
        HEADER,
        row("tt0000001", "Crime,Drama", 10),
        "tt0000002|Too few|fields|1990|100|Crime",
        row("tt0000003", "War", 20) + "|an extra field",
        row("tt0000004", "War", 30),
        row("tt0000005", "Comedy", 40),
        row("tt0000001", "Crime,Drama", 10),  # a second principal artist of the same title
    ]
    path = tmp_path / "movies.csv"
    path.write_text("\n".join(lines) + "\n")
    titles = csv_titles(duckdb.connect(), str(path), ["Crime", "War"])
    assert titles == ["tt0000004", "tt0000001"]
