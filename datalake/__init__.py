"""datalake: a Dagster asset-based data lake for movie and TV data."""
