"""The Trusted zone's SQL, kept in readable files under `sql/`.

Files hold one statement each. `${name}` placeholders take SQL fragments built from this package's
constants (column lists, checks); values and file URIs are always bound as parameters (`?` or a
DuckDB named `$name`).
"""

import re
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb

_FRAGMENT = re.compile(r"\$\{(\w+)\}")


@cache
def _text(name: str) -> str:
    return (resources.files("datalake.trusted") / "sql" / f"{name}.sql").read_text("utf-8")


def query(name: str, **fragments: str) -> str:
    """The statement of `sql/<name>.sql` with its `${...}` fragments filled in."""
    return _FRAGMENT.sub(lambda match: fragments[match.group(1)], _text(name))


def sql_literal(text: str) -> str:
    """A SQL string literal of one of this package's constants (never of data: bind that)."""
    return "'" + text.replace("'", "''") + "'"


def copy_to(con: duckdb.DuckDBPyConnection, sql: str, path: Path, **params) -> int:
    """Run a `COPY (...) TO $target` statement into the local file `path`; returns rows written."""
    return con.execute(sql, {"target": str(path), **params}).fetchall()[0][0]
