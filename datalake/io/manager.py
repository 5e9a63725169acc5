"""The lake IO manager: every lake asset is stored under its key of the contract's layout, on a
local directory or S3, and loaded back as the type its consumer asks for."""

from contextlib import ExitStack
from typing import Any

import dagster as dg
import duckdb
from pydantic import PrivateAttr

from datalake.errors import DatalakeError
from datalake.io import tables
from datalake.io.files import copy_landed
from datalake.io.handover import (
    LakeTable,
    LandedFile,
    LocalFile,
    RawFile,
    TmdbPages,
)
from datalake.resources.duck import LakeDuckDB
from datalake.resources.lake import LakeResource
from datalake.storage import Storage
from datalake.storage.layout import asset_location

# pandas and pyarrow are named, not imported: importing pandas costs a cold start seconds, and
# only an asset that already uses them can hand them over or ask for them.
DATAFRAME, ARROW_TABLE = "pandas.DataFrame", "pyarrow.Table"


def _type_name(kind: Any) -> str:
    return f"{getattr(kind, '__module__', '').split('.')[0]}.{getattr(kind, '__name__', '')}"


def _partitions(context: dg.InputContext | dg.OutputContext) -> list[str | None]:
    if isinstance(context, dg.InputContext):
        return list(context.asset_partition_keys) if context.has_asset_partitions else [None]
    if not context.has_asset_partitions:
        return [None]
    if not context.has_partition_key:
        raise DatalakeError(
            f"{context.asset_key.to_user_string()} stores one processing date per run: "
            "launch the backfill with one run per partition."
        )
    return [context.partition_key]


class LakeIOManager(dg.ConfigurableIOManager):
    """Stores each lake asset at its place in the layout (`Raw/...`, `Trusted/...`, `Refined/...`,
    `Dashboards/...`) and loads it back: tables as lazy DuckDB relations by default, or as pandas
    DataFrames, Arrow tables or `LakeTable` references when the input is annotated so."""

    lake: LakeResource
    duckdb: LakeDuckDB
    _resources: ExitStack = PrivateAttr(default_factory=ExitStack)
    _connection: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        self._resources.close()
        self._connection = None

    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection inputs are loaded on, open until the run's process ends its steps, so
        relations handed to an asset (and the relations it derives from them) stay readable."""
        if self._connection is None:
            spill = self._resources.enter_context(tables.scratch("datalake-io-"))
            self._connection = self._resources.enter_context(self.duckdb.connect(str(spill)))
        return self._connection

    def handle_output(self, context: dg.OutputContext, obj: Any) -> None:
        (partition,) = _partitions(context)
        key = asset_location(context.asset_key.path, partition)
        storage = self.lake.storage()
        if isinstance(obj, LandedFile):
            copied = copy_landed(obj, storage, key)
            metadata = {
                "uri": dg.MetadataValue.path(copied.uri),
                "size_bytes": copied.size,
                "sha256": copied.sha256,
                "dagster/row_count": max(copied.lines - 1, 0),
            }
        elif isinstance(obj, duckdb.DuckDBPyRelation) or _type_name(type(obj)) in (
            DATAFRAME,
            ARROW_TABLE,
        ):
            descriptions = context.definition_metadata.get("column_descriptions") or {}
            metadata = tables.publish(self.con(), self._relation(obj), storage, key, descriptions)
        elif isinstance(obj, TmdbPages):
            metadata = {
                "uri": dg.MetadataValue.path(storage.uri(key)),
                "files_written": len(obj.files),
            }
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
                f"{context.asset_key.to_user_string()} returned a {type(obj).__name__}: the lake "
                "stores DuckDB relations, pandas DataFrames, Arrow tables, HTML text and files."
            )
        context.add_output_metadata(metadata)

    def load_input(self, context: dg.InputContext) -> Any:
        path, wanted = tuple(context.asset_key.path), context.dagster_type.typing_type
        partitions = _partitions(context)
        keys = [asset_location(path, partition) for partition in partitions]
        storage = self.lake.storage()
        if path[:2] == ("raw", "tmdb"):
            return tables.raw_json(storage, context.asset_key, [p for p in partitions if p])
        if path[:2] == ("raw", "local"):
            return self._load_raw_csv(storage, keys, wanted, context)
        table = tables.locate(storage, context.asset_key.to_user_string(), keys, partitions)
        if wanted is LakeTable:
            return table
        relation = tables.read(self.con(), table)
        if _type_name(wanted) == DATAFRAME:
            return relation.df()
        if _type_name(wanted) == ARROW_TABLE:
            return relation.fetch_arrow_table()
        return relation

    def _load_raw_csv(self, storage: Storage, keys: list[str], wanted: Any, context) -> Any:
        (key,) = keys
        if storage.info(key) is None:
            raise DatalakeError(
                f"{storage.uri(key)} is missing: materialise "
                f"{context.asset_key.to_user_string()} for this date first."
            )
        if wanted is RawFile:
            return RawFile(key, storage.uri(key))
        relation = tables.read_compass_csv(self.con(), storage.uri(key))
        return relation.df() if _type_name(wanted) == DATAFRAME else relation

    def _relation(self, obj: Any) -> duckdb.DuckDBPyRelation:
        if _type_name(type(obj)) == DATAFRAME:
            return self.con().from_df(obj)
        if _type_name(type(obj)) == ARROW_TABLE:
            return self.con().from_arrow(obj)
        return obj
