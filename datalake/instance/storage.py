"""The local instance: Dagster's own SQLite storage (same files, same schema), with an event log
that keeps its database connections open.

Dagster's SQLite event log builds a database engine for every event it writes and disposes of
it after the commit; closing the file's last connection checkpoints its write-ahead log, so each
of the few hundred events of a whole-lake run paid for opening the file, a checkpoint and a
close (about a tenth of the run's CPU). Here each process keeps the engines of the few database
files it wrote to last; every event is still its own committed transaction.
"""

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dagster as dg
from dagster._core.instance.ref import InstanceRef
from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    SQLITE_BUSY_TIMEOUT_SECONDS,
    SqliteEventLogStorage,
)
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from dagster._serdes import ConfigurableClassData
from sqlalchemy import Connection, Engine, create_engine

KEPT_ENGINES = 8  # database files (the index and recent runs' shards) a process keeps open


class KeptOpenSqliteEventLogStorage(SqliteEventLogStorage):
    """Dagster's SQLite event log, keeping an engine per database file instead of one per event."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        self._engines: OrderedDict[tuple[int, str], Engine] = OrderedDict()
        self._engines_lock = threading.Lock()
        super().__init__(base_dir, inst_data)

    def _engine(self, shard: str) -> Engine:
        # Keyed by process: a forked child never shares its parent's open connections.
        key = (os.getpid(), shard)
        with self._engines_lock:
            engine = self._engines.get(key)
            if engine is not None:
                self._engines.move_to_end(key)
                return engine
            engine = create_engine(
                self.conn_string_for_shard(shard),
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
            )
            self._engines[key] = engine
            while len(self._engines) > KEPT_ENGINES:
                _, oldest = self._engines.popitem(last=False)
                oldest.dispose()
            return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn, conn.begin():
                yield conn

    def _dispose_engines(self) -> None:
        with self._engines_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()

    def wipe(self) -> None:
        self._dispose_engines()  # the files are deleted: no connection may keep writing to them
        super().wipe()

    def dispose(self) -> None:
        self._dispose_engines()
        super().dispose()


class LakeSqliteStorage(DagsterSqliteStorage):
    """Dagster's SQLite storage with the kept-open event log."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        super().__init__(base_dir, inst_data)
        self._event_log_storage = KeptOpenSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(  # type: ignore[override]
        cls, inst_data: ConfigurableClassData, config_value: dict[str, Any]
    ) -> "LakeSqliteStorage":
        return cls.from_local(inst_data=inst_data, **config_value)


class LakeInstance(dg.DagsterInstance):
    """The lake's local Dagster instance (`instance_class` of the shipped dagster.yaml): Dagster's
    defaults, with `LakeSqliteStorage` unless dagster.yaml names another storage."""

    @classmethod
    def config_schema(cls) -> dict:
        return {}

    @staticmethod
    def config_defaults(base_dir: str) -> dict[str, ConfigurableClassData | None]:
        storage = ConfigurableClassData(
            __name__,
            LakeSqliteStorage.__name__,
            json.dumps({"base_dir": base_dir}),  # JSON is YAML
        )
        return {**InstanceRef.config_defaults(base_dir), "storage": storage}
