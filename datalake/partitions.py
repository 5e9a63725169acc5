"""The processing-date partitions every lake asset shares (defined once, imported everywhere)."""

import dagster as dg

from datalake.shared.preview import preview_features

# The challenge's own example dates are 2022-05-02 and 2023-10-31; an end offset of 1 admits today.
processing_date = dg.DailyPartitionsDefinition(start_date="2022-01-01", end_offset=1)

# A backfill runs all its dates of the raw and trusted assets in one run (each asset goes through
# the dates in order, see datalake/io/dates.py) instead of one run per date: every run costs a
# process start and waits for a daemon tick. Assets with the same policy and a date-to-date
# dependency share that run, so raw + trusted over any range is two runs: the CSV chain, then the
# TMDB chain (raw TMDB reads its own earlier dates, and Dagster runs such an asset apart).
backfill_in_one_run = dg.BackfillPolicy.single_run()

# A title fetched from TMDB is not fetched again for this many days, and a date's Trusted TMDB
# snapshot is the newest fetch of each title over that window. Both reads of earlier partitions are
# declared as partition mappings, so the UI shows them and re-running a date marks its dependents.
REFETCH_WINDOW_DAYS = 30
with preview_features():  # days before 2022-01-01 are simply absent
    earlier_window = dg.TimeWindowPartitionMapping(
        start_offset=-REFETCH_WINDOW_DAYS, end_offset=-1, allow_nonexistent_upstream_partitions=True
    )
    window_to_date = dg.TimeWindowPartitionMapping(
        start_offset=-REFETCH_WINDOW_DAYS, end_offset=0, allow_nonexistent_upstream_partitions=True
    )


def mapped_dates(mapping: dg.PartitionMapping, partition_key: str) -> list[str]:
    """The upstream dates `mapping` reads for one date (for asset checks: Dagster loads their
    inputs for the checked date only)."""
    result = mapping.get_upstream_mapped_partitions_result_for_partitions(
        processing_date.subset_with_partition_keys([partition_key]),
        processing_date,
        processing_date,
    )
    return list(result.partitions_subset.get_partition_keys())
