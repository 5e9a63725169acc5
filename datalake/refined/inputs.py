"""What a Refined statement reads (its inputs) and the scripts it needs, as a `Transform`.

The CSV-derived Trusted tables must exist. TMDB ones may not (no credentials, or TMDB not run for
the date): an absent one reads as an empty table of the same columns, so the star schema is
still built, with its TMDB columns NULL.
"""

from datalake.engines.transform import Transform
from datalake.errors import DatalakeError
from datalake.io.handover import LakeTable
from datalake.refined.queries import query
from datalake.refined.tmdb_columns import TMDB_COLUMNS
from datalake.storage.layout import processing_date

# Scripts of shared views, each run once every Trusted table it needs is an input.
_DERIVED = {
    "inputs_csv": {"local_movies", "local_series"},
    "inputs_tmdb": {"tmdb_movies", "tmdb_series"},
    "inputs_people": {
        "local_movies",
        "local_series",
        "tmdb_movies_credits",
        "tmdb_series_credits",
    },
}


def refined_transform(
    table: str, date: str, genres: tuple[str, ...], inputs: dict[str, LakeTable]
) -> tuple[Transform, list[str]]:
    """The transform of `refined/sql/<table>.sql` over views named after the inputs
    (`local_movies`, `tmdb_series`, `dim_title`...) and the shared derived views; with the TMDB
    tables absent for the date (read as empty)."""
    present, empty, absent = {}, {}, []
    for name, lake_table in inputs.items():
        if lake_table.exists:
            present[name] = lake_table
        elif name.startswith("tmdb_"):
            empty[name] = TMDB_COLUMNS[name.removeprefix("tmdb_")]
            absent.append(name.replace("_", "/", 1))
        else:
            raise DatalakeError(lake_table.missing_error())
    derived = [script for script, needs in _DERIVED.items() if needs <= set(inputs)]
    transform = Transform(
        name=table,
        query=query(table),
        inputs=present,
        scripts=(query("macros"), *map(query, derived)),
        columns={
            n: TMDB_COLUMNS[n.removeprefix("tmdb_")] for n in present if n.startswith("tmdb_")
        },
        empty=empty,
        variables={"genres": list(genres), "processing_year": processing_date(date).year},
    )
    return transform, absent
