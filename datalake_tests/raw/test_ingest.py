import hashlib

import pytest

from datalake.errors import DatalakeError
from datalake.io.files import copy_landed
from datalake.raw.landing import check_landed, ingest_landed
from datalake.shared.source_format import HEADERS
from datalake.storage import open_storage
from datalake.storage.layout import raw_csv_key
from datalake_tests.raw.helpers import ROWS, write_landing


def ingest_csv(landing, lake, spec, date):
    """What materialising raw/local/<spec> does: one pass checks, hashes and copies the file."""
    copied, landed = ingest_landed(landing, spec, lake, raw_csv_key(spec, date))
    assert landed.sha256 == copied.sha256 and landed.size == copied.size
    return copied


@pytest.fixture(params=["local", "s3"])
def lake(request, tmp_path):
    if request.param == "local":
        return open_storage(str(tmp_path / "lake"))
    return open_storage(request.getfixturevalue("s3_bucket"))


@pytest.mark.parametrize("spec", ["movies", "series"])
def test_round_trip_is_byte_identical(lake, tmp_path, spec):
    source = write_landing(tmp_path / "landing", spec, ROWS[spec])
    result = ingest_csv(open_storage(str(tmp_path / "landing")), lake, spec, "2022-05-02")
    assert result.uri == lake.uri(raw_csv_key(spec, "2022-05-02"))
    assert lake.read_bytes(raw_csv_key(spec, "2022-05-02")) == source.read_bytes()
    assert result.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert result.size == source.stat().st_size
    assert result.lines == len(ROWS[spec]) + 1


def test_rerun_replaces_with_the_same_bytes(lake, tmp_path):
    landing = open_storage(str(tmp_path / "landing"))
    source = write_landing(tmp_path / "landing", "movies", ROWS["movies"])
    first = ingest_csv(landing, lake, "movies", "2022-05-02")
    second = ingest_csv(landing, lake, "movies", "2022-05-02")
    assert first.sha256 == second.sha256
    assert lake.list_keys("Raw/") == [raw_csv_key("movies", "2022-05-02")]
    assert lake.read_bytes(raw_csv_key("movies", "2022-05-02")) == source.read_bytes()


def test_s3_landing_to_local_lake(s3_bucket, tmp_path):
    landing = open_storage(s3_bucket + "/landing")
    body = write_landing(tmp_path / "src", "series", ROWS["series"]).read_bytes()
    landing.write_bytes("series.csv", body)
    lake = open_storage(str(tmp_path / "lake"))
    result = ingest_csv(landing, lake, "series", "2023-10-31")
    assert lake.read_bytes("Raw/Local/CSV/Series/2023/10/31/series.csv") == body
    assert result.lines == 3


def test_wrong_header_names_the_file_and_columns_and_writes_nothing(lake, tmp_path):
    header = "|".join(HEADERS["movies"]).replace("tituloPincipal", "tituloPrincipal")
    write_landing(tmp_path / "landing", "movies", ROWS["movies"], header=header)
    with pytest.raises(DatalakeError) as error:
        ingest_csv(open_storage(str(tmp_path / "landing")), lake, "movies", "2022-05-02")
    message = str(error.value)
    assert "movies.csv" in message
    assert "tituloPincipal" in message and "tituloPrincipal" in message
    assert lake.list_keys("") == []


def test_series_header_on_movies_is_refused(lake, tmp_path):
    write_landing(
        tmp_path / "landing", "movies", ROWS["series"], header="|".join(HEADERS["series"])
    )
    with pytest.raises(DatalakeError, match="anoTermino"):
        ingest_csv(open_storage(str(tmp_path / "landing")), lake, "movies", "2022-05-02")


def test_missing_file_says_where_and_what_to_do(lake, tmp_path):
    (tmp_path / "landing").mkdir()
    with pytest.raises(DatalakeError, match=r"missing.*DATALAKE_LANDING"):
        ingest_csv(open_storage(str(tmp_path / "landing")), lake, "series", "2022-05-02")
    assert lake.list_keys("") == []


