"""Engines that run the lake's transforms: DuckDB in the Dagster process (the default) or Spark."""
