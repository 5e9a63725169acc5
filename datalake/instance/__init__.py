"""The local Dagster instance: the shipped `dagster.yaml`, installed safely into DAGSTER_HOME."""

import shutil
from pathlib import Path

from filelock import FileLock

SHIPPED_CONFIG = Path(__file__).resolve().parent / "dagster.yaml"
_LOCK_NAME = ".datalake-init.lock"
_READY_NAME = ".datalake-ready"


def prepare_home(home: Path) -> Path:
    """DAGSTER_HOME with a dagster.yaml (the shipped one unless it has its own) and storage that
    exists, created once: concurrent first runs wait on a file lock instead of racing to create
    the same SQLite databases."""
    home.mkdir(parents=True, exist_ok=True)
    if (home / _READY_NAME).exists():
        return home
    with FileLock(str(home / _LOCK_NAME)):
        if not (home / _READY_NAME).exists():
            config = home / "dagster.yaml"
            if not config.exists():
                shutil.copyfile(SHIPPED_CONFIG, config)
            _create_storage(home)
            (home / _READY_NAME).touch()
    return home


def _create_storage(home: Path) -> None:
    import dagster as dg

    # Opening the instance creates (and migrates) its run, event-log and schedule databases.
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.get_runs(limit=1)
        instance.all_instigator_state()
        instance.event_log_storage.get_asset_records()
