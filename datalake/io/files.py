"""Byte-for-byte copies of landing files into the lake: streamed, hashed, counted, verified."""

import hashlib
from typing import BinaryIO

from datalake.errors import DatalakeError
from datalake.io.handover import Copied, LandedFile
from datalake.storage import Storage

_CHUNK = 8 * 1024 * 1024


class PassThroughReader:
    """A reader over `source` that hashes and sizes what flows through it; subclasses look at each
    chunk before it is handed on (`_seen`, which may refuse it) and at the end (`_end`, once).

    Reads return exactly `size` bytes until the end: upload managers take a short read for the end.
    """

    def __init__(self, source: BinaryIO):
        self._source = source
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.last_byte = b""
        self.at_eof = False

    def read(self, size: int | None = -1) -> bytes:
        want = size if size is not None and size >= 0 else None
        parts, got = [], 0
        while want is None or got < want:
            chunk = self._source.read(_CHUNK if want is None else min(want - got, _CHUNK))
            if not chunk:
                break
            self._seen(chunk)
            self.sha256.update(chunk)
            self.size += len(chunk)
            self.last_byte = chunk[-1:]
            parts.append(chunk)
            got += len(chunk)
        if (want is None or got < want) and not self.at_eof:
            self.at_eof = True
            self._end()
        return b"".join(parts)

    def _seen(self, chunk: bytes) -> None:
        """A chunk about to be handed on (`size` does not count it yet)."""

    def _end(self) -> None:
        """The source is exhausted."""

    def _lines(self, newlines: int) -> int:
        """Lines of the file; a last line without a newline counts too."""
        return newlines + (1 if self.last_byte not in (b"", b"\n") else 0)


class _CountingReader(PassThroughReader):
    """Counts lines too, and refuses at the end a file other than the one its asset checked."""

    def __init__(self, source: BinaryIO, expected: LandedFile):
        super().__init__(source)
        self._expected = expected
        self.newlines = 0

    def _seen(self, chunk: bytes) -> None:
        self.newlines += chunk.count(b"\n")

    def _end(self) -> None:
        """Raised inside the upload, so the lake never publishes a file that is not the one checked."""
        expected = self._expected
        if (self.size, self.sha256.hexdigest()) != (expected.size, expected.sha256):
            raise DatalakeError(
                f"{expected.storage.uri(expected.key)} changed while it was being ingested "
                f"({expected.size:,} bytes when checked, {self.size:,} when copied): wait until it "
                "is completely written, then run again."
            )

    @property
    def lines(self) -> int:
        return self._lines(self.newlines)


def copy_landed(landed: LandedFile, lake: Storage, key: str) -> Copied:
    """Stream the landing file to `key`; a file that is not the one its asset checked (it grew or
    changed since) is refused before it replaces what `key` held."""
    where = landed.storage.uri(landed.key)
    try:
        with landed.storage.open_read(landed.key) as source:
            reader = _CountingReader(source, landed)
            lake.upload(reader, key)
    except FileNotFoundError:
        raise DatalakeError(
            f"Landing file {where} vanished during the run: land it again."
        ) from None
    except OSError as exc:
        raise DatalakeError(f"Could not copy {where} to {lake.uri(key)}: {exc}.") from exc
    stored = lake.info(key)
    if not reader.at_eof or stored is None or stored.size != reader.size:
        raise DatalakeError(
            f"{lake.uri(key)} holds {stored.size if stored else 0} bytes but {reader.size} were "
            "sent: the upload was cut short; run the partition again."
        )
    return Copied(lake.uri(key), reader.size, landed.sha256, reader.lines)
