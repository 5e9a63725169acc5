"""The CSV transform on its own: hostile lines, exact text, line numbers and unreadable files."""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from datalake.errors import DatalakeError
from datalake.generate import generate
from datalake.storage import LocalStorage
from datalake.trusted.csv_source import check_source, unreadable
from datalake.trusted.csv_transform import csv_transform, transform_csv
from datalake_tests.engines.runs import ENGINES, engine_run, write
from datalake_tests.trusted import corpus


def _transform(tmp_path: Path, data: bytes, spec: str = "movies", engine: str = "duckdb"):
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / f"{spec}.csv"
    source.write_bytes(data)
    with engine_run(engine, csv_transform(str(source), spec), tmp_path / "lake") as run:
        tables = transform_csv(run, str(source), spec)
        trusted = write(tables.trusted, tmp_path / "trusted.parquet")
        (trusted_rows,) = duckdb.sql(
            "SELECT count(*) FROM read_parquet(?)", params=[trusted]
        ).fetchall()[0]
        rejected = write(tables.rejected(trusted_rows), tmp_path / "rejected.parquet")
        (rejected_rows,) = duckdb.sql(
            "SELECT count(*) FROM read_parquet(?)", params=[rejected]
        ).fetchall()[0]
        counts = CsvCounts(tables.data_rows, trusted_rows, rejected_rows, tables.duplicate_rows)
        return counts, trusted, rejected


@dataclass(frozen=True)
class CsvCounts:
    data_rows: int
    trusted_rows: int
    rejected_rows: int
    duplicate_rows: int


def _run(tmp_path: Path, data: bytes, spec: str = "movies", engine: str = "duckdb"):
    counts, trusted, rejected = _transform(tmp_path, data, spec, engine)
    return counts, _rows(trusted), _rows(rejected)


def _rows(path: str) -> list[dict]:
    relation = duckdb.sql("SELECT * FROM read_parquet(?)", params=[path])
    return [dict(zip(relation.columns, row, strict=False)) for row in relation.fetchall()]


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_movies_are_typed_quarantined_and_reconciled(tmp_path, engine):
    counts, trusted, rejected = _run(tmp_path, corpus.movies_csv(), engine=engine)

    assert sorted(row["title_id"] for row in trusted) == sorted(corpus.MOVIE_TRUSTED_IDS)
    assert {r["line_number"]: r["reason"] for r in rejected}.keys() == corpus.MOVIE_REJECTS.keys()
    for reject in rejected:
        for fragment in corpus.MOVIE_REJECTS[reject["line_number"]]:
            assert fragment in reject["reason"]
        assert reject["line"] == corpus.MOVIE_LINES[reject["line_number"] - 2]
    assert counts.data_rows == sum(line is not None for line in corpus.MOVIE_LINES)
    assert counts.duplicate_rows == corpus.MOVIE_DUPLICATES
    assert counts.data_rows == len(trusted) + len(rejected) + counts.duplicate_rows


@pytest.mark.parametrize("engine", ENGINES)
def test_text_passes_through_exactly_and_values_are_typed(tmp_path, engine):
    _, trusted, _ = _run(tmp_path, corpus.movies_csv(), engine=engine)
    by_id = {row["title_id"]: row for row in trusted}

    crocodile = by_id["tt0090555"]
    assert crocodile["primary_title"] == '"Crocodile" Dundee'
    assert (crocodile["release_year"], crocodile["runtime_minutes"]) == (1986, 97)
    assert (crocodile["average_rating"], crocodile["num_votes"]) == (Decimal("6.5"), 100000)
    assert crocodile["genres"] == ["Adventure", "Comedy"]
    assert crocodile["known_for_titles"] == ["tt0090555", "tt0092493"]
    assert crocodile["death_year"] is None
    grave = by_id["tt0095327"]
    assert grave["primary_title"] == "火垂るの墓"
    assert grave["professions"] is None and grave["known_for_titles"] is None
    lenin = by_id["tt0301357"]
    assert lenin["primary_title"] == "Goodbye, Lenin"
    assert lenin["original_title"] == "Good Bye, Lenin!"
    assert lenin["artist_name"] == "Katrin Saß"
    assert set(by_id["tt0000001"].values()) == {"tt0000001", None}


def test_surrounding_whitespace_is_trimmed(tmp_path):
    _, trusted, _ = _run(tmp_path, corpus.movies_csv())
    city = next(row for row in trusted if row["title_id"] == "tt0317248")
    assert (city["primary_title"], city["original_title"]) == ("Cidade de Deus", "Cidade de Deus")
    assert (city["release_year"], city["average_rating"]) == (2002, Decimal("8.6"))


