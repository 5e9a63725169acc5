"""Glue Data Catalog registration: one external Parquet table per lake table, partitioned by
`dt`, its columns taken from the Parquet schema. Registering again updates in place."""

from dataclasses import dataclass
from functools import partial

import pyarrow as pa

from datalake.errors import DatalakeError

_PARQUET = {
    "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    "SerdeInfo": {
        "SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
    },
}
PARTITION_KEYS = [{"Name": "dt", "Type": "date"}]
_SCALARS = {
    pa.string(): "string", pa.large_string(): "string", pa.bool_(): "boolean",
    pa.int8(): "tinyint", pa.int16(): "smallint", pa.int32(): "int", pa.int64(): "bigint",
    pa.uint8(): "smallint", pa.uint16(): "int", pa.uint32(): "bigint",
    pa.float32(): "float", pa.float64(): "double", pa.date32(): "date",
}  # fmt: skip


def glue_type(kind: pa.DataType) -> str:
    """The Hive type Glue and Athena use for an Arrow (Parquet) type."""
    if kind in _SCALARS:
        return _SCALARS[kind]
    if pa.types.is_timestamp(kind):
        return "timestamp"
    if pa.types.is_decimal(kind):
        return f"decimal({kind.precision},{kind.scale})"
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return f"array<{glue_type(kind.value_type)}>"
    if pa.types.is_struct(kind):
        fields = ",".join(f"{f.name}:{glue_type(f.type)}" for f in kind)
        return f"struct<{fields}>"
    if pa.types.is_map(kind):
        return f"map<{glue_type(kind.key_type)},{glue_type(kind.item_type)}>"
    raise DatalakeError(f"Parquet type {kind} has no Glue equivalent: cast the column first.")


@dataclass(frozen=True)
class GlueTable:
    """A lake table as Glue sees it: its name, folder of every date, and schema."""

    name: str
    location: str  # s3://bucket/prefix/Refined/dim_title/ (the dt=... folders are beneath)
    schema: pa.Schema
    description: str

    def columns(self) -> list[dict]:
        return [{"Name": f.name, "Type": glue_type(f.type)} for f in self.schema]

    def storage(self, location: str) -> dict:
        return {"Columns": self.columns(), "Location": location, **_PARQUET}

    def table_input(self) -> dict:
        return {
            "Name": self.name,
            "Description": self.description,
            "TableType": "EXTERNAL_TABLE",
            "Parameters": {"classification": "parquet", "EXTERNAL": "TRUE"},
            "StorageDescriptor": self.storage(self.location),
            "PartitionKeys": PARTITION_KEYS,
        }

    def partition_input(self, date: str) -> dict:
        return {"Values": [date], "StorageDescriptor": self.storage(f"{self.location}dt={date}/")}


def _upsert(glue, create, update) -> str:
    """Create; when it already exists, update instead (so registering again is harmless)."""
    try:
        create()
    except glue.exceptions.AlreadyExistsException:
        update()
        return "updated"
    return "created"


def register(glue, database: str, tables: list[GlueTable], date: str) -> dict[str, str]:
    """Create or update the database, each table and its partition of `date`; what was done."""
    create_database = partial(glue.create_database, DatabaseInput={"Name": database})
    done = {database: _upsert(glue, create_database, lambda: None)}  # nothing of ours to update
    for table in tables:
        spec, partition = table.table_input(), table.partition_input(date)
        done[table.name] = _upsert(
            glue,
            partial(glue.create_table, DatabaseName=database, TableInput=spec),
            partial(glue.update_table, DatabaseName=database, TableInput=spec),
        )
        where = {"DatabaseName": database, "TableName": table.name}
        _upsert(
            glue,
            partial(glue.create_partition, **where, PartitionInput=partition),
            partial(
                glue.update_partition, **where, PartitionValueList=[date], PartitionInput=partition
            ),
        )
    return done
