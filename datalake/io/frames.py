"""pandas DataFrames and Arrow tables at the IO manager's boundary.

Both libraries are imported here, on first use, and only when an asset hands over or asks for one
of their types: the lake's own assets work on DuckDB relations, and importing pandas would add
seconds to every cold start.
"""

from typing import Any

import duckdb


def relation_of(con: duckdb.DuckDBPyConnection, obj: Any) -> duckdb.DuckDBPyRelation | None:
    """A relation over a DataFrame or Arrow table an asset returned; None for any other object."""
    import pandas as pd
    import pyarrow as pa

    if isinstance(obj, pd.DataFrame):
        return con.from_df(obj)
    if isinstance(obj, pa.Table):
        return con.from_arrow(obj)
    return None


def as_wanted(relation: duckdb.DuckDBPyRelation, wanted: Any) -> Any:
    """The relation as the type an input is annotated with: a DataFrame, an Arrow table, or the
    relation itself for any other annotation (none, `DuckDBPyRelation`, `Any`)."""
    if getattr(wanted, "__module__", "").split(".")[0] not in ("pandas", "pyarrow"):
        return relation
    import pandas as pd
    import pyarrow as pa

    if wanted is pd.DataFrame:
        return relation.df()
    if wanted is pa.Table:
        return relation.fetch_arrow_table()
    return relation
