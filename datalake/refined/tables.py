"""The star schema: every Refined table, its key, what it reads and what its keys refer to."""

from dataclasses import dataclass, field

import dagster as dg

from datalake.trusted.keys import trusted_key

LOCAL = ("local/movies", "local/series")
TMDB_TITLES = ("tmdb/movies", "tmdb/series")
TMDB_CREDITS = ("tmdb/movies_credits", "tmdb/series_credits")


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
    # Conditions every row must meet (a NULL value passes): impossible values fail a gate.
    bounds: tuple[str, ...] = ()

    @property
    def inputs(self) -> dict[str, dg.AssetKey]:
        """Input name (the view its SQL reads, e.g. `local_movies`) -> upstream asset key."""
        trusted = {name.replace("/", "_"): trusted_key(*name.split("/")) for name in self.trusted}
        refined = dict.fromkeys([*self.reads, *self.references.values()])
        return trusted | {table: refined_key(table) for table in refined}


TABLES = (
    Table(
        "dim_collection",
        "TMDB franchises (collections) of the lake's movies: their films, mean popularity and "
        "ratings, from those movies.",
        keys=("collection_id",),
        trusted=(*TMDB_TITLES, "tmdb/movies_collections"),
        columns={
            "collection_name": "From /collection; the movies' own payload when it did not answer.",
            "films": "Movies of the franchise in the lake (the figures are theirs).",
            "films_listed": "Parts /collection listed (NULL: not fetched or none listed).",
        },
        bounds=("films >= 1", "first_release_year <= last_release_year"),
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
            "end_year": "Series: last year on the air; NULL while running or when unknown. With "
            "release_year, from the CSV for a title it lists, else from TMDB.",
            "running": "Series still on the air (the CSV's `\\N` end year; TMDB's in_production "
            "for a title only TMDB knows).",
            "runtime_minutes": "The CSV's; TMDB's when the CSV has none; 0 reads as unknown.",
        },
        bounds=(
            "end_year >= release_year",
            "runtime_minutes > 0",
            "decade = release_year // 10 * 10",
        ),
    ),
    Table(
        "dim_genre",
        "Genres of the titles, flagging the configured ones (DATALAKE_GENRES).",
        keys=("genre_name",),
        reads=("dim_title",),
    ),
    Table(
        "dim_period",
        "Years and decades, from the earliest release to the processing year: the periods the "
        "trends group by.",
        keys=("year",),
        reads=("dim_title",),
        columns={
            "decade_label": "The decade as text, e.g. 1990s.",
            "century": "The century's ordinal, e.g. 20 for 1950 (1900-1999).",
            "is_processing_year": "The year of the processing date (partial: the year is not over).",
        },
        bounds=("decade = year // 10 * 10",),
    ),
    Table(
        "dim_person",
        "Artists (name, birth and death years, professions) and TMDB's series creators.",
        keys=("person_id",),
        trusted=(*LOCAL, *TMDB_CREDITS),
        columns={
            "person_id": "Stable hash of name and birth year (of the TMDB id for TMDB-only).",
            "professions": "The CSV's list on the artist's first title (by IMDb id; of two on "
            "that title, the alphabetically first); TMDB's roles for a TMDB-only person.",
        },
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
        "Who worked on each title and as what (actor, director, writer, creator...), from the "
        "CSV's artists and TMDB's cast, crew and creators, with the characters played.",
        keys=("title_id", "person_id", "role"),
        trusted=(*LOCAL, *TMDB_CREDITS),
        reads=("dim_title",),
        references={"title_id": "dim_title", "person_id": "dim_person"},
        columns={"source": "Which sources list the credit: imdb, tmdb or imdb+tmdb."},
    ),
    Table(
        "fact_title_metrics",
        "Per title: IMDb and TMDB ratings, popularity, budget, revenue, ROI, runtime, seasons, "
        "episodes and longevity, and whether it is in the configured genres.",
        keys=("title_id",),
        trusted=(*LOCAL, *TMDB_TITLES),
        reads=("dim_title",),
        references={"title_id": "dim_title", "year": "dim_period"},
        columns={
            "year": "Release (first air) year: the title's period in dim_period.",
            "roi": "(revenue - budget) / budget, when TMDB knows both.",
            "years_running": "Series: first to last year on the air (to the processing year if "
            "still running).",
            "in_configured_genres": "Has one of the configured genres (DATALAKE_GENRES).",
        },
        bounds=(
            "years_running >= 1",
            "runtime_minutes > 0",
            "episodes_per_season > 0",
            "seasons >= 1",
            "budget > 0",
            "revenue > 0",
            "imdb_rating BETWEEN 0 AND 10",
            "tmdb_vote_average BETWEEN 0 AND 10",
            "tmdb_popularity >= 0",
        ),
    ),
)
