"""Materialise a selection of the lake for one processing date, in process, and report it."""

import sys
import warnings
from dataclasses import dataclass, field

import dagster as dg

from datalake.definitions import build_definitions
from datalake.errors import DatalakeError
from datalake.partitions import processing_date as processing_dates
from datalake.refined.glue_assets import GLUE_CATALOG
from datalake.run_log import compact_console
from datalake.settings import Settings
from datalake.storage.layout import SPECS, processing_date

GROUPS = ("raw", "trusted", "refined", "dashboards")
RUN_JOB = "datalake_run"


@dataclass
class RunReport:
    success: bool
    materialized: dict[str, dict] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_selection(select: str | None, known_keys: set[str]) -> dg.AssetSelection:
    """`raw,trusted/local/movies` -> groups and keys; anything unknown is an error, not a no-op."""
    if not select:
        return dg.AssetSelection.all()
    selection: dg.AssetSelection | None = None
    for token in (t.strip() for t in select.split(",") if t.strip()):
        part: dg.AssetSelection
        if token in GROUPS:
            part = dg.AssetSelection.groups(token)
        elif token in known_keys:
            part = dg.AssetSelection.assets(dg.AssetKey.from_user_string(token))
        else:
            raise DatalakeError(
                f"Unknown selection {token!r}: use a group ({', '.join(GROUPS)}) or an asset key "
                f"such as raw/local/movies (known: {', '.join(sorted(known_keys))})."
            )
        selection = part if selection is None else selection | part
    if selection is None:
        raise DatalakeError(f"Empty selection {select!r}: name a group or an asset key.")
    # A table and its quarantine are written by one step: selecting one selects both.
    return selection.required_multi_asset_neighbors()


def without_tmdb_if_no_credentials(
    selection: dg.AssetSelection, graph, settings: Settings, out=sys.stderr
) -> dg.AssetSelection:
    """Without credentials the TMDB fetch is left out, so everything downstream still runs."""
    if settings.has_tmdb_credentials:
        return selection
    tmdb = dg.AssetSelection.assets(*(dg.AssetKey(["raw", "tmdb", s]) for s in SPECS))
    left_out = sorted(k.to_user_string() for k in (selection & tmdb).resolve(graph))
    if left_out:
        print(
            f"TMDB: no TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN set, so {', '.join(left_out)} "
            "not fetched; the rest runs on the TMDB data already in the lake.",
            file=out,
        )
    return selection - tmdb


def without_glue_if_off(selection: dg.AssetSelection, settings: Settings) -> dg.AssetSelection:
    """Glue registration is off unless DATALAKE_GLUE_DATABASE is set: then it is not run at all
    (rather than reported as skipped)."""
    return (
        selection if settings.glue_database else selection - dg.AssetSelection.assets(GLUE_CATALOG)
    )


def _failure_message(event: dg.DagsterEvent) -> str:
    error = event.step_failure_data.error
    if error is None:
        return f"{event.step_key}: failed"
    while error.cause is not None and "DatalakeError" not in (error.cls_name or ""):
        error = error.cause
    message = error.message.strip().removeprefix(f"{error.cls_name}: ")
    return f"{event.step_key}: {message.removeprefix('datalake.errors.DatalakeError: ')}"


def check_date(partition_key: str) -> None:
    """A real date inside the lake's partitions (2022-01-01 to today, UTC), or one clear line."""
    processing_date(partition_key)
    if not processing_dates.has_partition_key(partition_key):
        first = processing_dates.get_first_partition_key()
        last = processing_dates.get_last_partition_key()
        raise DatalakeError(
            f"Processing date {partition_key} is outside the lake's dates {first} to {last}: "
            "pick a date in that range."
        )


def _any_partitioned(selection: dg.AssetSelection, graph) -> bool:
    return any(graph.get(key).partitions_def for key in selection.resolve(graph))


def run_lake(
    partition_key: str,
    select: str | None = None,
    settings: Settings | None = None,
    instance: dg.DagsterInstance | None = None,
) -> RunReport:
    """Materialise the selection (with its asset checks) for one processing date."""
    check_date(partition_key)
    settings = settings or Settings.from_env()
    defs = build_definitions(settings)
    (defs.resources or {})["lake"].check_usable()  # before any step: a bad place is one line
    graph = defs.resolve_asset_graph()
    known = {key.to_user_string() for key in graph.get_all_asset_keys()}
    selection = without_tmdb_if_no_credentials(parse_selection(select, known), graph, settings)
    selection = without_glue_if_off(selection, settings)
    # `dg.materialize`'s own job, with a console that prints no stack traces (see run_log).
    job_defs = dg.Definitions(
        jobs=[dg.define_asset_job(RUN_JOB, selection=selection)],
        assets=[*(defs.assets or []), *(defs.asset_checks or [])],
        resources=defs.resources,
    )
    with warnings.catch_warnings():
        # Raw and Trusted run a backfill's dates in one run, the rest one run per date: Dagster
        # warns that the job mixes backfill policies, which a one-date run never uses.
        warnings.filterwarnings("ignore", "Asset job .* varying BackfillPolicies", UserWarning)
        job = job_defs.resolve_job_def(RUN_JOB).with_logger_defs({"console": compact_console})
    result = job.execute_in_process(
        run_config={"loggers": {"console": {}}},  # a logger runs only when configured
        instance=instance,
        # A selection of unpartitioned assets only (the catalog) runs without a date.
        partition_key=partition_key if _any_partitioned(selection, graph) else None,
        raise_on_error=False,
    )
    report = RunReport(success=result.success)
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        report.materialized[materialization.asset_key.to_user_string()] = {
            k: v.value for k, v in materialization.metadata.items()
        }
    report.errors = [_failure_message(e) for e in result.all_events if e.is_step_failure]
    for check in result.get_asset_check_evaluations():
        if not check.passed and check.severity == dg.AssetCheckSeverity.ERROR:
            report.errors.append(
                f"check {check.check_name} on {check.asset_key.to_user_string()} failed"
            )
    report.success = report.success and not report.errors
    failed_steps = " ".join(report.errors)
    report.skipped = sorted(
        key.to_user_string()
        for key in selection.resolve(graph)
        if key.to_user_string() not in report.materialized
        and "__".join(key.path) not in failed_steps
    )
    return report


def print_report(report: RunReport, partition_key: str, out=sys.stdout) -> None:
    for key, metadata in sorted(report.materialized.items()):
        rows = metadata.get("dagster/row_count")
        where = metadata.get("uri") or metadata.get("prefix") or ""
        rows_text = f"{rows:>10,} rows" if isinstance(rows, int) else " " * 15
        print(f"  materialised {key:<34} {rows_text}  {where}", file=out)
    for key in report.skipped:
        print(
            f"  skipped      {key:<34} (not materialised: its input or credentials are missing)",
            file=out,
        )
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    verdict = "succeeded" if report.success else "FAILED"
    print(f"datalake run {partition_key}: {verdict} ({len(report.materialized)} assets)", file=out)
