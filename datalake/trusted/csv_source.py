"""What makes a raw CSV file unreadable as a whole, said in one line a user can act on."""

import re

import duckdb

from datalake.errors import DatalakeError
from datalake.shared.source_format import check_header
from datalake.storage import Storage
from datalake.storage.layout import Spec

_HEAD_BYTES = 64 * 1024  # more than any header line


def check_source(storage: Storage, key: str, spec: Spec) -> None:
    """Refuse a file that is absent, empty, binary or not the spec's export, before reading it."""
    where = storage.uri(key)
    try:
        with storage.open_read(key) as stream:
            head = stream.read(_HEAD_BYTES)
    except FileNotFoundError:
        raise DatalakeError(
            f"{where} is missing: materialise raw/local/{spec} for this date first."
        ) from None
    if not head:
        raise DatalakeError(f"{where} is empty: land the complete {spec} export and run again.")
    check_header(head, spec, where)


# What DuckDB's CSV errors mean for this file, by a phrase of the message.
_CAUSES = (
    ("unicode", "is not UTF-8 text"),
    ("state machine", "mixes line endings (LF, CRLF or a lone CR)"),
    ("Maximum line size", "has a line over 2 MB"),
    ("Number of Columns", "holds U+FFFF, a character text never contains"),
)


def unreadable(uri: str, exc: duckdb.Error) -> DatalakeError:
    """One actionable line from DuckDB's multi-line CSV error."""
    message = str(exc)
    if isinstance(exc, duckdb.IOException | duckdb.HTTPException) and "CSV Error" not in message:
        # The storage failed, not the file: blaming its encoding would send the user astray.
        first = message.splitlines()[0][:200] if message else type(exc).__name__
        return DatalakeError(
            f"Could not read {uri} from the lake's storage ({first}): check that the storage is "
            "reachable, then run again."
        )
    line = re.search(r"CSV Error on Line: (\d+)", message)
    at = f" (line {line.group(1)})" if line else ""
    why = next((why for phrase, why in _CAUSES if phrase in message), "cannot be read")
    return DatalakeError(
        f"{uri} {why}{at}: re-export it as UTF-8 text with one kind of line ending and land it "
        "again."
    )
