"""Check a landing file before it is copied into the Raw zone: present, whole, the export's, hashed."""

import hashlib

from datalake.errors import DatalakeError
from datalake.io.handover import LandedFile
from datalake.raw.scan import LandingScan
from datalake.shared.source_format import check_header, file_name
from datalake.storage import Storage
from datalake.storage.layout import Spec

_CHUNK = 8 * 1024 * 1024
_MAX_HEADER = 64 * 1024


def check_landed(landing: Storage, spec: Spec) -> LandedFile:
    """Read `landing/<spec>.csv` once: refuse it unless it is a whole export (its header, data
    rows, readable text) that did not change while read; hash it."""
    name = file_name(spec)
    where = landing.uri(name)
    digest, size, head = hashlib.sha256(), 0, b""
    scan = LandingScan(where)
    try:
        before = landing.info(name)
        with landing.open_read(name) as source:
            while chunk := source.read(_CHUNK):
                if size < _MAX_HEADER:
                    head += chunk[: _MAX_HEADER - size]
                    if len(head) >= _MAX_HEADER or b"\n" in head:
                        check_header(head, spec, where)  # refuse garbage before reading it all
                digest.update(chunk)
                size += len(chunk)
                scan.feed(chunk)
        after = landing.info(name)
    except FileNotFoundError:
        raise DatalakeError(
            f"Landing file {where} is missing: copy {name} there or set DATALAKE_LANDING."
        ) from None
    except OSError as exc:
        raise DatalakeError(f"Could not read {where}: {exc.strerror or exc}.") from None
    if not size:
        raise DatalakeError(f"{where} is empty: land the complete export there and run again.")
    if before != after or (after is not None and after.size != size):
        raise DatalakeError(
            f"{where} changed while it was read (still being written?): run again once it is "
            "completely written (nothing was replaced)."
        )
    check_header(head, spec, where)
    scan.finish()
    return LandedFile(storage=landing, key=name, sha256=digest.hexdigest(), size=size)
