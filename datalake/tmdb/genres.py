"""TMDB's genre lists and how IMDb's genre names (the CSV's `genero`) map onto them."""

MOVIE_GENRES = {
    28: "Action", 12: "Adventure", 16: "Animation", 35: "Comedy", 80: "Crime", 99: "Documentary",
    18: "Drama", 10751: "Family", 14: "Fantasy", 36: "History", 27: "Horror", 10402: "Music",
    9648: "Mystery", 10749: "Romance", 878: "Science Fiction", 10770: "TV Movie", 53: "Thriller",
    10752: "War", 37: "Western",
}  # fmt: skip
# TV has no War (10752) but War & Politics (10768), and merges Action & Adventure, Sci-Fi & Fantasy.
TV_GENRES = {
    10759: "Action & Adventure", 16: "Animation", 35: "Comedy", 80: "Crime", 99: "Documentary",
    18: "Drama", 10751: "Family", 10762: "Kids", 9648: "Mystery", 10763: "News", 10764: "Reality",
    10765: "Sci-Fi & Fantasy", 10766: "Soap", 10767: "Talk", 10768: "War & Politics", 37: "Western",
}  # fmt: skip
GENRES = {"movie": MOVIE_GENRES, "tv": TV_GENRES}

# IMDb names whose TMDB counterpart is spelled differently.
_ALIASES = {
    "sci-fi": ("science fiction",), "musical": ("music",), "reality-tv": ("reality",),
    "talk-show": ("talk",), "game-show": ("reality",), "film-noir": ("crime",),
}  # fmt: skip


def matches(imdb_name: str, tmdb_name: str) -> bool:
    """`War` matches `War` and `War & Politics`; `Sci-Fi` matches `Science Fiction`."""
    wanted = {imdb_name.strip().lower(), *_ALIASES.get(imdb_name.strip().lower(), ())}
    tmdb = tmdb_name.lower()
    return tmdb in wanted or bool(wanted & {part.strip() for part in tmdb.split("&")})


def genre_ids(tmdb_genres: list[dict], imdb_names: list[str]) -> list[int]:
    """Ids of the TMDB genres (from `/genre/{media}/list`) matching any of the IMDb names."""
    return sorted(
        g["id"] for g in tmdb_genres if any(matches(name, g["name"]) for name in imdb_names)
    )


# The genre names of the IMDb-derived exports (`genero`): what DATALAKE_GENRES may name.
IMDB_GENRES = (
    "Action", "Adult", "Adventure", "Animation", "Biography", "Comedy", "Crime", "Documentary",
    "Drama", "Family", "Fantasy", "Film-Noir", "Game-Show", "History", "Horror", "Music", "Musical",
    "Mystery", "News", "Reality-TV", "Romance", "Sci-Fi", "Short", "Sport", "Talk-Show", "Thriller",
    "War", "Western",
)  # fmt: skip


def unknown_genres(names: list[str] | tuple[str, ...]) -> list[str]:
    """The names that are no IMDb genre (compared without case: `crime` is Crime)."""
    known = {g.lower() for g in IMDB_GENRES}
    return [name for name in names if name.strip().lower() not in known]
