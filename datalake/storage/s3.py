"""Storage on S3 or any S3-compatible server (SeaweedFS, MinIO), through boto3.

boto3 reads `AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_REGION` itself,
so the same code talks to AWS or to a server on loopback.
"""

import functools
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlparse

import boto3
import duckdb
from boto3.exceptions import S3UploadFailedError
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from datalake.errors import DatalakeError
from datalake.storage.base import ObjectInfo, Readable, Storage

# Multipart in 5 MiB parts (S3's minimum), 4 at a time. A streamed (non-seekable) upload buffers
# whole parts, and the default request queue (1000) lets it read far ahead of the network: bound it
# too, so memory stays near (concurrency + queue) x part size whatever the file size.
TRANSFER = TransferConfig(
    multipart_threshold=8 * 1024 * 1024,
    multipart_chunksize=5 * 1024 * 1024,
    max_concurrency=4,
)
TRANSFER.max_request_queue_size = 2  # an s3transfer setting boto3's constructor does not expose
_HTTPFS = "duckdb_extension_httpfs"


def split_s3_uri(uri: str) -> tuple[str, str]:
    """`s3://bucket/some/prefix` -> (`bucket`, `some/prefix/`)."""
    parsed = urlparse(uri)
    if parsed.scheme != "s3" or not parsed.netloc:
        raise DatalakeError(f"Not an S3 URI: {uri!r}: write it as s3://bucket[/prefix].")
    prefix = parsed.path.strip("/")
    return parsed.netloc, f"{prefix}/" if prefix else ""


def _not_found(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}


def _explained(method):
    """S3 and connection errors become one line naming the object and what to check."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (ClientError, BotoCoreError, S3UploadFailedError) as exc:
            target = self.uri(args[-1]) if args and isinstance(args[-1], str) else self.root
            raise DatalakeError(
                f"S3 {method.__name__} of {target} failed ({exc}); check that the bucket exists "
                "and that AWS_ENDPOINT_URL and the AWS credentials are right."
            ) from exc

    return wrapper


class S3Storage(Storage):
    def __init__(self, uri: str, client=None):
        self.bucket, self.prefix = split_s3_uri(uri)
        self.root = f"s3://{self.bucket}/{self.prefix}".rstrip("/")
        self.client = client or self.session.client(
            "s3", config=Config(retries={"mode": "standard", "max_attempts": 5})
        )

    @functools.cached_property
    def session(self) -> boto3.session.Session:
        """Where DuckDB's S3 credentials come from; built only when asked (not cheap)."""
        return boto3.session.Session()

    def check_usable(self, writable: bool = True) -> None:
        """The bucket must exist already: a missing one is refused, never created."""
        endpoint = self.client.meta.endpoint_url
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code")
            if code in {"404", "NoSuchBucket", "NotFound"}:
                raise DatalakeError(
                    f"Bucket {self.bucket!r} does not exist at {endpoint}: create it (the lake "
                    "never creates buckets) or fix the s3:// location."
                ) from None
            if code in {"403", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"}:
                raise DatalakeError(
                    f"Access to bucket {self.bucket!r} at {endpoint} was refused ({code}): check "
                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
                ) from None
            raise DatalakeError(f"S3 bucket {self.bucket!r} at {endpoint}: {code}.") from None
        except NoCredentialsError:
            raise DatalakeError(
                f"No AWS credentials for {self.root}: set AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY."
            ) from None
        except BotoCoreError as exc:
            raise DatalakeError(
                f"The S3 endpoint {endpoint} did not answer ({type(exc).__name__}): check "
                "AWS_ENDPOINT_URL and that the server is up."
            ) from None

    def _key(self, key: str) -> str:
        return self.prefix + key

    def uri(self, key: str) -> str:
        return f"s3://{self.bucket}/{self._key(key)}"

    @_explained
    def info(self, key: str) -> ObjectInfo | None:
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if _not_found(exc):
                return None
            raise
        return ObjectInfo(key, head["ContentLength"], head["ETag"].strip('"'))

    @_explained
    def list_keys(self, prefix: str) -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self._key(prefix)
        )
        skip = len(self.prefix)
        return sorted(obj["Key"][skip:] for page in pages for obj in page.get("Contents", []))

    @_explained
    def open_read(self, key: str) -> BinaryIO:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"]
        except ClientError as exc:
            if _not_found(exc):
                raise FileNotFoundError(self.uri(key)) from None
            raise

    @_explained
    def upload(self, source: Readable, key: str) -> None:
        # A multipart upload becomes visible only when completed; boto3 aborts it on failure,
        # but a killed process cannot: its parts would be kept (and billed) forever.
        self.abort_unfinished(key)
        self.client.upload_fileobj(source, self.bucket, self._key(key), Config=TRANSFER)

    def abort_unfinished(self, key: str) -> int:
        """Abort multipart uploads to `key` an earlier writer left unfinished; how many."""
        found = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=self._key(key))
        orphans = [u for u in found.get("Uploads", []) if u["Key"] == self._key(key)]
        for upload in orphans:
            self.client.abort_multipart_upload(
                Bucket=self.bucket, Key=upload["Key"], UploadId=upload["UploadId"]
            )
        return len(orphans)

    @_explained
    def create_new(self, key: str, data: bytes) -> bool:
        try:  # S3 conditional writes: refused (412) when the key exists
            self.client.put_object(
                Bucket=self.bucket, Key=self._key(key), Body=data, IfNoneMatch="*"
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"PreconditionFailed", "412"}:
                return False
            raise
        return True

    @_explained
    def delete_key(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(key))

    @_explained
    def delete_prefix(self, prefix: str) -> None:
        keys = [self._key(k) for k in self.list_keys(prefix)]
        for start in range(0, len(keys), 1000):
            batch = [{"Key": k} for k in keys[start : start + 1000]]
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})

    def configure_duckdb(self, con: duckdb.DuckDBPyConnection) -> None:
        """Load the bundled httpfs extension (no network) and hand DuckDB boto3's credentials."""
        import importlib.util

        spec = importlib.util.find_spec(_HTTPFS)
        if spec is None or spec.origin is None:
            raise DatalakeError(f"{_HTTPFS} is not installed: run `make install`.")
        package = Path(spec.origin).parent
        extension = package / "extensions" / f"v{duckdb.__version__}" / "httpfs.duckdb_extension"
        con.execute("SET autoinstall_known_extensions = false")
        con.execute(f"LOAD '{extension.as_posix()}'")
        credentials = self.session.get_credentials()
        if credentials is not None:
            frozen = credentials.get_frozen_credentials()
            con.execute("SET s3_access_key_id = ?", [frozen.access_key])
            con.execute("SET s3_secret_access_key = ?", [frozen.secret_key])
            if frozen.token:
                con.execute("SET s3_session_token = ?", [frozen.token])
        con.execute("SET s3_region = ?", [self.client.meta.region_name or "us-east-1"])
        endpoint = urlparse(self.client.meta.endpoint_url)
        if not endpoint.hostname.endswith("amazonaws.com"):
            con.execute("SET s3_endpoint = ?", [endpoint.netloc])
            con.execute("SET s3_url_style = 'path'")
            con.execute("SET s3_use_ssl = ?", [endpoint.scheme == "https"])