def test_empty_file_is_refused(lake, tmp_path):
    (tmp_path / "landing").mkdir()
    (tmp_path / "landing" / "movies.csv").write_bytes(b"")
    with pytest.raises(DatalakeError, match="empty"):
        ingest_csv(open_storage(str(tmp_path / "landing")), lake, "movies", "2022-05-02")
    assert lake.list_keys("") == []


def test_binary_file_is_refused(lake, tmp_path):
    (tmp_path / "landing").mkdir()
    (tmp_path / "landing" / "movies.csv").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe" * 100)
    with pytest.raises(DatalakeError, match=r"movies\.csv"):
        ingest_csv(open_storage(str(tmp_path / "landing")), lake, "movies", "2022-05-02")
    assert lake.list_keys("") == []


def test_bom_and_crlf_are_kept_byte_for_byte(lake, tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    body = ("\ufeff" + "|".join(HEADERS["movies"]) + "\r\n" + ROWS["movies"][0] + "\r\n").encode()
    (landing / "movies.csv").write_bytes(body)
    ingest_csv(open_storage(str(landing)), lake, "movies", "2022-05-02")
    assert lake.read_bytes(raw_csv_key("movies", "2022-05-02")) == body


def test_unreadable_landing_file_is_a_clear_error(lake, tmp_path):
    (tmp_path / "landing" / "movies.csv").mkdir(parents=True)
    with pytest.raises(DatalakeError, match=r"movies\.csv is not a regular file"):
        ingest_csv(open_storage(str(tmp_path / "landing")), lake, "movies", "2022-05-02")
    assert lake.list_keys("") == []


def test_multipart_sized_file_is_copied_whole(lake, tmp_path):
    # Larger than the 16 MiB multipart threshold and than the header read-ahead: several parts.
    row = ROWS["movies"][1]
    rows = [row] * (40 * 1024 * 1024 // len(row))
    source = write_landing(tmp_path / "landing", "movies", rows)
    result = ingest_csv(open_storage(str(tmp_path / "landing")), lake, "movies", "2022-05-02")
    assert result.size == source.stat().st_size
    assert result.lines == len(rows) + 1
    digest = hashlib.sha256()
    with lake.open_read(raw_csv_key("movies", "2022-05-02")) as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    assert digest.hexdigest() == hashlib.sha256(source.read_bytes()).hexdigest() == result.sha256


def test_a_file_that_changed_since_its_check_is_refused_and_the_good_copy_kept(lake, tmp_path):
    landing = open_storage(str(tmp_path / "landing"))
    good = write_landing(tmp_path / "landing", "movies", ROWS["movies"]).read_bytes()
    ingest_csv(landing, lake, "movies", "2022-05-02")
    checked = check_landed(landing, "movies")
    with (tmp_path / "landing" / "movies.csv").open("ab") as still_written:
        still_written.write(ROWS["movies"][0].encode() + b"\n")
    with pytest.raises(DatalakeError, match="changed while it was being ingested"):
        copy_landed(checked, lake, raw_csv_key("movies", "2022-05-02"))
    assert lake.list_keys("Raw/") == [raw_csv_key("movies", "2022-05-02")]
    assert lake.read_bytes(raw_csv_key("movies", "2022-05-02")) == good


def test_a_bad_byte_past_the_first_part_is_refused_inside_the_copy_and_the_good_copy_kept(
    lake, tmp_path
):
    # The one pass copies while it checks: a refusal found 20 MiB in (past a multipart part on
    # S3) must still leave the key with the earlier good copy, not a half or bad one.
    landing = open_storage(str(tmp_path / "landing"))
    good = write_landing(tmp_path / "landing", "movies", ROWS["movies"]).read_bytes()
    ingest_csv(landing, lake, "movies", "2022-05-02")
    rows = ROWS["movies"] * (20 * 1024 * 1024 // len(ROWS["movies"][0]) // 3 + 1)
    path = write_landing(tmp_path / "landing", "movies", rows)
    with path.open("ab") as out:
        out.write(b"tt1|\xff\xfe not text\n")
    with pytest.raises(DatalakeError, match="is not UTF-8 text"):
        ingest_csv(landing, lake, "movies", "2022-05-02")
    assert lake.list_keys("Raw/") == [raw_csv_key("movies", "2022-05-02")]
    assert lake.read_bytes(raw_csv_key("movies", "2022-05-02")) == good
