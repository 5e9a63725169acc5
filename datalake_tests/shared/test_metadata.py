"""Metadata of a materialisation: schema, row count and a markdown preview that cannot break."""

import dagster as dg
import duckdb

from datalake.shared.metadata import PREVIEW_ROWS, markdown_preview, table_metadata


def test_metadata_describes_a_parquet_table(tmp_path):
    path = tmp_path / "t.parquet"
    with duckdb.connect() as con:
        con.execute(
            "COPY (SELECT range AS n, 'a|b' || chr(10) || 'c' AS text, ['x', 'y'] AS tags "
            "FROM range(7)) TO ? (FORMAT parquet)",
            [str(path)],
        )
        metadata = table_metadata(con, path, "s3://bucket/T/", {"n": "a number"})

    assert metadata["dagster/row_count"] == 7
    schema: dg.TableSchema = metadata["dagster/column_schema"]
    assert [(c.name, c.type, c.description) for c in schema.columns] == [
        ("n", "BIGINT", "a number"), ("text", "VARCHAR", None), ("tags", "VARCHAR[]", None),
    ]  # fmt: skip
    lines = metadata["preview"].value.splitlines()
    assert lines[0] == "| n | text | tags |" and len(lines) == 2 + PREVIEW_ROWS
    assert lines[2] == "| 0 | a\\|b c | ['x', 'y'] |"
    assert metadata["uri"].value == "s3://bucket/T/"


def test_a_relation_preview_shows_its_first_rows():
    relation = duckdb.sql("SELECT range AS n FROM range(100)")
    assert markdown_preview(relation).splitlines()[2:] == [f"| {n} |" for n in range(PREVIEW_ROWS)]
