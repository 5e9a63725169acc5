"""The Trusted zone's blocking quality gates: constant names and one way to state a verdict.

Every gate counts violations in what was published for the run's processing date; a count other
than zero fails it, which stops everything downstream of that table.
"""

from typing import Any

import dagster as dg
import duckdb

from datalake.partitions import processing_date
from datalake.shared.preview import preview_features

KEYS_PRESENT = "keys_present"
KEYS_UNIQUE = "keys_unique"
ID_FORMATS = "id_formats"
VALUES_IN_RANGE = "values_in_range"
ROWS_RECONCILED = "rows_reconciled"


def gate_specs(
    asset_key: dg.AssetKey,
    descriptions: dict[str, str],
    reads: tuple[dg.AssetKey | dg.AssetDep, ...] = (),
) -> list[dg.AssetCheckSpec]:
    """One blocking, date-partitioned check per name, so each verdict belongs to one date.

    `reads` are the other assets the checks load as inputs.
    """
    with preview_features():  # partitioned checks
        return [
            dg.AssetCheckSpec(
                name,
                asset=asset_key,
                description=description,
                blocking=True,
                partitions_def=processing_date,
                additional_deps=reads,
            )
            for name, description in descriptions.items()
        ]


def violations(
    con: duckdb.DuckDBPyConnection, asset_key: dg.AssetKey, name: str, sql: str, params: list
) -> dg.AssetCheckResult:
    """Run `sql`, which returns (violation count, a few examples), and turn it into a verdict."""
    return verdict(asset_key, name, *con.execute(sql, params).fetchall()[0])


def verdict(
    asset_key: dg.AssetKey, name: str, count: int, examples: list | None
) -> dg.AssetCheckResult:
    """A gate's verdict from its violation count (zero passes) and a few examples."""
    metadata: dict[str, Any] = {"violations": count}
    if count:
        metadata["examples"] = dg.MetadataValue.json([str(e) for e in examples or []])
    return dg.AssetCheckResult(
        asset_key=asset_key, check_name=name, passed=count == 0, metadata=metadata
    )
