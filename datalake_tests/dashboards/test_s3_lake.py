"""Refined and the dashboard on an S3 lake (a real SeaweedFS on loopback)."""

import os

from datalake.query import open_catalog
from datalake.refined.tables import TABLES
from datalake.storage import open_storage
from datalake.storage.layout import dashboard_key, refined_catalog_key
from datalake_tests.refined.lake import DATE, materialize


def test_s3_lake(trusted_lake, s3_bucket):
    lake = s3_bucket + "/lake"
    storage = open_storage(lake)
    for path in sorted((trusted_lake / "Trusted").rglob("*.parquet")):
        with path.open("rb") as source:
            storage.upload(source, path.relative_to(trusted_lake).as_posix())
    result = materialize(lake)
    assert result.success
    page = storage.read_bytes(dashboard_key(DATE)).decode("utf-8")
    assert "The Godfather Collection" in page and page.count("<script") == 2
    catalog = storage.read_bytes(refined_catalog_key())
    assert os.environ["AWS_SECRET_ACCESS_KEY"].encode() not in catalog
    with open_catalog(storage) as con:  # a fresh client, with its own S3 credentials
        for spec in TABLES:
            (rows,) = con.execute(f"SELECT count(*) FROM refined.{spec.name}").fetchall()[0]
            assert rows > 0, spec.name
        history = con.execute("SELECT count(DISTINCT dt) FROM refined.dim_title_history")
        assert history.fetchall() == [(1,)]
        franchises = con.execute("SELECT collection_name FROM analysis.franchise_popularity")
        assert ("The Godfather Collection",) in franchises.fetchall()
