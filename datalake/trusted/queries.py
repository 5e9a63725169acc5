"""The Trusted zone's SQL, kept in readable files under `sql/` (see `datalake.shared.sql`)."""

from datalake.shared.sql import render


def query(name: str, **fragments: str) -> str:
    """The statement of `trusted/sql/<name>.sql` with its `${...}` fragments filled in."""
    return render("datalake.trusted", name, **fragments)
