"""Landing files into the Raw zone in one pass: checked (present, whole, the export's), hashed,
counted and copied together, so a file is read once however large it is."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from datalake.errors import DatalakeError
from datalake.io.files import PassThroughReader
from datalake.io.handover import Copied, LandedFile
from datalake.raw.scan import LandingScan
from datalake.shared.source_format import check_header, file_name
from datalake.storage import Storage
from datalake.storage.base import ObjectInfo
from datalake.storage.layout import Spec

_CHUNK = 8 * 1024 * 1024
_MAX_HEADER = 64 * 1024


class _CheckingReader(PassThroughReader):
    """A pass-through reader over `landing/<spec>.csv` that checks, hashes and counts what flows
    through it, and raises the first reason to refuse the file: the header as soon as it is read,
    the rest at the end. An upload reading through it fails before it publishes a refused file.
    """

    def __init__(self, landing: Storage, spec: Spec, source: BinaryIO, before: ObjectInfo | None):
        super().__init__(source)
        self._landing, self._spec, self._before = landing, spec, before
        self.where = landing.uri(file_name(spec))
        self._scan = LandingScan(self.where)
        self._head = b""

    def _seen(self, chunk: bytes) -> None:
        if self.size < _MAX_HEADER:
            self._head += chunk[: _MAX_HEADER - self.size]
            if len(self._head) >= _MAX_HEADER or b"\n" in self._head:
                check_header(self._head, self._spec, self.where)  # refuse garbage before the rest
        self._scan.feed(chunk)

    def _end(self) -> None:
        if not self.size:
            raise DatalakeError(
                f"{self.where} is empty: land the complete export there and run again."
            )
        after = self._landing.info(file_name(self._spec))
        if self._before != after or (after is not None and after.size != self.size):
            raise DatalakeError(
                f"{self.where} changed while it was read (still being written?): run again once "
                "it is completely written (nothing was replaced)."
            )
        check_header(self._head, self._spec, self.where)
        self._scan.finish()

    @property
    def lines(self) -> int:
        return self._lines(self._scan.newlines)

    def landed(self) -> LandedFile:
        return LandedFile(self._landing, file_name(self._spec), self.sha256.hexdigest(), self.size)


@contextmanager
def _reading(landing: Storage, spec: Spec) -> Iterator[_CheckingReader]:
    name = file_name(spec)
    try:
        before = landing.info(name)
        with landing.open_read(name) as source:
            yield _CheckingReader(landing, spec, source, before)
    except FileNotFoundError:
        raise DatalakeError(
            f"Landing file {landing.uri(name)} is missing: copy {name} there or set "
            "DATALAKE_LANDING."
        ) from None
    except OSError as exc:
        raise DatalakeError(f"Could not read {landing.uri(name)}: {exc.strerror or exc}.") from None


def check_landed(landing: Storage, spec: Spec) -> LandedFile:
    """Read `landing/<spec>.csv` once: refuse it unless it is a whole export (its header, data
    rows, readable text) that did not change while read; hash it."""
    with _reading(landing, spec) as reader:
        try:
            while reader.read(_CHUNK):
                pass
        except OSError as exc:
            raise DatalakeError(f"Could not read {reader.where}: {exc.strerror or exc}.") from None
        return reader.landed()


def ingest_landed(
    landing: Storage, spec: Spec, lake: Storage, key: str
) -> tuple[Copied, LandedFile]:
    """Copy `landing/<spec>.csv` to `key` byte for byte while checking and hashing it (what
    `check_landed` refuses is refused inside the upload, so `key` keeps what it held); what was
    stored, and the file as checked (to copy to more keys)."""
    with _reading(landing, spec) as reader:
        try:
            lake.upload(reader, key)
        except OSError as exc:
            raise DatalakeError(
                f"Could not copy {reader.where} to {lake.uri(key)}: {exc.strerror or exc}."
            ) from None
    stored = lake.info(key)
    if not reader.at_eof or stored is None or stored.size != reader.size:
        raise DatalakeError(
            f"{lake.uri(key)} holds {stored.size if stored else 0} bytes but {reader.size} were "
            "sent: the upload was cut short; run the partition again."
        )
    copied = Copied(lake.uri(key), reader.size, reader.sha256.hexdigest(), reader.lines)
    return copied, reader.landed()
