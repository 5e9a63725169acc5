"""The star schema: every Refined table, its key, what it reads and what its keys refer to."""

from dataclasses import dataclass, field

import dagster as dg

from datalake.trusted.keys import trusted_key

LOCAL = ("local/movies", "local/series")
TMDB_TITLES = ("tmdb/movies", "tmdb/series")


def refined_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["refined", table])


@dataclass(frozen=True)
class Table:
    """A table written by `sql/<name>.sql` from the inputs it names."""

    name: str
    description: str
    keys: tuple[str, ...]
    trusted: tuple[str, ...] = ()  # Trusted tables read, as `origin/table`
    reads: tuple[str, ...] = ()  # Refined tables read
    references: dict[str, str] = field(default_factory=dict)  # column -> dimension keyed by it
    columns: dict[str, str] = field(default_factory=dict)  # descriptions of derived columns

    @property
    def inputs(self) -> dict[str, dg.AssetKey]:
        """Input name (the view its SQL reads, e.g. `local_movies`) -> upstream asset key."""
        trusted = {name.replace("/", "_"): trusted_key(*name.split("/")) for name in self.trusted}
        refined = dict.fromkeys([*self.reads, *self.references.values()])
        return trusted | {table: refined_key(table) for table in refined}


TABLES = (
    Table(
        "dim_collection",
        "TMDB franchises (collections): their films, mean popularity and ratings.",
        keys=("collection_id",),
        trusted=("tmdb/movies", "tmdb/movies_collections"),
        columns={"films": "Films in the franchise according to TMDB (not only those in the lake)."},
    ),
    Table(
        "dim_title",
        "One row per movie or series: IMDb and TMDB ids, titles, years, runtime, genres and "
        "franchise.",
        keys=("title_id",),
        trusted=(*LOCAL, *TMDB_TITLES),
        references={"collection_id": "dim_collection"},
        columns={
            "title_id": "The IMDb id; `tmdb:<kind>:<id>` for a title only TMDB knows.",
            "genres": "IMDb genres (the CSV's); TMDB's for a title only TMDB knows.",
        },
    ),
    Table(
        "dim_genre",
        "Genres of the titles, flagging the configured ones (DATALAKE_GENRES).",
        keys=("genre_name",),
        reads=("dim_title",),
    ),
    Table(
        "dim_person",
        "Artists (name, birth and death years, professions) and TMDB's series creators.",
        keys=("person_id",),
        trusted=(*LOCAL, "tmdb/series_credits"),
        columns={"person_id": "Stable hash of name and birth year (of the TMDB id for TMDB-only)."},
    ),
    Table(
        "bridge_title_genre",
        "Which genres each title has.",
        keys=("title_id", "genre_name"),
        reads=("dim_title",),
        references={"title_id": "dim_title", "genre_name": "dim_genre"},
    ),
    Table(
        "bridge_title_person",
        "Who worked on each title and as what (actor, director, writer, creator...), with the "
        "characters played.",
        keys=("title_id", "person_id", "role"),
        trusted=(*LOCAL, "tmdb/series_credits"),
        reads=("dim_title",),
        references={"title_id": "dim_title", "person_id": "dim_person"},
    ),
    Table(
        "fact_title_metrics",
        "Per title: IMDb and TMDB ratings, popularity, budget, revenue, ROI, runtime, seasons, "
        "episodes and longevity, and whether it is in the configured genres.",
        keys=("title_id",),
        trusted=(*LOCAL, *TMDB_TITLES),
        reads=("dim_title",),
        references={"title_id": "dim_title"},
        columns={
            "roi": "(revenue - budget) / budget, when TMDB knows both.",
            "years_running": "Series: first to last year on the air (to the processing year if "
            "still running).",
            "in_configured_genres": "Has one of the configured genres (DATALAKE_GENRES).",
        },
    ),
)
