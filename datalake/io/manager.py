"""The lake IO manager: every lake asset is stored under its key of the contract's layout, on a
local directory or S3, and loaded back as the type its consumer asks for."""

from contextlib import ExitStack
from typing import Any

import dagster as dg
from duckdb import DuckDBPyConnection, DuckDBPyRelation
from pydantic import PrivateAttr

from datalake.errors import DatalakeError
from datalake.io import frames, tables
from datalake.io.files import copy_landed
from datalake.io.handover import (
    Copied,
    EngineTable,
    LakeTable,
    LandedFile,
    LocalFile,
    RawFile,
    RawFiles,
    StoredDates,
    TmdbPages,
)
from datalake.resources.duck import LakeDuckDB
from datalake.resources.lake import LakeResource
from datalake.shared.metadata import table_metadata
from datalake.storage import Storage
from datalake.storage.layout import asset_location


def _partitions(context: dg.InputContext | dg.OutputContext) -> list[str | None]:
    if isinstance(context, dg.InputContext):
        return list(context.asset_partition_keys) if context.has_asset_partitions else [None]
    if not context.has_asset_partitions:
        return [None]
    if not context.has_partition_key:
        raise DatalakeError(
            f"{context.asset_key.to_user_string()} stores one processing date per output: a run "
            "of several dates stores each one as it comes (datalake.io.dates.each_date)."
        )
    return [context.partition_key]


class LakeIOManager(dg.ConfigurableIOManager):
    """Stores each lake asset at its place in the layout (`Raw/...`, `Trusted/...`, `Refined/...`,
    `Dashboards/...`) and loads it back: tables as lazy DuckDB relations by default, or as pandas
    DataFrames, Arrow tables or `LakeTable` references when the input is annotated so. Tables
    another engine wrote (`EngineTable`) are published as they are."""

    lake: LakeResource
    duckdb: LakeDuckDB
    _resources: ExitStack = PrivateAttr(default_factory=ExitStack)
    _connection: DuckDBPyConnection | None = PrivateAttr(default=None)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        self._resources.close()
        self._connection = None

    def con(self) -> DuckDBPyConnection:
        """The connection inputs are loaded on, open until the run's process ends its steps, so
        relations handed to an asset (and the relations it derives from them) stay readable."""
        if self._connection is None:
            spill = self._resources.enter_context(tables.scratch("datalake-io-"))
            self._connection = self._resources.enter_context(self.duckdb.connect(str(spill)))
        return self._connection

    def handle_output(self, context: dg.OutputContext, obj: Any) -> None:
        if isinstance(obj, TmdbPages):  # written by the asset itself, for one date or a range
            pages: dict[str, Any] = {"files_written": len(obj.files)}
            if context.has_partition_key:
                prefix = asset_location(context.asset_key.path, context.partition_key)
                pages["uri"] = dg.MetadataValue.path(self.lake.storage().uri(prefix))
            context.add_output_metadata(pages)
            return
        if isinstance(obj, StoredDates):  # each date went through `store` as the run made it
            return
        (partition,) = _partitions(context)
        descriptions = context.definition_metadata.get("column_descriptions") or {}
        context.add_output_metadata(self.store(context.asset_key, partition, obj, descriptions))

    def store(
        self,
        asset_key: dg.AssetKey,
        partition: str | None,
        obj: Any,
        descriptions: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Store one partition of an asset at its key; the metadata of what was stored.

        `handle_output` calls it for a run's one date; a run of a range of dates calls it for
        each date (see `datalake.io.dates`). `descriptions` describe a table's columns.
        """
        key = asset_location(asset_key.path, partition)
        storage = self.lake.storage()
        metadata: dict[str, Any]
        if isinstance(obj, LandedFile | Copied):
            copied = copy_landed(obj, storage, key) if isinstance(obj, LandedFile) else obj
            metadata = {
                "uri": dg.MetadataValue.path(copied.uri),
                "size_bytes": copied.size,
                "sha256": copied.sha256,
                "dagster/row_count": max(copied.lines - 1, 0),
            }
        elif isinstance(obj, EngineTable):
            if obj.folder is None:  # written at its key by the engine's job
                metadata = table_metadata(
                    self.con(), storage.uri(key + "*.parquet"), storage.uri(key), descriptions or {}
                )
            else:
                metadata = tables.publish_folder(
                    self.con(), obj.folder, storage, key, descriptions or {}
                )
            metadata |= {f"job_{n.rsplit('/', 1)[-1]}": v for n, v in obj.reported.items()}
        elif (relation := self._relation(obj)) is not None:
            metadata = tables.publish(self.con(), relation, storage, key, descriptions or {})
        elif isinstance(obj, str):
            data = obj.encode("utf-8")
            storage.write_bytes(key, data)
            metadata = {"uri": dg.MetadataValue.path(storage.uri(key)), "size_bytes": len(data)}
        elif isinstance(obj, LocalFile):
            with obj.path.open("rb") as source:
                storage.upload(source, key)
            metadata = {"uri": dg.MetadataValue.path(storage.uri(key))}
        else:
            raise DatalakeError(
                f"{asset_key.to_user_string()} returned a {type(obj).__name__}: the lake "
                "stores DuckDB relations, pandas DataFrames, Arrow tables, HTML text and files."
            )
        return metadata

    def load_input(self, context: dg.InputContext) -> Any:
        path, wanted = tuple(context.asset_key.path), context.dagster_type.typing_type
        partitions = _partitions(context)
        keys = [asset_location(path, partition) for partition in partitions]
        storage = self.lake.storage()
        if path[:2] == ("raw", "tmdb"):
            return tables.raw_json(storage, context.asset_key, [p for p in partitions if p])
        if path[:2] == ("raw", "local"):
            if wanted is RawFiles:  # a range of dates, loaded as references
                files = [self._load_raw_csv(storage, [k], RawFile, context) for k in keys]
                return RawFiles(tuple(files), tuple(p for p in partitions if p))
            return self._load_raw_csv(storage, keys, wanted, context)
        table = tables.locate(storage, context.asset_key.to_user_string(), keys, partitions)
        if wanted is LakeTable:
            return table
        return frames.as_wanted(tables.read(self.con(), table), wanted)

    def _load_raw_csv(self, storage: Storage, keys: list[str], wanted: Any, context) -> Any:
        (key,) = keys
        if storage.info(key) is None:
            raise DatalakeError(
                f"{storage.uri(key)} is missing: materialise "
                f"{context.asset_key.to_user_string()} for this date first."
            )
        if wanted is RawFile:
            return RawFile(key, storage.uri(key))
        return frames.as_wanted(tables.read_compass_csv(self.con(), storage.uri(key)), wanted)

    def _relation(self, obj: Any) -> DuckDBPyRelation | None:
        """The table an asset returned as a relation; None when it returned something else."""
        if isinstance(obj, DuckDBPyRelation):
            return obj
        if isinstance(obj, str | LandedFile | Copied | TmdbPages | LocalFile | StoredDates):
            return None
        return frames.relation_of(self.con(), obj)
