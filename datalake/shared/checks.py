"""The Trusted zone's blocking quality gates: constant names and one way to state a verdict.

Every gate counts violations in what was published for each processing date of the run; a count
other than zero fails it, which stops everything downstream of that table.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import dagster as dg
import duckdb
from dagster._core.definitions.asset_checks.asset_check_evaluation import (
    AssetCheckEvaluationTargetMaterializationData,
)

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


def newest_materialization(
    context: dg.AssetCheckExecutionContext, asset_key: dg.AssetKey, date: str
) -> dg.EventLogRecord | None:
    """The date's newest materialization of an asset (the one its gates check)."""
    records = context.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=asset_key, asset_partitions=[date]), limit=1
    ).records
    return records[0] if records else None


def each_date_verdicts(
    context: dg.AssetCheckExecutionContext, verdicts: Callable[[str], Iterable[dg.AssetCheckResult]]
) -> Iterator[dg.Output | dg.AssetCheckResult | dg.AssetCheckEvaluation]:
    """The gates' verdicts for every processing date of the run; `verdicts(date)` gives one
    date's.

    A run of one date yields them as they are. A run of a range of dates (a backfill's single
    run) records each verdict on its own date, as a run of that date would, against that date's
    materialization. A failing date fails the step once every date is checked, so the steps
    that depend on the checked table do not run (for any date of that run).
    """
    if context.has_partition_key:
        yield from verdicts(context.partition_key)
        return
    specs: dict[tuple[dg.AssetKey | None, str | None], dg.AssetCheckSpec] = {
        (spec.asset_key, spec.name): spec for spec in context.check_specs
    }  # every verdict here names its asset and check
    announced: set[dg.AssetCheckKey] = set()
    for date in context.partition_keys:
        for result in verdicts(date):
            spec = specs[(result.asset_key, result.check_name)]
            if spec.key not in announced:  # the one output downstream steps wait for
                announced.add(spec.key)
                yield dg.Output(None, output_name=spec.get_python_identifier())
            checked = newest_materialization(context, spec.asset_key, date)
            yield dg.AssetCheckEvaluation(
                asset_key=spec.asset_key,
                check_name=spec.name,
                passed=result.passed,
                metadata=result.metadata,
                severity=result.severity,
                description=result.description,
                blocking=spec.blocking,
                partition=date,
                target_materialization_data=checked
                and AssetCheckEvaluationTargetMaterializationData(
                    run_id=checked.run_id,
                    storage_id=checked.storage_id,
                    timestamp=checked.timestamp,
                ),
            )
