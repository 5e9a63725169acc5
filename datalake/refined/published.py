"""The tables the catalogs publish: every Refined table and every Trusted one, each under the
name analysts see (`refined.dim_title`, `trusted.local_movies`, `trusted.tmdb_movies_credits`)."""

import dagster as dg

from datalake.refined.tables import TABLES, refined_key
from datalake.trusted.keys import trusted_key
from datalake.trusted.tmdb_transform import TABLE_SQL

_TRUSTED = {
    "local": ("movies", "series"),
    "tmdb": tuple(table for tables in TABLE_SQL.values() for table in tables),
}
# Input name -> (`schema.name` in the catalogs, asset key, description).
PUBLISHED: dict[str, tuple[str, dg.AssetKey, str]] = {
    t.name: (f"refined.{t.name}", refined_key(t.name), t.description) for t in TABLES
} | {
    f"{origin}_{table}": (
        f"trusted.{origin}_{table}",
        trusted_key(origin, table),
        f"Trusted {origin} {table.replace('_', ' ')}.",
    )
    for origin, tables in _TRUSTED.items()
    for table in tables
}
