"""What every Trusted materialisation reports about a Parquet table: rows, schema and a preview."""

from pathlib import Path

import dagster as dg
import duckdb

PREVIEW_ROWS = 5
_CELL_CHARS = 60


def table_metadata(
    con: duckdb.DuckDBPyConnection,
    parquet: Path,
    uri: str,
    descriptions: dict[str, str] | None = None,
) -> dict:
    """`dagster/row_count`, `dagster/column_schema`, `preview` and `uri` of a staged table."""
    descriptions = descriptions or {}
    relation = con.sql("SELECT * FROM read_parquet(?)", params=[str(parquet)])
    schema = dg.TableSchema(
        columns=[
            dg.TableColumn(name, str(kind), description=descriptions.get(name))
            for name, kind in zip(relation.columns, relation.types)
        ]
    )
    (rows,) = con.execute("SELECT count(*) FROM read_parquet(?)", [str(parquet)]).fetchall()[0]
    return {
        "dagster/row_count": rows,
        "dagster/column_schema": schema,
        "preview": dg.MetadataValue.md(markdown_preview(relation)),
        "uri": dg.MetadataValue.path(uri),
    }


def markdown_preview(relation: duckdb.DuckDBPyRelation) -> str:
    """The first rows as a markdown table; `|` and newlines in values are escaped."""
    rows = relation.limit(PREVIEW_ROWS).fetchall()
    lines = [_row(relation.columns), _row(["---"] * len(relation.columns))]
    lines += [_row(_cell(value) for value in row) for row in rows]
    return "\n".join(lines)


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(value) -> str:
    text = "" if value is None else str(value)
    text = text if len(text) <= _CELL_CHARS else text[: _CELL_CHARS - 1] + "…"
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
