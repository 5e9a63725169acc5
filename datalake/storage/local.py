"""Storage on a local directory: the embedded default."""

import os
import shutil
import stat
import tempfile
import uuid
from pathlib import Path
from typing import BinaryIO

import duckdb

from datalake.errors import DatalakeError
from datalake.storage.base import ObjectInfo, Readable, Storage
from datalake.storage.debris import staging_prefix, sweep

_CHUNK = 8 * 1024 * 1024
STAGING = ".tmp-"  # staging files beside their target; never listed as keys


class KeyEscapesRoot(DatalakeError, ValueError):
    """A key that would read or write outside the root (through `..` or a symlink)."""


def _staging_file(folder: Path) -> tuple[int, Path]:
    """A new staging file named for this process, mode 0666 less the umask (mkstemp's 0600 would
    hide the lake from its other readers)."""
    tmp = folder / f"{staging_prefix(STAGING)}{uuid.uuid4().hex}"
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp


class LocalStorage(Storage):
    def __init__(self, root: str | Path):
        self.base = Path(root).expanduser().resolve()
        self.root = str(self.base)

    def _path(self, key: str) -> Path:
        if ".." in key.split("/"):
            raise KeyEscapesRoot(
                f"Key {key!r} escapes the storage root {self.root}: '..' is refused."
            )
        path = (self.base / key).resolve()
        if path != self.base and self.base not in path.parents:
            raise KeyEscapesRoot(
                f"{self.base / key} is a symlink to {path}, outside {self.root}: copy the file "
                "itself there (links out of the directory are refused)."
            )
        return path

    def check_usable(self, writable: bool = True) -> None:
        if self.base.exists() and not self.base.is_dir():
            raise DatalakeError(
                f"{self.root} is a file, not a directory: point the location at a directory."
            )
        if not writable:
            return
        try:
            self.base.mkdir(parents=True, exist_ok=True)
            # Permissions alone do not tell (root ignores them; mounts can be read-only): write.
            fd, probe = tempfile.mkstemp(prefix=".tmp-probe-", dir=self.base)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise DatalakeError(
                f"Cannot write to the lake at {self.root} ({exc.strerror or exc}): point "
                "DATALAKE_STORAGE at a writable directory."
            ) from None

    def uri(self, key: str) -> str:
        return str(self._path(key))

    def info(self, key: str) -> ObjectInfo | None:
        try:
            found = self._path(key).stat()
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(found.st_mode):
            return None
        return ObjectInfo(key, found.st_size, f"{found.st_size}-{found.st_mtime_ns}")

    def list_keys(self, prefix: str) -> list[str]:
        folder = self._path(prefix.rsplit("/", 1)[0]) if "/" in prefix else self.base
        if not folder.is_dir():
            return []
        keys = (p.relative_to(self.base).as_posix() for p in folder.rglob("*") if p.is_file())
        return sorted(k for k in keys if k.startswith(prefix) and ".tmp-" not in k)

    def open_read(self, key: str) -> BinaryIO:
        # Non-blocking open, then a check: a FIFO named movies.csv must not hang the run.
        fd = os.open(self._path(key), os.O_RDONLY | os.O_NONBLOCK)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise DatalakeError(
                f"{self._path(key)} is not a regular file (a FIFO, device or folder): land the "
                "file itself."
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")

    def upload(self, source: Readable, key: str) -> None:
        target = self._path(key)
        created = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename: readers never see a half-written file. A killed
        # writer's staging file is removed by the next upload there.
        sweep(target.parent, STAGING)
        fd, tmp = _staging_file(target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                shutil.copyfileobj(source, out, _CHUNK)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            _remove_empty(created)  # a refused upload leaves no trace, not even its folders
            raise

    def create_new(self, key: str, data: bytes) -> bool:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _staging_file(target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.link(tmp, target)  # a hard link never replaces an existing name
            return True
        except FileExistsError:
            return False
        finally:
            Path(tmp).unlink(missing_ok=True)

    def delete_key(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> None:
        if prefix.endswith("/"):
            shutil.rmtree(self._path(prefix), ignore_errors=True)
        else:
            for key in self.list_keys(prefix):
                self._path(key).unlink(missing_ok=True)

    def configure_duckdb(self, con: duckdb.DuckDBPyConnection) -> None:
        """Local paths need nothing."""


def _remove_empty(folders: list[Path]) -> None:
    """Remove these folders, deepest first, while they are empty (another writer's are kept)."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return
