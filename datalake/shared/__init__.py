"""Tools every layer uses: the SQL loader, DuckDB table helpers and standard table metadata."""
