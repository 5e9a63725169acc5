"""SQL kept in readable files under a package's `sql/` folder, one statement or script per file.

`${name}` placeholders take SQL fragments built from the project's own constants (column lists,
checks). Values and file URIs are never formatted into SQL: they are bound as parameters (`?`,
`$name`) or, where DuckDB cannot prepare a statement (views), set as variables read with
`getvariable`.
"""

import re
from functools import cache
from importlib import resources

_FRAGMENT = re.compile(r"\$\{(\w+)\}")


@cache
def sql_file(package: str, name: str) -> str:
    """The text of `<package>/sql/<name>.sql`."""
    return (resources.files(package) / "sql" / f"{name}.sql").read_text("utf-8")


def render(package: str, name: str, **fragments: str) -> str:
    """The statement of `<package>/sql/<name>.sql` with its `${...}` fragments filled in."""
    return _FRAGMENT.sub(lambda match: fragments[match.group(1)], sql_file(package, name))


def sql_literal(text: str) -> str:
    """A SQL string literal of one of the project's constants (never of data: bind that)."""
    return "'" + text.replace("'", "''") + "'"
