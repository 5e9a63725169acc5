"""The storage abstraction every layer writes through; local and S3 behave identically."""

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import duckdb


class Readable(Protocol):
    """Anything an upload can stream from: a file, or a reader wrapping one."""

    def read(self, size: int | None = -1, /) -> bytes: ...


@dataclass(frozen=True)
class ObjectInfo:
    """What the landing sensor needs to tell file versions apart."""

    key: str
    size: int
    version: str  # local: size + mtime in ns; S3: the ETag


class Storage(ABC):
    """A bucket-like tree of objects addressed by `/`-separated keys relative to a root."""

    root: str

    @abstractmethod
    def uri(self, key: str) -> str:
        """Where a key lives, in a form DuckDB reads (a local path or `s3://bucket/key`)."""

    @abstractmethod
    def info(self, key: str) -> ObjectInfo | None:
        """Size and version of an object, or None when it does not exist."""

    @abstractmethod
    def list_keys(self, prefix: str) -> list[str]:
        """Every key under a prefix, sorted."""

    @abstractmethod
    def open_read(self, key: str) -> BinaryIO:
        """A streaming binary reader; raises FileNotFoundError when absent."""

    @abstractmethod
    def upload(self, source: Readable, key: str) -> None:
        """Stream `source` to `key`; the object appears whole or not at all, replacing any old one."""

    @abstractmethod
    def delete_prefix(self, prefix: str) -> None:
        """Remove every object under a prefix (a no-op when there is none)."""

    @abstractmethod
    def create_new(self, key: str, data: bytes) -> bool:
        """Write `key` only if it does not exist yet (atomically); False when it already did.

        Two writers numbering files the same way cannot overwrite each other's.
        """

    @abstractmethod
    def delete_key(self, key: str) -> None:
        """Remove one object (a no-op when it is absent)."""

    @abstractmethod
    def configure_duckdb(self, con: duckdb.DuckDBPyConnection) -> None:
        """Let a DuckDB connection read and write this storage's URIs."""

    @abstractmethod
    def check_usable(self, writable: bool = True) -> None:
        """Fail fast, with what to fix, when the root cannot be read (or written) at all."""

    def exists(self, key: str) -> bool:
        return self.info(key) is not None

    def read_bytes(self, key: str) -> bytes:
        with self.open_read(key) as stream:
            return stream.read()

    def write_bytes(self, key: str, data: bytes) -> None:
        import io

        self.upload(io.BytesIO(data), key)

    def replace_prefix(self, prefix: str, local_dir: Path) -> list[str]:
        """Publish a local folder under `prefix`, then remove what an earlier run left there.

        Write-new-then-delete-old: each upload replaces its key atomically (a rename locally, a
        completed PUT on S3), so a reader sees the old or the new file whole, never a gap. A lake
        table is one file, so readers always see one whole version; stale files of another name
        go only once the new ones are in place (a re-run leaves no leftovers).
        """
        keys = []
        for path in sorted(p for p in Path(local_dir).rglob("*") if p.is_file()):
            key = prefix + path.relative_to(local_dir).as_posix()
            with path.open("rb") as source:
                self.upload(source, key)
            keys.append(key)
        for stale in set(self.list_keys(prefix)) - set(keys):
            self.delete_key(stale)
        return keys

    def iter_keys(self, prefix: str, suffix: str = "") -> Iterator[str]:
        return (k for k in self.list_keys(prefix) if k.endswith(suffix))
