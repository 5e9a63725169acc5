"""The column mapping: it follows the real headers and the documentation says what the code does."""

from pathlib import Path

import pytest

from datalake.shared.source_format import HEADERS
from datalake.trusted.csv_columns import COLUMNS

DOC = Path(__file__).parents[2] / "docs" / "trusted_columns.md"


@pytest.mark.parametrize("spec", ["movies", "series"])
def test_columns_follow_the_header_and_are_snake_case(spec):
    columns = COLUMNS[spec]
    assert tuple(c.source for c in columns) == HEADERS[spec]  # fields are matched by position
    assert all(c.name.isidentifier() and c.name == c.name.lower() for c in columns)
    assert len({c.name for c in columns}) == len(columns)


def test_the_documented_mapping_is_the_code_s():
    rows = [line for line in DOC.read_text("utf-8").splitlines() if line.startswith("| `")]
    for column in {c for columns in COLUMNS.values() for c in columns}:
        row = next((r for r in rows if r.startswith(f"| `{column.source}`")), None)
        assert row is not None, column.source
        assert f"| `{column.name}` | {column.kind.sql_type} |" in row, row