@pytest.mark.parametrize("engine", ENGINES)
def test_series_keep_their_end_year(tmp_path, engine):
    counts, trusted, rejected = _run(tmp_path, corpus.series_csv(), "series", engine)
    end_years = sorted((r["title_id"], r["end_year"]) for r in trusted)
    assert end_years == [("tt0903747", 2013), ("tt2707408", None)]
    assert [r["line_number"] for r in rejected] == list(corpus.SERIES_REJECTS)
    assert corpus.SERIES_REJECTS[4][0] in rejected[0]["reason"]
    assert counts.data_rows == len(trusted) + len(rejected) + counts.duplicate_rows


@pytest.mark.parametrize("bom, newline", [(False, "\n"), (True, "\n"), (False, "\r\n")])
def test_line_endings_and_bom_do_not_change_the_result(tmp_path, bom, newline):
    data = corpus.csv_bytes(corpus.MOVIES_HEADER, corpus.MOVIE_LINES, bom=bom, newline=newline)
    _, trusted, rejected = _run(tmp_path, data)
    _, expected_trusted, expected_rejected = _run(tmp_path / "ref", corpus.movies_csv())
    assert sorted(map(repr, trusted)) == sorted(map(repr, expected_trusted))
    assert rejected == expected_rejected


@pytest.mark.parametrize("engine", ENGINES)
def test_a_file_with_only_its_header_gives_empty_typed_tables(tmp_path, engine):
    header_only = corpus.csv_bytes(corpus.MOVIES_HEADER, [])
    counts, trusted_path, rejected_path = _transform(tmp_path, header_only, engine=engine)
    assert (counts.data_rows, counts.trusted_rows, counts.rejected_rows) == (0, 0, 0)
    described = duckdb.sql("DESCRIBE SELECT * FROM read_parquet(?)", params=[trusted_path])
    assert [row[:2] for row in described.fetchall()][:4] == [
        ("title_id", "VARCHAR"), ("primary_title", "VARCHAR"), ("original_title", "VARCHAR"),
        ("release_year", "SMALLINT"),
    ]  # fmt: skip
    assert _rows(rejected_path) == []


def test_line_numbers_hold_across_parallel_read_buffers(tmp_path):
    # ~45 MB: DuckDB reads it in several buffers on several threads.
    path = generate(tmp_path / "gen", movies=290_000, series=0)["movies"]["path"]
    lines = path.read_bytes().split(b"\n")
    bad = [2, 150_001, 290_001]  # line numbers (line 1 is the header)
    for number in bad:
        lines[number - 1] = lines[number - 1].replace(b"|", b"|19x4|", 1)
    counts, _, rejected = _transform(tmp_path, b"\n".join(lines))
    assert [(r["line_number"], r["line"].encode()) for r in _rows(rejected)] == [
        (n, lines[n - 1]) for n in bad
    ]
    assert counts.trusted_rows == 290_000 - len(bad)


def _refused(tmp_path: Path, data: bytes) -> str:
    source = tmp_path / "movies.csv"
    source.write_bytes(data)
    with pytest.raises(DatalakeError) as error:
        check_source(LocalStorage(tmp_path), "movies.csv", "movies")
        try:
            with engine_run(
                "duckdb", csv_transform(str(source), "movies"), tmp_path / "lake"
            ) as run:
                transform_csv(run, str(source), "movies")
        except duckdb.Error as exc:  # what the asset does with the engine's reading errors
            raise unreadable(str(source), exc) from None
    assert "movies.csv" in str(error.value) and "\n" not in str(error.value)
    return str(error.value)


def _lines(*lines: str, newline: str = "\n") -> bytes:
    return corpus.csv_bytes(corpus.MOVIES_HEADER, list(lines), newline=newline)


GZIP = b"\x1f\x8b\x08\x00" + bytes(range(256)) * 64
LATIN1 = corpus.movies_csv() + corpus.CROCODILE.replace("Dundee", "Dundée").encode("latin-1")
MIXED = _lines(*corpus.MOVIE_LINES[:2]) + corpus.CROCODILE.encode() + b"\r\n"


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "is empty"),
        (GZIP, "not UTF-8"),
        (corpus.movies_csv().replace(b"|", b","), "header does not match"),
        (corpus.movies_csv().replace(b"tituloPincipal", b"tituloPrincipal"), "tituloPrincipal"),
        (_lines(*(line.replace("|", ";") for line in corpus.MOVIE_LINES if line)),
         "none of its 12 data lines has 15 '|'-separated fields"),
        (LATIN1, f"is not UTF-8 text (line {len(corpus.MOVIE_LINES) + 3})"),  # after a blank
        (MIXED, "mixes line endings"),
        (_lines("x" * 3_000_000), "has a line over 2 MB (line 2)"),
        (_lines(corpus.CROCODILE.replace("Dundee", "Dun\uffffdee")), "never contains (line 2)"),
    ],
    ids=["empty", "binary", "commas", "header", "semicolons", "latin1", "mixed", "long", "uffff"],
)  # fmt: skip
def test_an_unreadable_file_is_refused_with_one_clear_line(tmp_path, data, expected):
    assert expected in _refused(tmp_path, data)
