"""Hostile landing files over a good partition: each is refused with one short line, nothing
hangs, and the good raw copy of the date stays byte for byte (raw and trusted never disagree)."""

import os
import threading
from pathlib import Path

import pytest

from datalake.errors import DatalakeError
from datalake.raw.landing import check_landed
from datalake.storage import LocalStorage, open_storage
from datalake.storage.layout import raw_csv_key
from datalake_tests.raw.helpers import ROWS, write_landing
from datalake_tests.raw.test_raw_assets import materialize_raw
from datalake_tests.trusted import corpus

DATE = "2022-05-02"
HEADER = corpus.MOVIES_HEADER.encode()
GOOD = (corpus.MOVIES_HEADER + "\n" + "\n".join(ROWS["movies"]) + "\n").encode()


def lines(*rows: str | bytes, end: bytes = b"\n") -> bytes:
    return HEADER + end + b"".join((r.encode() if isinstance(r, str) else r) + end for r in rows)


HOSTILE = {
    "header_only": (HEADER + b"\n", "holds its header and no data rows"),
    "header_only_crlf": (HEADER + b"\r\n\r\n", "holds its header and no data rows"),
    "latin1": (lines(corpus.CROCODILE.replace("Dundee", "Dundée").encode("latin-1")),
               "is not UTF-8 text (line 2)"),
    "mixed_endings": (lines(corpus.CROCODILE) + corpus.CROCODILE.encode() + b"\r\n",
                      "mixes line endings"),
    "long_line": (lines("x" * 3_000_000), "has a line over 2 MB (line 2)"),
    "uffff": (lines(corpus.CROCODILE.replace("Dundee", "Dun\uffffdee")), "never contains (line 2)"),
    "binary": (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 64, "not UTF-8"),
    "comma_delimited": (GOOD.replace(b"|", b","), "separated by ',', not '|'"),
    "single_100mb_line": (None, "no header line in its first 64 KiB"),
}  # fmt: skip


@pytest.fixture
def good_lake(tmp_path):
    """A lake whose 2022-05-02 raw movies copy is good; returns (lake uri, landing dir, bytes)."""
    landing = tmp_path / "landing"
    (landing).mkdir()
    (landing / "movies.csv").write_bytes(GOOD)
    write_landing(landing, "series", ROWS["series"])
    lake = str(tmp_path / "lake")
    assert materialize_raw(lake, str(landing)).success
    return lake, landing, open_storage(lake).read_bytes(raw_csv_key("movies", DATE))


def failure(result) -> str:
    assert not result.success
    [event] = [e for e in result.all_events if e.is_step_failure]
    error = event.step_failure_data.error
    while error.cause is not None and error.cls_name != "DatalakeError":
        error = error.cause
    return error.message.strip().removeprefix("datalake.errors.DatalakeError: ")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_never_replaces_a_good_raw_copy(good_lake, name):
    lake, landing, good = good_lake
    data, said = HOSTILE[name]
    target = landing / "movies.csv"
    if data is None:  # 100 MB and no newline, written sparse-free but fast
        with target.open("wb") as out:
            out.write(b"x" * (100 * 1024 * 1024))
    else:
        target.write_bytes(data)
    message = failure(materialize_raw(lake, str(landing)))
    assert said in message and "\n" not in message and len(message) < 300, message
    assert open_storage(lake).read_bytes(raw_csv_key("movies", DATE)) == good
    assert [p.name for p in Path(lake).rglob("*") if p.name.startswith(".tmp-")] == []


class GrowingWhileRead:
    """The landing directory as a writer still appending sees it: the file grows after the
    reader's first chunk (a real append to the real file)."""

    def __init__(self, folder: Path):
        self.inner = LocalStorage(folder)
        self.folder = folder

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def open_read(self, key):
        stream = self.inner.open_read(key)
        path, appended = self.folder / key, []

        class Appending:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                stream.close()

            def read(self, size=-1):
                chunk = stream.read(min(size, 64))  # small reads: the writer gets in between
                if chunk and not appended:
                    with path.open("ab") as out:
                        out.write(corpus.CROCODILE.encode() + b"\n")
                    appended.append(True)
                return chunk

        return Appending()


def test_a_file_still_growing_is_refused(tmp_path):
    landing = tmp_path / "landing"
    (landing).mkdir()
    (landing / "movies.csv").write_bytes(GOOD)
    with pytest.raises(DatalakeError, match="changed while it was read"):
        check_landed(GrowingWhileRead(landing), "movies")


def test_a_fifo_is_refused_without_blocking(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    os.mkfifo(landing / "movies.csv")
    outcome = []
    worker = threading.Thread(
        target=lambda: outcome.append(_refusal(lambda: check_landed(open_storage(str(landing)),
                                                                    "movies"))),
        daemon=True,
    )  # fmt: skip
    worker.start()
    worker.join(timeout=10)
    assert outcome and "is not a regular file (a FIFO" in outcome[0]


def _refusal(call) -> str:
    try:
        call()
    except DatalakeError as exc:
        return str(exc)
    return "not refused"


def test_a_symlink_out_of_the_landing_zone_says_so(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    (tmp_path / "secret.csv").write_bytes(GOOD)
    (landing / "movies.csv").symlink_to(tmp_path / "secret.csv")
    message = _refusal(lambda: check_landed(open_storage(str(landing)), "movies"))
    assert "is a symlink to" in message and "outside" in message and "copy the file" in message


def test_dot_dot_keys_are_refused(tmp_path):
    storage = LocalStorage(tmp_path / "root")
    (tmp_path / "root").mkdir()
    (tmp_path / "x.csv").write_bytes(b"x")
    for key in ("../x.csv", "a/../../x.csv"):
        assert "'..' is refused" in _refusal(lambda key=key: storage.read_bytes(key))
