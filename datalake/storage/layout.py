"""The lake's key layout (CONTRACT.md), computed here and nowhere else.

Keys follow the challenge's `<layer>/<origin>/<format>/<spec>/<YYYY>/<MM>/<DD>/<file>` pattern for
raw files and Hive-style `dt=YYYY-MM-DD` folders for Parquet, so DuckDB can prune by date.
"""

import datetime as dt
import re
from collections.abc import Sequence
from typing import Literal

from datalake.errors import DatalakeError

Spec = Literal["movies", "series"]
SPECS: tuple[Spec, ...] = ("movies", "series")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


def processing_date(partition_key: str) -> dt.date:
    """Validate a partition key: only a real `YYYY-MM-DD` date can ever reach a storage key."""
    if not isinstance(partition_key, str) or not _DATE.fullmatch(partition_key):
        raise DatalakeError(
            f"Invalid processing date {partition_key!r}: expected YYYY-MM-DD, e.g. 2022-05-02."
        )
    try:
        return dt.date.fromisoformat(partition_key)
    except ValueError as exc:
        raise DatalakeError(f"Invalid processing date {partition_key!r}: {exc}.") from None


def _spec(spec: str) -> str:
    if spec not in SPECS:
        raise DatalakeError(f"Unknown data specification {spec!r}: expected one of {SPECS}.")
    return spec.capitalize()


def _name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise DatalakeError(f"Invalid name {name!r} for a lake key: use lowercase snake_case.")
    return name


def _ymd(partition_key: str) -> str:
    return processing_date(partition_key).strftime("%Y/%m/%d")


def _dt(partition_key: str) -> str:
    return f"dt={processing_date(partition_key).isoformat()}"


def raw_csv_key(spec: Spec, partition_key: str) -> str:
    """`Raw/Local/CSV/Movies/2022/05/02/movies.csv`: the byte-for-byte copy of a source file."""
    return f"Raw/Local/CSV/{_spec(spec)}/{_ymd(partition_key)}/{spec}.csv"


def raw_tmdb_prefix(spec: Spec, partition_key: str) -> str:
    """Folder of the raw TMDB JSON files of one processing date."""
    return f"Raw/TMDB/JSON/{_spec(spec)}/{_ymd(partition_key)}/"


def raw_tmdb_key(spec: Spec, partition_key: str, name: str, number: int) -> str:
    """`Raw/TMDB/JSON/Movies/2022/05/02/<name>-0001.json`: one file of at most 100 records."""
    if not 1 <= number <= 9999:
        raise DatalakeError(f"Raw TMDB file number {number} is outside 1..9999.")
    return f"{raw_tmdb_prefix(spec, partition_key)}{_name(name)}-{number:04d}.json"


def trusted_prefix(origin: Literal["local", "tmdb"], table: str, partition_key: str) -> str:
    """`Trusted/Local/Parquet/Movies/dt=2022-05-02/`; child tables nest under the title's spec."""
    origins = {"local": "Local", "tmdb": "TMDB"}
    if origin not in origins:
        raise DatalakeError(f"Unknown origin {origin!r}: expected 'local' or 'tmdb'.")
    spec, _, child = table.partition("_")
    folder = _spec(spec) + (f"/{_name(child)}" if child else "")
    return f"Trusted/{origins[origin]}/Parquet/{folder}/{_dt(partition_key)}/"


def refined_prefix(table: str, partition_key: str) -> str:
    """`Refined/<table>/dt=2022-05-02/`: one star-schema table snapshot."""
    return f"{refined_table_root(table)}{_dt(partition_key)}/"


def refined_table_root(table: str) -> str:
    """`Refined/<table>/`: every date's snapshot of one star-schema table."""
    return f"Refined/{_name(table)}/"


def snapshot_dates(keys: Sequence[str]) -> set[str]:
    """The dates of the `dt=YYYY-MM-DD/` folders these keys lie in."""
    found = (re.search(r"/dt=(\d{4}-\d{2}-\d{2})/", key) for key in keys)
    return {match.group(1) for match in found if match}


def refined_catalog_key() -> str:
    """`Refined/catalog.duckdb`: DuckDB views over the newest complete star-schema snapshot."""
    return "Refined/catalog.duckdb"


def rejected_prefix(layer: str, table: str, partition_key: str) -> str:
    """`Rejected/trusted/movies/dt=2022-05-02/`: rows refused, each with its reason."""
    return f"Rejected/{_name(layer)}/{_name(table)}/{_dt(partition_key)}/"


def dashboard_key(partition_key: str) -> str:
    """`Dashboards/dt=2022-05-02/index.html`: the self-contained dashboard of that date."""
    return f"Dashboards/{_dt(partition_key)}/index.html"


REJECTED_SUFFIX = "_rejected"


def asset_location(asset_key: Sequence[str], partition_key: str | None) -> str:
    """Where an asset's partition lives: a file key, or a folder prefix ending with `/`.

    This is the lake IO manager's one mapping from asset keys to storage keys: `raw/local/<spec>`,
    `raw/tmdb/<spec>`, `trusted/local/<spec>` (and `<spec>_rejected`, kept under `Rejected/`),
    `trusted/tmdb/<table>`, `refined/<table>` (any name: user assets land there too),
    `refined/catalog` and `dashboards/overview`.
    """
    path = tuple(asset_key)
    if path == ("refined", "catalog"):
        return refined_catalog_key()
    if partition_key is None:
        raise DatalakeError(f"Asset {'/'.join(path)} needs a processing date (partition key).")
    match path:
        case ("raw", "local", spec):
            return raw_csv_key(spec, partition_key)  # type: ignore[arg-type]
        case ("raw", "tmdb", spec):
            return raw_tmdb_prefix(spec, partition_key)  # type: ignore[arg-type]
        case ("trusted", "local", table) if table.endswith(REJECTED_SUFFIX):
            return rejected_prefix("trusted", table.removesuffix(REJECTED_SUFFIX), partition_key)
        case ("trusted", "local" | "tmdb" as origin, table):
            return trusted_prefix(origin, table, partition_key)
        case ("refined", table):
            return refined_prefix(table, partition_key)
        case ("dashboards", "overview"):
            return dashboard_key(partition_key)
    raise DatalakeError(
        f"Asset key {'/'.join(path)} has no place in the lake layout: use raw/local/<spec>, "
        "raw/tmdb/<spec>, trusted/<origin>/<table>, refined/<table> or dashboards/overview."
    )
