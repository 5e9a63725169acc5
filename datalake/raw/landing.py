"""Check a landing file before it is copied into the Raw zone: present, the right header, hashed."""

import hashlib

from datalake.errors import DatalakeError
from datalake.io.handover import LandedFile
from datalake.shared.source_format import check_header, file_name
from datalake.storage import Storage
from datalake.storage.layout import Spec

_CHUNK = 8 * 1024 * 1024
_MAX_HEADER = 64 * 1024


def check_landed(landing: Storage, spec: Spec) -> LandedFile:
    """Read `landing/<spec>.csv` once: refuse it unless its header is the export's; hash it."""
    name = file_name(spec)
    where = landing.uri(name)
    digest, size, head = hashlib.sha256(), 0, b""
    try:
        with landing.open_read(name) as source:
            while chunk := source.read(_CHUNK):
                if size < _MAX_HEADER:
                    head += chunk[: _MAX_HEADER - size]
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        raise DatalakeError(
            f"Landing file {where} is missing: copy {name} there or set DATALAKE_LANDING."
        ) from None
    except OSError as exc:
        raise DatalakeError(f"Could not read {where}: {exc}.") from exc
    if not size:
        raise DatalakeError(f"{where} is empty: land the complete export there and run again.")
    check_header(head, spec, where)
    return LandedFile(storage=landing, key=name, sha256=digest.hexdigest(), size=size)
