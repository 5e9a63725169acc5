"""The Refined zone's SQL, kept in readable files under `sql/` (see `datalake.shared.sql`)."""

from datalake.shared.sql import sql_file


def query(name: str) -> str:
    """A statement or script of `refined/sql/<name>.sql`."""
    return sql_file("datalake.refined", name)
