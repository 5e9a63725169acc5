"""One storage abstraction for the whole lake: a local directory or S3, chosen by a URI."""

from datalake.storage.base import ObjectInfo, Storage
from datalake.storage.local import LocalStorage
from datalake.storage.s3 import S3Storage


def open_storage(uri: str) -> Storage:
    """`s3://bucket[/prefix]` gives S3 storage; anything else is a local directory."""
    return S3Storage(uri) if uri.startswith("s3://") else LocalStorage(uri)


__all__ = ["LocalStorage", "ObjectInfo", "S3Storage", "Storage", "open_storage"]
