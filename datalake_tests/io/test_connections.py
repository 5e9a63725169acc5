"""The lake's DuckDB connections: every core, the memory cap and the spill folder they are given."""

import os

import pytest

from datalake.resources.duck import LakeDuckDB
from datalake.resources.lake import LakeResource
from datalake.resources.s3 import LakeS3Resource


@pytest.mark.parametrize("cores", [None, 3])  # as found, and more cores than DuckDB's default
def test_a_connection_uses_every_core_its_cap_and_its_spill_folder(tmp_path, monkeypatch, cores):
    if cores:
        monkeypatch.setattr(os, "cpu_count", lambda: cores)
    lake = LakeResource(
        storage_uri=str(tmp_path / "lake"), landing_uri=str(tmp_path / "in"), s3=LakeS3Resource()
    )
    spill = tmp_path / "spill"
    with LakeDuckDB(lake=lake).connect(str(spill)) as con:
        threads, limit, folder = con.execute(
            "SELECT current_setting('threads'), current_setting('memory_limit'), "
            "current_setting('temp_directory')"
        ).fetchone()
    assert threads == max(os.cpu_count() or 1, 1)
    assert limit.replace(" ", "") in {"1GB", "953.6MiB"}  # DuckDB shows 1 GB in binary units
    assert folder == str(spill)
