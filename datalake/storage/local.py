"""Storage on a local directory: the embedded default."""

import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

import duckdb

from datalake.storage.base import ObjectInfo, Readable, Storage

_CHUNK = 8 * 1024 * 1024


class LocalStorage(Storage):
    def __init__(self, root: str | Path):
        self.base = Path(root).expanduser().resolve()
        self.root = str(self.base)

    def _path(self, key: str) -> Path:
        path = (self.base / key).resolve()
        if path != self.base and self.base not in path.parents:
            raise ValueError(f"Key {key!r} escapes the storage root.")
        return path

    def uri(self, key: str) -> str:
        return str(self._path(key))

    def info(self, key: str) -> ObjectInfo | None:
        try:
            stat = self._path(key).stat()
        except FileNotFoundError:
            return None
        if not os.path.isfile(self._path(key)):
            return None
        return ObjectInfo(key, stat.st_size, f"{stat.st_size}-{stat.st_mtime_ns}")

    def list_keys(self, prefix: str) -> list[str]:
        folder = self._path(prefix.rsplit("/", 1)[0]) if "/" in prefix else self.base
        if not folder.is_dir():
            return []
        keys = (p.relative_to(self.base).as_posix() for p in folder.rglob("*") if p.is_file())
        return sorted(k for k in keys if k.startswith(prefix) and ".tmp-" not in k)

    def open_read(self, key: str) -> BinaryIO:
        return self._path(key).open("rb")

    def upload(self, source: Readable, key: str) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename: readers never see a half-written file.
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(source, out, _CHUNK)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete_prefix(self, prefix: str) -> None:
        if prefix.endswith("/"):
            shutil.rmtree(self._path(prefix), ignore_errors=True)
        else:
            for key in self.list_keys(prefix):
                self._path(key).unlink(missing_ok=True)

    def configure_duckdb(self, con: duckdb.DuckDBPyConnection) -> None:
        """Local paths need nothing."""
