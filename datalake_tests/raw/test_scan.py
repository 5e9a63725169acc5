"""The landing scan gives one verdict whatever the chunks its bytes arrive in."""

import pytest

from datalake.errors import DatalakeError
from datalake.raw.scan import MAX_LINE, LandingScan

HEADER = b"id|title\n"
ROW = b"tt0000001|A title\n"


def verdict(data: bytes, chunk: int) -> str:
    scan = LandingScan("movies.csv")
    try:
        for at in range(0, len(data), chunk):
            scan.feed(data[at : at + chunk])
        scan.finish()
    except DatalakeError as error:
        return str(error)
    return "accepted"


def body(*middle: bytes, rows: int = 100_000) -> bytes:
    """Many short rows, then `middle`, then short rows again (line 2 is the first row)."""
    return HEADER + ROW * rows + b"".join(middle) + ROW * rows


CHUNKS = (1 << 30, 8 * 1024 * 1024, 1_048_573, 4099)
CASES = {
    "short lines": (body(), "accepted"),
    "longest allowed line": (body(b"x" * MAX_LINE + b"\n"), "accepted"),
    "line over 2 MB": (body(b"x" * (MAX_LINE + 1) + b"\n"), "has a line over 2 MB (line 100,002)"),
    "long first line": (HEADER + b"x" * (3 * MAX_LINE) + b"\n" + ROW, "over 2 MB (line 2)"),
    "long last line": (HEADER + ROW + b"x" * (MAX_LINE + 5), "over 2 MB (line 3)"),
    "CRLF only": (body().replace(b"\n", b"\r\n"), "accepted"),
    "a lone CR": (body(b"tt0000002|x\r"), "mixes line endings"),
    "CRLF among LF": (body(b"tt0000002|x\r\n"), "mixes line endings"),
    "U+FFFF": (body("tt0000002|a\uffffb\n".encode()), "never contains (line 100,002)"),
    "not UTF-8": (body("tt0000002|Dundée\n".encode("latin-1")), "not UTF-8 text (line 100,002)"),
    "header only": (HEADER, "no data rows"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_every_chunking_gives_the_same_verdict(name):
    data, expected = CASES[name]
    for chunk in CHUNKS:
        assert expected in verdict(data, chunk), (name, chunk)


def test_a_sequence_split_between_two_chunks_is_seen():
    for cut in (1, 2):  # every place the boundary can fall inside the 3-byte sequence
        data = HEADER + ROW + b"tt0000002|a" + "\uffff".encode() + b"b\n"
        at = data.index("\uffff".encode()) + cut
        scan = LandingScan("movies.csv")
        scan.feed(data[:at])
        with pytest.raises(DatalakeError, match=r"never contains \(line 3\)"):
            scan.feed(data[at:])
    crlf = (HEADER + ROW).replace(b"\n", b"\r\n")
    for at in range(1, len(crlf)):
        scan = LandingScan("movies.csv")
        scan.feed(crlf[:at])
        scan.feed(crlf[at:])
        scan.finish()  # no "mixes line endings": each CRLF counted once, wherever it was cut
