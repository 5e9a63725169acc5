"""What a storage location string means: `s3://bucket[/prefix]` or a local directory, nothing else.

Anything that looks like a URI but is not `s3://` (`s3a://`, `s3:/lake`, `gs://`) is refused here,
so it is never taken for a relative local path and written under the working directory.
"""

import re

from datalake.errors import DatalakeError

_URI = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?P<slashes>/*)(?P<rest>.*)", re.DOTALL)
# S3's bucket naming rules: 3-63 lowercase letters, digits, dots and hyphens, alphanumeric ends.
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")


def normalise_location(uri: str, name: str = "DATALAKE_STORAGE") -> str:
    """`S3://lake/x/` -> `s3://lake/x`; a local path unchanged; any other URI is an error."""
    match = _URI.fullmatch(uri)
    if not match:
        return uri
    scheme, slashes, rest = match["scheme"].lower(), match["slashes"], match["rest"]
    if not scheme.startswith("s3") and slashes != "//":
        return uri  # a local name that merely holds a colon, such as `lake:2`
    if scheme != "s3" or slashes != "//":
        hadoop = (
            " (s3a:// and s3n:// are Hadoop's names for S3)" if scheme in ("s3a", "s3n") else ""
        )
        raise DatalakeError(
            f"{name}={uri!r} is not a local directory or an s3://bucket[/prefix] URI{hadoop}: "
            f"write it as s3://{rest.lstrip('/')}."
        )
    bucket, _, prefix = rest.partition("/")
    if not _BUCKET.fullmatch(bucket) or ".." in bucket:
        raise DatalakeError(
            f"{name}={uri!r} names no valid bucket ({bucket!r}): write it as s3://bucket[/prefix] "
            "with a bucket name of 3-63 lowercase letters, digits, dots and hyphens."
        )
    prefix = prefix.strip("/")
    if prefix and any(part in ("", ".", "..") for part in prefix.split("/")):
        raise DatalakeError(
            f"{name}={uri!r} has an empty, '.' or '..' folder in its prefix: write the prefix as "
            "plain folder names, e.g. s3://bucket/lake."
        )
    return f"s3://{bucket}" + (f"/{prefix}" if prefix else "")


def is_s3(uri: str) -> bool:
    return uri.startswith("s3://")
