"""Copy a landing file into the Raw zone byte for byte, streaming, checking its header first."""

import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from datalake.errors import DatalakeError
from datalake.raw.source_format import DELIMITER, HEADERS, file_name
from datalake.storage import Storage
from datalake.storage.layout import Spec, raw_csv_key

_BOM = b"\xef\xbb\xbf"
_MAX_HEADER = 64 * 1024
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class IngestResult:
    key: str
    uri: str
    size: int
    sha256: str
    data_rows: int
    header: tuple[str, ...]


class _CountingReader:
    """A pass-through reader that hashes, sizes and counts lines of what flows through it.

    It starts with the header bytes already read, so the upload sees the file from byte 0. Reads
    return exactly `size` bytes until the end: upload managers take a short read for the end.
    """

    def __init__(self, source: BinaryIO, already_read: bytes):
        self._source = source
        self._pending = already_read
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.newlines = 0
        self.last_byte = b""
        self.at_eof = False

    def read(self, size: int = -1) -> bytes:
        want = size if size is not None and size >= 0 else float("inf")
        parts, got = [], 0
        if self._pending:
            take = self._pending if want == float("inf") else self._pending[: int(want)]
            self._pending = self._pending[len(take) :]
            parts.append(take)
            got = len(take)
        while got < want:
            chunk = self._source.read(int(min(want - got, _CHUNK)))
            if not chunk:
                self.at_eof = True
                break
            parts.append(chunk)
            got += len(chunk)
        data = b"".join(parts)
        self._count(data)
        return data

    def _count(self, data: bytes) -> None:
        if data:
            self.sha256.update(data)
            self.size += len(data)
            self.newlines += data.count(b"\n")
            self.last_byte = data[-1:]

    @property
    def lines(self) -> int:
        """Lines in the file: a last line without a newline counts too."""
        return self.newlines + (1 if self.last_byte not in (b"", b"\n") else 0)


def _read_header(source: BinaryIO, where: str) -> bytes:
    """Read up to the end of the first line (the header); the bytes are handed on to the copy."""
    head = b""
    while b"\n" not in head and len(head) < _MAX_HEADER:
        chunk = source.read(64 * 1024)
        if not chunk:
            break
        head += chunk
    if not head:
        raise DatalakeError(f"{where} is empty: land the complete export there and run again.")
    return head


def check_header(head: bytes, spec: Spec, where: str) -> tuple[str, ...]:
    """The header must be exactly the challenge's (a UTF-8 BOM and CRLF are tolerated)."""
    line = head.split(b"\n", 1)[0].removeprefix(_BOM).rstrip(b"\r")
    try:
        found = tuple(line.decode("utf-8").split(DELIMITER))
    except UnicodeDecodeError:
        raise DatalakeError(
            f"{where}: the header is not UTF-8 text; is this really the {spec} CSV export?"
        ) from None
    expected = HEADERS[spec]
    if found != expected:
        missing = [c for c in expected if c not in found]
        unexpected = [c for c in found if c not in expected]
        detail = f"missing {missing}, unexpected {unexpected}" if missing or unexpected else (
            "same columns in another order"
        )
        raise DatalakeError(
            f"{where}: header does not match the {spec} export ({detail}); "
            f"expected {DELIMITER.join(expected)!r}. Land the original file and run again."
        )
    return found


def ingest_csv(landing: Storage, lake: Storage, spec: Spec, partition_key: str) -> IngestResult:
    """Stream `landing/<spec>.csv` to its Raw key; nothing is written unless the header is right."""
    key = raw_csv_key(spec, partition_key)
    name = file_name(spec)
    where = landing.uri(name)
    try:
        with landing.open_read(name) as source:
            head = _read_header(source, where)
            header = check_header(head, spec, where)
            reader = _CountingReader(source, head)
            lake.upload(reader, key)
    except FileNotFoundError:
        raise DatalakeError(
            f"Landing file {where} is missing: copy {name} there or set DATALAKE_LANDING."
        ) from None
    except OSError as exc:
        raise DatalakeError(f"Could not copy {where} to {lake.uri(key)}: {exc}.") from exc
    stored = lake.info(key)
    if not reader.at_eof or stored is None or stored.size != reader.size:
        raise DatalakeError(
            f"{lake.uri(key)} holds {stored.size if stored else 0} bytes but {reader.size} were "
            "sent: the upload was cut short; run the partition again."
        )
    return IngestResult(
        key=key,
        uri=lake.uri(key),
        size=reader.size,
        sha256=reader.sha256.hexdigest(),
        data_rows=max(reader.lines - 1, 0),
        header=header,
    )
