"""What every Trusted materialisation reports about a Parquet table: rows, schema and a preview."""

from pathlib import Path

import dagster as dg
import duckdb

PREVIEW_ROWS = 5
_CELL_CHARS = 60


def table_metadata(
    con: duckdb.DuckDBPyConnection,
    parquet: Path | str,
    uri: str,
    descriptions: dict[str, str] | None = None,
) -> dict:
    """`dagster/row_count`, `dagster/column_schema`, `preview` and `uri` of a staged table."""
    descriptions = descriptions or {}
    path = [str(parquet)]
    described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", path).fetchall()
    schema = dg.TableSchema(
        columns=[
            dg.TableColumn(name, kind, description=descriptions.get(name))
            for name, kind, *_ in described
        ]
    )
    # Bound parameters make DuckDB run a query at once, so the preview asks for its rows only.
    (rows,) = con.execute("SELECT count(*) FROM read_parquet(?)", path).fetchall()[0]
    first = con.execute("SELECT * FROM read_parquet(?) LIMIT ?", [*path, PREVIEW_ROWS]).fetchall()
    return {
        "dagster/row_count": rows,
        "dagster/column_schema": schema,
        "preview": dg.MetadataValue.md(markdown_table([c[0] for c in described], first)),
        "uri": dg.MetadataValue.path(uri),
    }


def markdown_preview(relation: duckdb.DuckDBPyRelation) -> str:
    """The first rows of a (lazy) relation as a markdown table."""
    return markdown_table(relation.columns, relation.limit(PREVIEW_ROWS).fetchall())


def markdown_table(columns: list[str], rows: list[tuple]) -> str:
    """Rows as a markdown table; `|` and newlines in values are escaped, long values cut."""
    lines = [_row(columns), _row(["---"] * len(columns))]
    lines += [_row(_cell(value) for value in row) for row in rows]
    return "\n".join(lines)


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(value) -> str:
    text = "" if value is None else str(value)
    text = text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
