"""One storage abstraction for the whole lake: a local directory or S3, chosen by a URI."""

from collections.abc import Callable

from datalake.storage.base import ObjectInfo, Storage
from datalake.storage.local import LocalStorage
from datalake.storage.location import is_s3, normalise_location
from datalake.storage.s3 import S3Storage


def open_storage(uri: str, s3_client: Callable[[], object] | None = None) -> Storage:
    """`s3://bucket[/prefix]` gives S3 storage (its client from `s3_client`); else a directory."""
    uri = normalise_location(uri)
    if is_s3(uri):
        return S3Storage(uri, client=s3_client() if s3_client else None)
    return LocalStorage(uri)


__all__ = ["LocalStorage", "ObjectInfo", "S3Storage", "Storage", "open_storage"]
