"""The processing-date partitions every lake asset shares (defined once, imported everywhere)."""

import dagster as dg

# The challenge's own example dates are 2022-05-02 and 2023-10-31; an end offset of 1 admits today.
processing_date = dg.DailyPartitionsDefinition(start_date="2022-01-01", end_offset=1)
