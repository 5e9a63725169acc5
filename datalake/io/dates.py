"""Assets that run a range of processing dates in one run (a backfill's single run).

Dagster gives such a run one output per asset for the whole range. The lake keeps one partition
per date instead, so each date's outputs are stored as the asset makes them, at that date's keys,
by the same lake IO manager (`LakeIOManager.store`), and each date's metadata is recorded on that
date's materialization: a date reads and holds what a run of that date alone would have.
"""

from collections.abc import Callable, Iterable, Iterator

import dagster as dg

from datalake.io.handover import StoredDates
from datalake.io.manager import LakeIOManager
from datalake.shared.preview import preview_features

DateOutputs = Callable[[str], Iterable[dg.Output]]


def each_date(
    context: dg.AssetExecutionContext, io: LakeIOManager, outputs: DateOutputs
) -> Iterator[dg.Output]:
    """The asset's outputs for every date of the run; `outputs(date)` yields one date's.

    A run of one date yields them as they come, for the IO manager to store. A run of a range
    stores them date after date (a date's outputs are stored before the next one is made, so an
    output may read what the date's earlier outputs published), then yields one `StoredDates`
    per output. The data version of each output is the one its dates share, if they share one.
    """
    if context.has_partition_key:
        yield from outputs(context.partition_key)
        return
    dates = tuple(context.partition_keys)
    assets_def = context.assets_def
    versions: dict[str, set[dg.DataVersion | None]] = {}
    for date in dates:
        for output in outputs(date):
            key = assets_def.keys_by_output_name[output.output_name]
            descriptions = assets_def.specs_by_key[key].metadata.get("column_descriptions")
            stored = io.store(key, date, output.value, descriptions)
            context.add_asset_metadata({**output.metadata, **stored}, key, date)
            versions.setdefault(output.output_name, set()).add(output.data_version)
    for name, seen in versions.items():
        version = next(iter(seen)) if len(seen) == 1 else None
        with preview_features():  # `data_version` is a beta parameter
            yield dg.Output(StoredDates(dates), output_name=name, data_version=version)
