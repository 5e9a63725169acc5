"""A transform as every engine receives it: SELECTs in DuckDB's dialect over named inputs.

Reading the inputs and writing the result belong to the engine and the IO manager: the SQL only
names its inputs (views) and bound variables (`getvariable('name')`).
"""

from dataclasses import dataclass, field
from typing import Any

from datalake.io.handover import LakeTable


@dataclass(frozen=True)
class Transform:
    """`query` (a SELECT) over `inputs`, after `scripts` (macros, shared views) ran in order."""

    name: str
    query: str
    inputs: dict[str, LakeTable]
    scripts: tuple[str, ...] = ()
    # Inputs read as exactly these columns, cast to these (DuckDB) types.
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    # Inputs absent for the date, read as empty tables of these columns.
    empty: dict[str, dict[str, str]] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)
