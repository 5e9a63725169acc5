"""The synthetic Compass-format generator and the bundled sample: exact dialect, traps, determinism."""

import re
from pathlib import Path

import duckdb
import pytest

from datalake.errors import DatalakeError
from datalake.generate import generate
from datalake.settings import bundled_sample_dir
from datalake.shared.source_format import DELIMITER, HEADERS, NULL

SPECS = ("movies", "series")
ID = re.compile(r"tt\d{7,8}")
N_TITLE_COLS = {"movies": 8, "series": 9}  # columns before `generoArtista`


def _lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    assert b"\r" not in raw, "LF line endings only"
    assert raw.endswith(b"\n")
    return raw.decode("utf-8").split("\n")[:-1]


def _rows(path: Path, spec: str) -> list[list[str]]:
    """Data rows split on the delimiter, after checking the header and every line's field count."""
    lines = _lines(path)
    assert lines[0] == DELIMITER.join(HEADERS[spec])
    width = len(HEADERS[spec])
    rows = [line.split(DELIMITER) for line in lines[1:]]
    bad = [i for i, r in enumerate(rows, start=2) if len(r) != width]
    assert not bad, f"{path.name}: lines with a wrong field count: {bad[:5]}"
    return rows


def _duckdb_count(path: Path) -> int:
    """Rows as the lake's strict reader sees them (no quoting, no escape, `\\N` null)."""
    sql = (
        "select count(*) from read_csv(?, delim='|', quote='', escape='', nullstr='\\N', "
        "header=true, all_varchar=true, strict_mode=true)"
    )
    return duckdb.connect().execute(sql, [str(path)]).fetchone()[0]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    result = generate(out, movies=6_000, series=3_001, seed=7)
    return out, result


def test_exact_header_and_field_counts(generated):
    out, result = generated
    for spec in SPECS:
        path = out / f"{spec}.csv"
        assert result[spec]["path"] == path
        assert result[spec]["bytes"] == path.stat().st_size
        rows = _rows(path, spec)
        assert len(rows) == result[spec]["rows"]
        assert _duckdb_count(path) == len(rows)


def test_row_counts_are_exact(generated, tmp_path):
    out, _result = generated
    assert len(_rows(out / "movies.csv", "movies")) == 6_000
    assert len(_rows(out / "series.csv", "series")) == 3_001
    small = generate(tmp_path, movies=1, series=0, seed=3)
    assert len(_rows(tmp_path / "movies.csv", "movies")) == 1 == small["movies"]["rows"]
    assert _lines(tmp_path / "series.csv") == [DELIMITER.join(HEADERS["series"])]
    assert small["series"]["titles"] == 0


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    a, b, c = (generate(tmp_path / n, movies=2_000, series=900, seed=s) for n, s in
               (("a", 1), ("b", 1), ("c", 2)))  # fmt: skip
    for spec in SPECS:
        same = a[spec]["path"].read_bytes()
        assert same == b[spec]["path"].read_bytes()
        assert same != c[spec]["path"].read_bytes()
        assert a[spec]["titles"] == b[spec]["titles"]


def test_traps_present(generated):
    out, _ = generated
    movies = _rows(out / "movies.csv", "movies")
    series = _rows(out / "series.csv", "series")
    for rows in (movies, series):
        assert any(r[1].startswith('"') for r in rows), 'a title starting with "'
        assert any("," in r[1] for r in rows), "a title with a comma"
        assert any(NULL in r for r in rows), "a \\N value"
        assert any(not r[1].isascii() or not r[2].isascii() for r in rows), "non-ASCII titles"
        assert any(r[-2] == "" for r in rows), "an empty profissao string"
        assert any(r[-3] == NULL for r in rows), "a \\N anoFalecimento"
        assert not any(v == "" for r in rows for v in r[:-2]), "only profissao may be empty"
    assert any(r[4] == NULL for r in series), "a series still running"
    ended = [r for r in series if r[4] != NULL]
    assert ended and all(int(r[4]) >= int(r[3]) for r in ended)


def test_ids_well_formed_and_disjoint(generated):
    out, _ = generated
    ids = {}
    for spec in SPECS:
        rows = _rows(out / f"{spec}.csv", spec)
        ids[spec] = {r[0] for r in rows}
        assert all(ID.fullmatch(i) for i in ids[spec])
        for r in rows:
            if r[-1] != NULL:
                assert all(ID.fullmatch(t) for t in r[-1].split(",")), r[-1]
    assert not ids["movies"] & ids["series"]


def test_title_columns_repeat_per_artist(generated):
    out, _ = generated
    for spec in SPECS:
        rows = _rows(out / f"{spec}.csv", spec)
        k = N_TITLE_COLS[spec]
        by_id: dict[str, list[list[str]]] = {}
        for r in rows:
            by_id.setdefault(r[0], []).append(r)
        multi = [group for group in by_id.values() if len(group) > 1]
        assert len(multi) > len(by_id) // 2, "most titles have several principals"
        for group in by_id.values():
            assert len({tuple(r[:k]) for r in group}) == 1, "title columns identical per id"
        # A title's rows are contiguous, as in the real files.
        seen, prev = set(), None
        for r in rows:
            if r[0] != prev:
                assert r[0] not in seen
                seen.add(r[0])
                prev = r[0]


def test_rejects_bad_arguments(tmp_path):
    for kwargs in ({"movies": -1, "series": 0}, {"movies": 1.5, "series": 0},
                   {"movies": True, "series": 0}):  # fmt: skip
        with pytest.raises(DatalakeError):
            generate(tmp_path, **kwargs)
    with pytest.raises(DatalakeError):
        generate(tmp_path, movies=1, series=1, seed="x")


# --- the bundled sample ---------------------------------------------------------------------


@pytest.mark.parametrize("spec", SPECS)
def test_sample_dialect(spec):
    path = Path(bundled_sample_dir()) / f"{spec}.csv"
    rows = _rows(path, spec)
    assert 200 <= len(rows) <= 600
    assert _duckdb_count(path) == len(rows)
    ids = {r[0] for r in rows}
    assert all(ID.fullmatch(i) for i in ids)
    assert len(ids) >= 50
    k = N_TITLE_COLS[spec]
    for i in ids:
        assert len({tuple(r[:k]) for r in rows if r[0] == i}) == 1, i
    genres = {g for r in rows for g in r[5 if spec == "movies" else 6].split(",")}
    assert {"Crime", "War"} <= genres
    assert any(r[-2] == "" for r in rows), "an empty profissao string"
    assert any(not r[1].isascii() or not r[2].isascii() for r in rows)
    assert {r[k] for r in rows} <= {"actor", "actress", "director", "writer", "producer"}


def test_sample_ids_unique_across_files_and_known_titles():
    rows = {s: _rows(Path(bundled_sample_dir()) / f"{s}.csv", s) for s in SPECS}
    movie_ids = {r[0] for r in rows["movies"]}
    series_ids = {r[0] for r in rows["series"]}
    assert not movie_ids & series_ids
    titles = {r[0]: r[1] for r in rows["movies"]} | {r[0]: r[1] for r in rows["series"]}
    assert titles["tt0068646"] == "The Godfather"
    assert titles["tt0090555"] == '"Crocodile" Dundee'
    assert titles["tt0903747"] == "Breaking Bad"
    assert any(r[4] == NULL for r in rows["series"]), "a series still running"
