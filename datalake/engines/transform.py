"""A transform as every engine receives it: SELECTs in DuckDB's dialect over named inputs.

Reading the inputs and writing the result belong to the engine and the IO manager: the SQL only
names its inputs (views) and bound variables (`getvariable('name')`). Inputs are Parquet tables
of the lake (`LakeTable`), the lines of a raw text file (`TextLines`) or the records of raw JSON
files (`JsonRecords`).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from datalake.io.handover import LakeTable


@dataclass(frozen=True)
class TextLines:
    """A raw text file as the view `(line_number BIGINT, line VARCHAR)`: every line after the
    first (the header), whole and untouched, numbered as in the file (the first data line is
    line 2); a blank line is a NULL `line`, so the numbering never shifts."""

    uri: str


@dataclass(frozen=True)
class JsonRecords:
    """Raw JSON files, each an array of records, as a view of exactly `columns` (top-level
    field -> DuckDB type; fields not named are ignored) plus `filename VARCHAR`, the file a
    record came from. No files give an empty view of the same columns."""

    uris: tuple[str, ...]
    columns: dict[str, str]


Input = LakeTable | TextLines | JsonRecords


@dataclass(frozen=True)
class Transform:
    """`query` (a SELECT) over `inputs`, after `scripts` (macros, shared views) ran in order.

    A transform with several results (a table and its quarantine, say) leaves `query` empty and
    asks its engine run for each result by its SQL (`EngineResource.run`)."""

    name: str
    query: str
    inputs: Mapping[str, Input]
    scripts: tuple[str, ...] = ()
    # Inputs read as exactly these columns, cast to these (DuckDB) types.
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    # Inputs absent for the date, read as empty tables of these columns.
    empty: dict[str, dict[str, str]] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)


class EngineRun(Protocol):
    """A transform prepared on an engine (inputs read, scripts run): its results, each asked for
    by its SQL in DuckDB's dialect."""

    def table(self, sql: str) -> Any:
        """A result table as the lake IO manager publishes it."""
        ...

    def rows(self, sql: str) -> list[tuple]:
        """A small result's rows (counts)."""
        ...
