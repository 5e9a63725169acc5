"""SQL kept in readable files under a package's `sql/` folder, one statement or script per file.

Values and file URIs are never formatted into these files: they are bound as `?` parameters or,
where DuckDB cannot prepare a statement (views), set as variables read with `getvariable`.
"""

from functools import cache
from importlib import resources


@cache
def sql_file(package: str, name: str) -> str:
    """The text of `<package>/sql/<name>.sql`."""
    return (resources.files(package) / "sql" / f"{name}.sql").read_text("utf-8")


def query(name: str) -> str:
    """A statement of the Refined zone's `sql/` folder."""
    return sql_file("datalake.refined", name)
